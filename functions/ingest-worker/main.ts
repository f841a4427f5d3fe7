// Composition root of `ingest-worker` on AWS Lambda.
import { DynamoCreditStore } from '../adapters/dynamoStore.ts';
import type { DeadlineTarget } from '../ports/scheduler.ts';
import { systemClock } from '../shared/clock.ts';
import { ENV, requireEnv } from '../shared/config.ts';
import { cycleStore, dynamo, recordQueue, scheduler } from '../shared/cycleComposition.ts';
import { createLogger } from '../shared/logger.ts';
import { ApplyRecordMessage } from './applyRecordMessage.ts';
import { createIngestWorkerHandler } from './handler.ts';

// Credit-warning deadlines (Art 22): indexed for the nightly sweep, then scheduled.
const scheduleWarning = async (t: DeadlineTarget) => {
  await cycleStore.indexDeadline(t);
  await scheduler.schedule(t);
};
const store = new DynamoCreditStore(dynamo, requireEnv(ENV.table));
export const handler = createIngestWorkerHandler(new ApplyRecordMessage(store, recordQueue, systemClock, undefined, scheduleWarning), createLogger('ingest-worker'));
