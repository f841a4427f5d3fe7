import type { ListedEmployers } from '../lookup/listedEmployers.ts';
import type { IssuedNotice, NoticeStore } from '../ports/notices.ts';
import type { SubjectRef } from '../ports/store.ts';
import type { Caller } from '../shared/auth.ts';
import type { Clock } from '../shared/clock.ts';
import { type Forbidden, type NotFound, notFound, type Outcome, ok, type Unauthorized } from '../shared/errors.ts';
import { authorize } from '../shared/policy.ts';

/** Notice ids as issued ([A-Za-z0-9._:@-]); anything else is no notice. */
const NOTICE_ID = /^[A-Za-z0-9._:@-]{1,200}$/;
/** Resident identity numbers as filed (GB 11643: 17 digits and a check character). */
const RESIDENT_ID = /^[0-9]{17}[0-9X]$/;

/**
 * A participant opens one of its notices: the notice as issued, and the first opening is recorded
 * as its read receipt (the bureau sees 已读 with the time; later openings change nothing).
 * `practitioner`: a notice of a practitioner the unit filed and the bureau listed for the notice's
 * year (Art 18(1), 18(4)); the unit opening it is the practitioner's reading. Anyone else is
 * forbidden, whether or not the practitioner or the notice exists.
 */
export class ReadNotice {
  constructor(
    private readonly notices: Pick<NoticeStore, 'notice' | 'markRead'>,
    private readonly clock: Clock,
    private readonly employers?: Pick<ListedEmployers, 'filingOf'>,
  ) {}

  async execute(
    caller: Caller,
    ref: SubjectRef,
    id: string,
    practitioner?: string,
  ): Promise<Outcome<IssuedNotice, Unauthorized | Forbidden | NotFound>> {
    const allowed = authorize(caller, 'participant.own', ref);
    if (!allowed.ok) return allowed.refusal;
    if (!NOTICE_ID.test(id)) return notFound;
    if (practitioner === undefined) return this.open(ref, id);
    const residentId = practitioner.trim().toUpperCase();
    if (!RESIDENT_ID.test(residentId) || !this.employers) return { status: 'forbidden' };
    const to: SubjectRef = { kind: 'practitioner', id: residentId };
    const notice = await this.notices.notice(to, id);
    // The listing of the notice's own year decides (the filing of another year is another engagement).
    const filing = notice?.year ? await this.employers.filingOf(allowed.claims, residentId, notice.year) : null;
    const listedEmployer = filing ? { kind: filing.employer.kind, code: filing.employer.code } : undefined;
    if (!authorize(caller, 'participant.own', { ...to, listedEmployer }).ok || !notice) return { status: 'forbidden' };
    return this.open(to, id, notice);
  }

  private async open(to: SubjectRef, id: string, known?: IssuedNotice): Promise<Outcome<IssuedNotice, NotFound>> {
    const notice = known ?? (await this.notices.notice(to, id));
    if (!notice) return notFound;
    if (notice.readAt !== null) return ok(notice);
    const at = this.clock.now().toISOString();
    await this.notices.markRead(to, id, at);
    return ok({ ...notice, readAt: at });
  }
}
