import type { RecordQueue } from '../ports/queue.ts';
import type { OutboxStore } from '../ports/store.ts';
import type { Caller } from '../shared/auth.ts';
import type { Clock } from '../shared/clock.ts';
import { type NotFound, notFound, type Outcome, ok } from '../shared/errors.ts';
import { authorize } from '../shared/policy.ts';

/**
 * `POST /v1/ingest/stuck/{eventId}/redrive`: an eventId's stuck entries go back to pending and are
 * sent now. Outside its jurisdiction a caller cannot tell a stuck eventId exists (404 either way).
 */
export class RedriveStuckClaim {
  constructor(
    private readonly store: Pick<OutboxStore, 'stuckEntries' | 'redrive'>,
    private readonly queue: RecordQueue,
    private readonly clock: Clock,
  ) {}

  async execute(caller: Caller, eventId: string): Promise<Outcome<{ readonly messages: number }, NotFound>> {
    const mine = (await this.store.stuckEntries()).filter(
      (e) => e.key.eventId === eventId && authorize(caller, 'ingest.manage', { league: e.league }).ok,
    );
    if (mine.length === 0) return notFound;
    const messages = await this.store.redrive(eventId, this.clock.now().toISOString());
    await this.queue.send(messages);
    return ok({ messages: messages.length });
  }
}
