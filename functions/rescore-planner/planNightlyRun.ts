import { randomUUID } from 'node:crypto';
import { filingWindowOf, windowClosed } from '../../domain/filing/window.ts';
import { isLeagueCode } from '../../domain/identifiers/leagues.ts';
import type { FireDeadline } from '../cycles/fireDeadline.ts';
import { type ConfirmationNoticesMessage, confirmationNoticesMessages } from '../notices/confirmationNoticesMessage.ts';
import type { LeagueCycle } from '../notices/issueParticipantsNotices.ts';
import type { CycleStore } from '../ports/cycleStore.ts';
import type { RescoreMessage } from '../ports/messages.ts';
import type { ParticipantStore } from '../ports/participants.ts';
import type { SubjectDirectory } from '../ports/store.ts';
import type { Clock } from '../shared/clock.ts';
import { chunks, listAllSubjects } from '../shared/subjects.ts';

/**
 * The nightly run (02:00 Asia/Shanghai): first the sweep — every indexed deadline that is due but did
 * not fire is fired now (a lost schedule is caught within a day; firing is idempotent) and the outbox
 * sweep (accepted records left unapplied are sent again) — then the rescoring plan: every subject, in
 * batches, onto the `rescore` queue. New years need nothing special: the worker evaluates the live
 * years of today.
 */
export const RESCORE_BATCH = 25;

/** What a nightly run did: deadlines fired (`swept`), subjects planned, outbox claims sent again or set aside. */
export type NightlyPlan = {
  readonly runId: string;
  readonly swept: number;
  readonly subjects: number;
  readonly messages: number;
  readonly requeued: number;
  readonly stuck: number;
};

export class PlanNightlyRun {
  constructor(
    /** The subjects to rescore (the nightly listing). */
    private readonly store: SubjectDirectory,
    private readonly cycleStore: CycleStore,
    /** Fires a due deadline (the deadline function's use case); idempotent. */
    private readonly fireDeadline: Pick<FireDeadline, 'execute'>,
    private readonly queue: { send(messages: readonly (RescoreMessage | ConfirmationNoticesMessage)[]): Promise<void> },
    private readonly clock: Clock,
    private readonly segments = 4,
    /** The outbox sweep (docs/ingestion.md): unapplied claims are sent again before rescoring. */
    private readonly sweepOutbox?: () => Promise<{ requeued: number; stuck: number }>,
    /**
     * Art 20, 32: the late marking of a league whose FILING window has closed (idempotent). Run every
     * night over every closed window, so that a window that closed on another path (a deadline fired
     * at once when it was written) is marked all the same.
     */
    private readonly markLateFilings?: (of: LeagueCycle, closesAt: string) => Promise<unknown>,
    /** The lists of participants, for the confirmation notices still missing (Art 17(3)). */
    private readonly lists?: Pick<ParticipantStore, 'participants'>,
  ) {}

  async execute(): Promise<NightlyPlan> {
    const runId = randomUUID();
    const outbox = this.sweepOutbox ? await this.sweepOutbox() : { requeued: 0, stuck: 0 };
    let swept = 0;
    for (const target of await this.cycleStore.dueDeadlines(this.clock.now().toISOString())) {
      const r = await this.fireDeadline.execute(target);
      if (r.status === 'applied') swept++;
    }
    if (this.markLateFilings)
      for (const [of, closesAt] of await this.closedFilingWindows()) await this.markLateFilings(of, closesAt);
    const subjects = await listAllSubjects(this.store, this.segments);
    const messages: RescoreMessage[] = chunks(subjects, RESCORE_BATCH).map((batch) => ({
      type: 'rescore',
      runId,
      subjects: batch,
    }));
    await this.queue.send(messages);
    await this.queue.send(await this.confirmationNoticesDue());
    const { requeued, stuck } = outbox;
    return { runId, swept, subjects: subjects.length, messages: messages.length, requeued, stuck };
  }

  /** Every league's FILING window that has closed, with its closing instant. */
  private async closedFilingWindows(): Promise<[LeagueCycle, string][]> {
    const now = this.clock.now().toISOString();
    return (await this.cycleStore.listCycles()).flatMap((cycle) =>
      Object.keys(cycle.leagues).flatMap((league): [LeagueCycle, string][] => {
        if (!isLeagueCode(league)) return [];
        const window = filingWindowOf(cycle, league);
        return window && windowClosed(window, now)
          ? [[{ year: cycle.year, kind: cycle.kind, league }, window.closesAt]]
          : [];
      }),
    );
  }

  /**
   * Art 17(3): the confirmation notices of every league whose objection window is open, handed to the
   * worker again — it issues only those missing (an act whose message was lost is caught within a day).
   */
  private async confirmationNoticesDue(): Promise<ConfirmationNoticesMessage[]> {
    if (!this.lists) return [];
    const lists = this.lists;
    const now = this.clock.now().toISOString();
    const out: ConfirmationNoticesMessage[] = [];
    for (const cycle of await this.cycleStore.listCycles())
      for (const league of Object.keys(cycle.leagues))
        if (isLeagueCode(league) && cycle.kind !== 'enterprise') {
          const entries = await lists.participants({ year: cycle.year, kind: cycle.kind, league });
          out.push(...confirmationNoticesMessages(cycle, league, entries, 'system:nightly', now));
        }
    return out;
  }
}
