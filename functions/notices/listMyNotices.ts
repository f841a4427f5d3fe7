import type { IssuedNotice, NoticeStore } from '../ports/notices.ts';
import type { SubjectRef } from '../ports/store.ts';
import type { Caller } from '../shared/auth.ts';
import { type Forbidden, type Outcome, ok, type Unauthorized } from '../shared/errors.ts';
import { authorize } from '../shared/policy.ts';

/** The notices issued to a participant, newest first; only the participant itself reads them here. */
export class ListMyNotices {
  constructor(private readonly notices: Pick<NoticeStore, 'noticesTo'>) {}

  async execute(caller: Caller, ref: SubjectRef): Promise<Outcome<IssuedNotice[], Unauthorized | Forbidden>> {
    const allowed = authorize(caller, 'participant.own', ref);
    if (!allowed.ok) return allowed.refusal;
    return ok(await this.notices.noticesTo(ref));
  }
}
