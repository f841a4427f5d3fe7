import { ListFilingStatuses } from '../filing/listFilingStatuses.ts';
import { ListIssuedNotices } from '../notices/listIssuedNotices.ts';
import type { NoticeConsoleDeps } from '../web/console/notices/deps.ts';
import type { Edges } from './edges.ts';

/** The console's list of issued notices (and its workbook), and the participants' 填报情况 (docs/notices.md, docs/filing.md). */
export const webConsoleNoticesDeps = (
  e: Pick<Edges, 'clock' | 'notices' | 'cycleStore' | 'participants' | 'filings'>,
): NoticeConsoleDeps => ({
  notices: { issued: new ListIssuedNotices(e.notices) },
  filing: { statuses: new ListFilingStatuses(e.cycleStore, e.participants, e.filings, e.clock) },
});
