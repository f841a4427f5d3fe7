import type { CreditPlatform, PushBatch } from '../ports/creditPlatform.ts';
import type { CycleStore } from '../ports/cycleStore.ts';
import type { TokenVerifier, WebhookSecrets } from '../ports/identity.ts';
import type { RecordQueue } from '../ports/queue.ts';
import type { Scheduler } from '../ports/scheduler.ts';
import type { CreditStore } from '../ports/store.ts';
import type { Clock } from '../shared/clock.ts';
import type { createLogger } from '../shared/logger.ts';

/** A queue of JSON messages (`rescore`, `push`). */
export interface JsonQueue<T> {
  send(messages: readonly T[]): Promise<void>;
}

/**
 * What a composition takes from its platform: on AWS the adapters of `./aws/`, built from the
 * function's environment when first asked for (one module per AWS service, so that a bundle imports
 * only the SDK clients its function uses); in the local runtime (`infra/local/runtime.ts`) DynamoDB
 * Local, the SQS server, the local scheduler and an adjustable clock. Each `compose…` takes only the
 * edges its function uses (`Pick<Edges, …>`), so a composition root builds nothing more.
 */
export interface Edges {
  readonly clock: Clock;
  readonly logger: typeof createLogger;
  readonly store: CreditStore;
  readonly cycleStore: CycleStore;
  readonly recordQueue: RecordQueue;
  readonly rescoreQueue: JsonQueue<unknown>;
  readonly pushQueue: JsonQueue<PushBatch>;
  readonly scheduler: Scheduler;
  readonly tokenVerifier: TokenVerifier;
  readonly webhookSecrets: WebhookSecrets;
  readonly creditPlatform: CreditPlatform;
  /** Unapplied claims younger than this are left to the queue; older ones are swept (docs/ingestion.md). */
  readonly sweepOlderThanSeconds: number;
}
