import type { ListFilingStatuses } from '../../../filing/listFilingStatuses.ts';
import type { ListIssuedNotices } from '../../../notices/listIssuedNotices.ts';

/**
 * What the console's notice list uses (and its Excel export, in `webExports`); `filing` is where the
 * list of participants reads each participant's 填报情况 (Art 20).
 */
export interface NoticeConsoleDeps {
  readonly notices: { readonly issued: Pick<ListIssuedNotices, 'execute'> };
  readonly filing: { readonly statuses: Pick<ListFilingStatuses, 'execute'> };
}
