import { legalDateOfInstant } from '../../domain/dates.ts';
import type { Filing } from '../../domain/filing/filing.ts';
import { filingWindowOf, windowClosed } from '../../domain/filing/window.ts';
import { jurisdictionName } from '../../domain/identifiers/leagues.ts';
import { lateFilingNotice, lateFilingNoticeId } from '../../domain/notices/lateFiling.ts';
import type { IssueParticipantsNotices, LeagueCycle } from '../notices/issueParticipantsNotices.ts';
import type { CycleStore } from '../ports/cycleStore.ts';
import type { FilingStore } from '../ports/filings.ts';
import type { NoticeStore } from '../ports/notices.ts';
import type { ParticipantStore } from '../ports/participants.ts';
import type { RecordQueue } from '../ports/queue.ts';
import type { Clock } from '../shared/clock.ts';

/** What the closing of a window did: participants found without a filing, notes issued now. */
export interface LateMarking {
  readonly missing: number;
  readonly noticesIssued: number;
}

/**
 * Art 20, 32: when a league's FILING window closes, each participant on its list with no filing is
 * marked (a filing with `filedAt: null`: its status is `missing`, and its evaluation for the year
 * has no incentive measures) and gets a 逾期填报告知; its result is evaluated again at once.
 *
 * It runs before the window's deadline is applied to the cycle (fireDeadline.ts), so a crash in
 * between leaves the deadline due and the nightly sweep runs both again; everything here is
 * idempotent (conditional writes, deterministic notice ids). It first issues any participants'
 * notice that is missing (a crash after `participantsNotified` committed).
 */
export class MarkLateFilings {
  constructor(
    private readonly cycles: Pick<CycleStore, 'getCycle'>,
    private readonly participants: Pick<ParticipantStore, 'participants'>,
    private readonly filings: Pick<FilingStore, 'filingsOf' | 'markMissing'>,
    private readonly notices: Pick<NoticeStore, 'issue'>,
    private readonly queue: Pick<RecordQueue, 'send'>,
    private readonly participantsNotices: Pick<IssueParticipantsNotices, 'execute'>,
    private readonly clock: Clock,
  ) {}

  /** `closesAt`: the instant the firing deadline is for; a window since moved elsewhere is left alone. */
  async execute(of: LeagueCycle, closesAt: string): Promise<LateMarking> {
    const none = { missing: 0, noticesIssued: 0 };
    if (of.kind === 'practitioner') return none;
    const now = this.clock.now().toISOString();
    const cycle = await this.cycles.getCycle(of.year, of.kind);
    const window = cycle ? filingWindowOf(cycle, of.league) : null;
    if (!window || window.closesAt !== closesAt || !windowClosed(window, now)) return none;
    await this.participantsNotices.execute(of, 'system:deadline');
    const entries = await this.participants.participants({ year: of.year, kind: of.kind, league: of.league });
    const refs = entries.map((e) => ({ kind: e.kind, id: e.code }));
    const filed = await this.filings.filingsOf(refs, of.year);
    const bureau = jurisdictionName(of.league);
    let missing = 0;
    let noticesIssued = 0;
    const reevaluate: typeof refs = [];
    for (const e of entries) {
      const stored = filed.get(e.code);
      if (stored && stored.filedAt !== null) continue;
      missing++;
      const to = { kind: e.kind, id: e.code };
      if (!stored) {
        // Re-evaluated once, when marked; the nightly rescoring covers a crash before the message.
        reevaluate.push(to);
        const mark: Filing = {
          year: of.year,
          kind: e.kind,
          code: e.code,
          league: of.league,
          window,
          filedAt: null,
          filedBy: null,
          basic: null,
          markedMissingAt: now,
        };
        await this.filings.markMissing(to, mark);
      }
      const text = lateFilingNotice({
        year: of.year,
        code: e.code,
        name: e.name,
        bureau,
        closedOn: window.closesOn,
        issuedOn: legalDateOfInstant(now),
      });
      const r = await this.notices.issue({
        id: lateFilingNoticeId(of.year, of.kind),
        kind: 'lateFiling',
        to,
        toName: e.name,
        league: of.league,
        year: of.year,
        title: text.title,
        body: text.body,
        deadline: null,
        issuedAt: now,
        issuedBy: 'system:deadline',
      });
      if (r === 'issued') noticesIssued++;
    }
    // Art 32: the results of those marked now lose their incentive measures without waiting for the night.
    if (reevaluate.length > 0)
      await this.queue.send(
        reevaluate.map((subject) => ({
          type: 'subject.reevaluate' as const,
          subject,
          cause: `filing:missing:${of.year}`,
        })),
      );
    return { missing, noticesIssued };
  }
}
