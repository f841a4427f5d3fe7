import type { LeagueCode } from '../../domain/identifiers/leagues.ts';
import { dishonestLetterId } from '../../domain/notices/dishonestLetter.ts';
import { bureauAddressee, practitionerResultsNoticeId } from '../../domain/notices/practitionerResults.ts';
import type { FinalResultStore } from '../ports/finalResults.ts';
import type { IssuedNotice, NoticeStore } from '../ports/notices.ts';
import type { Caller } from '../shared/auth.ts';
import { type Forbidden, type NotFound, notFound, type Outcome, ok, type Unauthorized } from '../shared/errors.ts';
import { authorize } from '../shared/policy.ts';

/**
 * The letters (函告, Art 18(6)) a league bureau sent for a year, in the order of the resident identity
 * numbers: a league bureau its own, the region any league's (Art 8). Read from the year's frozen final
 * results of practitioners (the dishonest ones) and each one's letter from this bureau, so the list is
 * bounded by the dishonest individuals, never a scan of the bureau's notices.
 */
export class ListLetters {
  constructor(
    private readonly finals: Pick<FinalResultStore, 'finalResults'>,
    private readonly notices: Pick<NoticeStore, 'notice'>,
  ) {}

  async execute(
    caller: Caller,
    league: LeagueCode,
    year: number,
  ): Promise<Outcome<readonly IssuedNotice[], Unauthorized | Forbidden>> {
    const allowed = authorize(caller, 'participants.manage', { league });
    if (!allowed.ok) return allowed.refusal;
    const dishonest = (await this.finals.finalResults(year, 'practitioner'))
      .filter((f) => f.dishonest === true)
      .sort((a, b) => a.code.localeCompare(b.code));
    const out: IssuedNotice[] = [];
    for (const f of dishonest) {
      const letter = await this.notices.notice({ kind: 'practitioner', id: f.code }, dishonestLetterId(year, league));
      if (letter) out.push(letter);
    }
    return ok(out);
  }

  /** The region's notice of the year's practitioners' results to this league (Art 18(6)); null before it. */
  async resultsNotice(
    caller: Caller,
    league: LeagueCode,
    year: number,
  ): Promise<Outcome<IssuedNotice | null, Unauthorized | Forbidden>> {
    const allowed = authorize(caller, 'participants.manage', { league });
    if (!allowed.ok) return allowed.refusal;
    return ok(await this.notices.notice(bureauAddressee(league), practitionerResultsNoticeId(year)));
  }

  /** One letter of the bureau, for printing; not found when the bureau sent that individual none. */
  async one(
    caller: Caller,
    league: LeagueCode,
    year: number,
    residentId: string,
  ): Promise<Outcome<IssuedNotice, Unauthorized | Forbidden | NotFound>> {
    const allowed = authorize(caller, 'participants.manage', { league });
    if (!allowed.ok) return allowed.refusal;
    const letter = await this.notices.notice(
      { kind: 'practitioner', id: residentId.trim().toUpperCase() },
      dishonestLetterId(year, league),
    );
    return letter ? ok(letter) : notFound;
  }
}
