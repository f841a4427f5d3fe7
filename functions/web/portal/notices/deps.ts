import type { ListMyNotices } from '../../../notices/listMyNotices.ts';
import type { ReadNotice } from '../../../notices/readNotice.ts';

/** What the portal's notice pages use: the participant's notices, and opening one (its read receipt). */
export interface PortalNoticeDeps {
  readonly list: Pick<ListMyNotices, 'execute'>;
  readonly read: Pick<ReadNotice, 'execute'>;
}
