import { ListedEmployers } from '../lookup/listedEmployers.ts';
import { ListMyNotices } from '../notices/listMyNotices.ts';
import { ReadNotice } from '../notices/readNotice.ts';
import type { ProfileStore } from '../ports/store.ts';
import type { PortalNoticeDeps } from '../web/portal/notices/deps.ts';
import type { Edges, StoreEdge } from './edges.ts';

/**
 * The portal's notice pages: the participant's notices and their read receipts, with those of the
 * practitioners the unit filed and the bureau listed (Art 18(4); docs/notices.md).
 */
export const webPortalNoticesDeps = (
  e: Pick<Edges, 'clock' | 'notices' | 'practitionerFilings'> & StoreEdge<ProfileStore>,
): PortalNoticeDeps => {
  const employers = new ListedEmployers(e.store, e.practitionerFilings);
  return {
    list: new ListMyNotices(e.notices, employers, e.clock),
    read: new ReadNotice(e.notices, e.clock, employers),
  };
};
