import type { CycleKind } from '../../domain/cycles/definitions.ts';
import { filingWindowOf } from '../../domain/filing/window.ts';
import { jurisdictionName, type LeagueCode } from '../../domain/identifiers/leagues.ts';
import { participantsNotice, participantsNoticeId } from '../../domain/notices/participants.ts';
import type { CycleStore } from '../ports/cycleStore.ts';
import type { NoticeStore } from '../ports/notices.ts';
import type { ParticipantStore } from '../ports/participants.ts';
import type { Clock } from '../shared/clock.ts';

/** One league's list of one cycle. */
export interface LeagueCycle {
  readonly year: number;
  readonly kind: CycleKind;
  readonly league: LeagueCode;
}

/** How many notices were issued now, and how many were there already. */
export interface IssueCount {
  readonly issued: number;
  readonly existing: number;
}

/**
 * 参评通知 (Art 16(1), 17(1), 20): every participant on a league's list gets a notice naming the
 * filing deadline — the FILING window's close, from the cycle. Ids are deterministic
 * (`participants-<year>-<kind>`, one per participant), so running it again issues only the ones
 * missing: it runs right after the league records `participantsNotified`, again when that act is
 * recorded a second time, and when the window closes (docs/notices.md).
 */
export class IssueParticipantsNotices {
  constructor(
    private readonly cycles: Pick<CycleStore, 'getCycle'>,
    private readonly participants: Pick<ParticipantStore, 'participants'>,
    private readonly notices: Pick<NoticeStore, 'issue'>,
    private readonly clock: Clock,
  ) {}

  async execute(of: LeagueCycle, issuedBy: string): Promise<IssueCount> {
    if (of.kind === 'practitioner') return { issued: 0, existing: 0 };
    const cycle = await this.cycles.getCycle(of.year, of.kind);
    const window = cycle ? filingWindowOf(cycle, of.league) : null;
    if (!window) return { issued: 0, existing: 0 };
    const entries = await this.participants.participants({ year: of.year, kind: of.kind, league: of.league });
    const issuedAt = this.clock.now().toISOString();
    const bureau = jurisdictionName(of.league);
    let issued = 0;
    let existing = 0;
    for (const e of entries) {
      const text = participantsNotice({
        year: of.year,
        kind: e.kind,
        code: e.code,
        name: e.name,
        bureau,
        issuedOn: window.opensOn,
        deadline: window.closesOn,
      });
      const r = await this.notices.issue({
        id: participantsNoticeId(of.year, of.kind),
        kind: 'participants',
        to: { kind: e.kind, id: e.code },
        toName: e.name,
        league: of.league,
        year: of.year,
        title: text.title,
        body: text.body,
        deadline: window.closesOn,
        issuedAt,
        issuedBy,
      });
      if (r === 'issued') issued++;
      else existing++;
    }
    return { issued, existing };
  }
}
