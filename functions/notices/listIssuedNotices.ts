import type { LeagueCode } from '../../domain/identifiers/leagues.ts';
import type { IssuedNotice, NoticeStore } from '../ports/notices.ts';
import type { Caller } from '../shared/auth.ts';
import { type Forbidden, type Outcome, ok, type Unauthorized } from '../shared/errors.ts';
import { authorize } from '../shared/policy.ts';

/** Notices on one page of the console's list. */
export const NOTICES_PAGE_SIZE = 50;

/**
 * The notices a bureau issued, newest first, with whether each was read: a league bureau its own,
 * the region any league's. Paged by the store's cursor.
 */
export class ListIssuedNotices {
  constructor(private readonly notices: Pick<NoticeStore, 'noticesOf'>) {}

  async execute(
    caller: Caller,
    by: LeagueCode,
    page: { readonly cursor: string | null; readonly limit?: number },
  ): Promise<Outcome<{ readonly notices: IssuedNotice[]; readonly cursor: string | null }, Unauthorized | Forbidden>> {
    const allowed = authorize(caller, 'participants.manage', { league: by });
    if (!allowed.ok) return allowed.refusal;
    return ok(await this.notices.noticesOf(by, { limit: page.limit ?? NOTICES_PAGE_SIZE, cursor: page.cursor }));
  }
}
