import { CycleTransitions } from '../cycles/cycleTransitions.ts';
import type { OutboxStore, ProfileStore, SubjectDirectory } from '../ports/store.ts';
import { ListStuckClaims } from '../stuck-claims/listStuckClaims.ts';
import { RedriveStuckClaim } from '../stuck-claims/redriveStuckClaim.ts';
import type { CycleConsoleDeps } from '../web/console/cycles/deps.ts';
import { ListCalendars } from '../web/console/cycles/listCalendars.ts';
import { ReadConsoleCycle } from '../web/console/cycles/readConsoleCycle.ts';
import { ReadDashboard } from '../web/console/cycles/readDashboard.ts';
import { cyclesApiUseCases } from './cycles.ts';
import type { Edges, StoreEdge } from './edges.ts';

/**
 * What the console's cycle pages use, from the platform's edges: the cycles API's own use cases (an
 * act recorded on a page is the act the API records; the region's `published` plans the year's
 * publication), the stuck-claim use cases, and the console's reads.
 */
export const webConsoleCyclesDeps = (
  e: Pick<
    Edges,
    | 'clock'
    | 'cycleStore'
    | 'scheduler'
    | 'rescoreQueue'
    | 'recordQueue'
    | 'consoleLists'
    | 'participants'
    | 'notices'
    | 'leagueReports'
    | 'reviews'
    | 'objections'
    | 'comments'
    | 'finalResults'
  > &
    StoreEdge<
      SubjectDirectory & Pick<OutboxStore, 'stuckEntries' | 'redrive'> & Pick<ProfileStore, 'getProfile' | 'putProfile'>
    >,
): CycleConsoleDeps => {
  const api = cyclesApiUseCases(e);
  const transitions = new CycleTransitions(e.cycleStore, e.scheduler, e.clock);
  return {
    cycleConsole: {
      dashboard: new ReadDashboard(e.cycleStore, transitions, e.consoleLists),
      readCycle: new ReadConsoleCycle(api.readCycle, e.cycleStore, transitions),
      recordAct: api.recordAct,
      openCycle: api.openCycle,
      calendars: new ListCalendars(e.cycleStore),
      loadCalendar: api.loadCalendar,
      listStuck: new ListStuckClaims(e.store),
      redriveStuck: new RedriveStuckClaim(e.store, e.recordQueue, e.clock),
    },
  };
};
