import { CycleTransitions } from '../cycles/cycleTransitions.ts';
import { ReadCycle } from '../cycles/readCycle.ts';
import { ListIssuedNotices } from '../notices/listIssuedNotices.ts';
import { ListObjections } from '../objections/listObjections.ts';
import { type Scheduler, SchedulerError } from '../ports/scheduler.ts';
import type { OutboxStore, ProfileStore } from '../ports/store.ts';
import { CurrentBlacklist } from '../results-use/currentBlacklist.ts';
import { ListStuckClaims } from '../stuck-claims/listStuckClaims.ts';
import { ListWarnings } from '../warnings/listWarnings.ts';
import { ReadConsoleCycle } from '../web/console/cycles/readConsoleCycle.ts';
import { ListSubjects } from '../web/console/subjects/listSubjects.ts';
import { ListRepairQueue } from '../web/console/subjects/repairQueue.ts';
import type { ExportDeps } from '../web/exportDeps.ts';
import { EXPORT_ROUTES } from '../web/exportRoutes.ts';
import { createWebHandler } from '../web/handler.ts';
import { ListPublished } from '../web/public/listPublished.ts';
import type { Edges, StoreEdge } from './edges.ts';
import type { WebOptions } from './web.ts';
import { webConsoleCommentsDeps } from './webConsoleComments.ts';
import { webConsoleLettersDeps } from './webConsoleLetters.ts';
import { webConsoleParticipantsDeps } from './webConsoleParticipants.ts';
import { reportExportDeps } from './webConsoleReports.ts';
import { webConsoleResultsUseDeps } from './webConsoleResultsUse.ts';
import { reviewExportDeps } from './webConsoleReview.ts';

// Its own module: the pages' composition (web.ts) never imports the downloads, so the pages'
// bundle never holds exceljs (test/functions/web/exportRoutes.test.ts).

/**
 * The edges the Excel downloads use: read-only storage ports, the lists of participants (an import
 * registers the listed units nobody registered, and has them re-evaluated), the clock and the logger.
 */
export type WebExportEdges = Pick<
  Edges,
  | 'clock'
  | 'logger'
  | 'publishedDirectory'
  | 'consoleLists'
  | 'cycleStore'
  | 'participants'
  | 'objections'
  | 'notices'
  | 'warnings'
  | 'leagueReports'
  | 'comments'
  | 'reviews'
  | 'recordQueue'
  | 'finalResults'
> &
  StoreEdge<Pick<OutboxStore, 'stuckEntries'> & Pick<ProfileStore, 'getProfile' | 'putProfile'>>;

/** Reading a cycle never schedules: a download that tried would be a bug, not a retry. */
const NO_SCHEDULING: Scheduler = {
  schedule: async () => {
    throw new SchedulerError('the Excel downloads never schedule a deadline');
  },
  cancel: async () => {
    throw new SchedulerError('the Excel downloads never cancel a deadline');
  },
};

/**
 * The Excel downloads (`/exports/…`, docs/web.md): the same use cases as the lists' pages, the same
 * session cookie and access checks, in their own function so that the pages never load exceljs.
 */
export const composeWebExports = (e: WebExportEdges, o: Omit<WebOptions, 'extraRoutes'>) => {
  const transitions = new CycleTransitions(e.cycleStore, NO_SCHEDULING, e.clock);
  const deps: ExportDeps = {
    public: {
      lists: new ListPublished(e.publishedDirectory),
      blacklist: new CurrentBlacklist(e.publishedDirectory, e.clock),
    },
    console: {
      cycleConsole: {
        readCycle: new ReadConsoleCycle(new ReadCycle(e.cycleStore, transitions), e.cycleStore, transitions),
        listStuck: new ListStuckClaims(e.store),
      },
      subjects: {
        list: new ListSubjects(e.consoleLists, e.clock, e.objections),
        repairQueue: new ListRepairQueue(e.consoleLists, e.cycleStore, e.clock),
      },
      participants: webConsoleParticipantsDeps(e).participants,
      objections: { list: new ListObjections(e.objections, e.cycleStore, transitions) },
      notices: { issued: new ListIssuedNotices(e.notices) },
      ...webConsoleResultsUseDeps(e),
      creditWarnings: { list: new ListWarnings({ warnings: e.warnings, cycles: e.cycleStore, clock: e.clock }) },
      leagueReports: reportExportDeps(e),
      publicComments: { list: webConsoleCommentsDeps(e).publicComments.list },
      review: reviewExportDeps(e),
      ...webConsoleLettersDeps(e),
    },
  };
  return createWebHandler(EXPORT_ROUTES, deps, {
    signer: o.signer,
    cookies: o.cookies,
    clock: e.clock,
    logger: e.logger('webExports'),
  });
};
