import type { RecordMessage } from '../ports/messages.ts';
import type { RecordQueue } from '../ports/queue.ts';
import type { ClaimStore, OutboxStore } from '../ports/store.ts';
import type { Clock } from '../shared/clock.ts';

/**
 * The outbox sweeper (docs/ingestion.md): every claim left unapplied longer than the records
 * queue's visibility timeout is sent again; a reservation whose delivery died is rolled back (or,
 * if its delivery had committed, sent). An entry sent `maxSends` times without being applied is set
 * aside with its cause, for a person to see in the stuck list and re-drive. Runs at local start-up
 * (with age 0: no delivery is in progress then), every few minutes on AWS and in the nightly run.
 */
export const SWEEP_MAX_SENDS = 5;

export interface SweepSummary {
  readonly requeued: number;
  readonly rolledBack: number;
  readonly setAside: number;
  /** Entries set aside in all, after this sweep (the metric an alarm watches on AWS). */
  readonly stuck: number;
}

type SweptStore = Pick<OutboxStore, 'pendingEntries' | 'markRequeued' | 'setAside' | 'stuckEntries'> &
  Pick<ClaimStore, 'settleReservation'>;

export class SweepOutbox {
  constructor(
    private readonly store: SweptStore,
    private readonly queue: RecordQueue,
    private readonly clock: Clock,
    /** Entries younger than this are left alone: their message may still be on the queue. */
    private readonly olderThanSeconds: number,
    private readonly maxSends = SWEEP_MAX_SENDS,
    private readonly pageSize = 500,
  ) {}

  async execute(options: { olderThanSeconds?: number } = {}): Promise<SweepSummary> {
    const started = this.clock.now();
    const before = new Date(
      started.getTime() - (options.olderThanSeconds ?? this.olderThanSeconds) * 1000,
    ).toISOString();
    let requeued = 0;
    let rolledBack = 0;
    let setAside = 0;
    // Handled entries leave the range (sent ones move to now, rolled back and set-aside ones leave
    // the index); each entry is handled once per sweep even when the clock has not moved on.
    const seen = new Set<string>();
    for (let page = 0; page < 1000; page++) {
      const entries = (await this.store.pendingEntries(before, this.pageSize)).filter(
        (e) => !seen.has(`${e.key.eventId}#${e.key.entry}`),
      );
      if (entries.length === 0) break;
      for (const e of entries) seen.add(`${e.key.eventId}#${e.key.entry}`);
      const at = this.clock.now().toISOString();
      const toSend: { message: RecordMessage; key: (typeof entries)[number]['key']; attempts: number }[] = [];
      for (const entry of entries) {
        if (
          entry.reservedBy &&
          (await this.store.settleReservation(entry.key.eventId, entry.reservedBy, at)) === 'rolledBack'
        ) {
          rolledBack++;
          continue;
        }
        if (!entry.message || entry.attempts >= this.maxSends) {
          await this.store.setAside(
            entry.key,
            entry.message ? `未能应用：已发送 ${entry.attempts} 次` : '未能应用：待应用记录缺少消息',
            at,
            true,
          );
          setAside++;
          continue;
        }
        toSend.push({ message: entry.message, key: entry.key, attempts: entry.attempts + 1 });
      }
      await this.queue.send(toSend.map((s) => s.message));
      for (const s of toSend) await this.store.markRequeued(s.key, s.attempts, at);
      requeued += toSend.length;
    }
    return { requeued, rolledBack, setAside, stuck: (await this.store.stuckEntries()).length };
  }
}
