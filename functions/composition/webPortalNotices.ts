import { ListMyNotices } from '../notices/listMyNotices.ts';
import { ReadNotice } from '../notices/readNotice.ts';
import type { PortalNoticeDeps } from '../web/portal/notices/deps.ts';
import type { Edges } from './edges.ts';

/** The portal's notice pages: the participant's notices and their read receipts (docs/notices.md). */
export const webPortalNoticesDeps = (e: Pick<Edges, 'clock' | 'notices'>): PortalNoticeDeps => ({
  list: new ListMyNotices(e.notices),
  read: new ReadNotice(e.notices, e.clock),
});
