import type { IssuedNotice, NoticeStore } from '../ports/notices.ts';
import type { SubjectRef } from '../ports/store.ts';
import type { Caller } from '../shared/auth.ts';
import type { Clock } from '../shared/clock.ts';
import { type Forbidden, type NotFound, notFound, type Outcome, ok, type Unauthorized } from '../shared/errors.ts';
import { authorize } from '../shared/policy.ts';

/** Notice ids as issued ([A-Za-z0-9._:@-]); anything else is no notice. */
const NOTICE_ID = /^[A-Za-z0-9._:@-]{1,200}$/;

/**
 * A participant opens one of its notices: the notice as issued, and the first opening is recorded
 * as its read receipt (the bureau sees 已读 with the time; later openings change nothing).
 */
export class ReadNotice {
  constructor(
    private readonly notices: Pick<NoticeStore, 'notice' | 'markRead'>,
    private readonly clock: Clock,
  ) {}

  async execute(
    caller: Caller,
    ref: SubjectRef,
    id: string,
  ): Promise<Outcome<IssuedNotice, Unauthorized | Forbidden | NotFound>> {
    const allowed = authorize(caller, 'participant.own', ref);
    if (!allowed.ok) return allowed.refusal;
    if (!NOTICE_ID.test(id)) return notFound;
    const notice = await this.notices.notice(ref, id);
    if (!notice) return notFound;
    if (notice.readAt !== null) return ok(notice);
    const at = this.clock.now().toISOString();
    await this.notices.markRead(ref, id, at);
    return ok({ ...notice, readAt: at });
  }
}
