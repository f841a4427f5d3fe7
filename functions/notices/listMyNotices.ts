import { commitmentYearOn } from '../../domain/commitments/letters.ts';
import type { ListedEmployers } from '../lookup/listedEmployers.ts';
import type { IssuedNotice, NoticeStore } from '../ports/notices.ts';
import type { SubjectRef } from '../ports/store.ts';
import type { Caller } from '../shared/auth.ts';
import type { Clock } from '../shared/clock.ts';
import { type Forbidden, type Outcome, ok, type Unauthorized } from '../shared/errors.ts';
import { authorize } from '../shared/policy.ts';

/**
 * The years whose practitioners' notices a unit sees: the evaluation year under way (its filings,
 * `commitmentYearOn`) and the one before, whose results are notified in the first half of the year.
 */
const practitionerYearsOn = (now: Date): number[] => [commitmentYearOn(now), commitmentYearOn(now) - 1];

/**
 * The notices issued to a participant, newest first; only the participant itself reads them here.
 * A unit also sees the notices of the practitioners it filed for a year and the bureau listed, of
 * that year (Art 18(1), 18(4): a practitioner has no account; its notice is shown to its employer).
 */
export class ListMyNotices {
  constructor(
    private readonly notices: Pick<NoticeStore, 'noticesTo'>,
    private readonly employers?: Pick<ListedEmployers, 'listedOf'>,
    private readonly clock?: Clock,
  ) {}

  async execute(caller: Caller, ref: SubjectRef): Promise<Outcome<IssuedNotice[], Unauthorized | Forbidden>> {
    const allowed = authorize(caller, 'participant.own', ref);
    if (!allowed.ok) return allowed.refusal;
    const own = await this.notices.noticesTo(ref);
    if (!this.employers || !this.clock) return ok(own);
    const theirs: IssuedNotice[] = [];
    for (const year of practitionerYearsOn(this.clock.now()))
      for (const f of await this.employers.listedOf(allowed.claims, year)) {
        const to = { kind: 'practitioner' as const, id: f.residentId };
        const listedEmployer = { kind: f.employer.kind, code: f.employer.code };
        if (!authorize(caller, 'participant.own', { ...to, listedEmployer }).ok) continue;
        theirs.push(...(await this.notices.noticesTo(to)).filter((n) => n.year === f.year));
      }
    return ok([...own, ...theirs].sort((a, b) => b.issuedAt.localeCompare(a.issuedAt) || a.id.localeCompare(b.id)));
  }
}
