import type { LoadCalendar } from '../../../cycles/loadCalendar.ts';
import type { OpenCycle } from '../../../cycles/openCycle.ts';
import type { RecordAct } from '../../../cycles/recordAct.ts';
import type { ListStuckClaims } from '../../../stuck-claims/listStuckClaims.ts';
import type { RedriveStuckClaim } from '../../../stuck-claims/redriveStuckClaim.ts';
import type { ListCalendars } from './listCalendars.ts';
import type { ReadConsoleCycle } from './readConsoleCycle.ts';
import type { ReadDashboard } from './readDashboard.ts';

/** What the console's dashboard, cycle, calendar and set-aside-record pages use: the use cases they call. */
export interface CycleConsoleDeps {
  readonly cycleConsole: {
    readonly dashboard: Pick<ReadDashboard, 'execute'>;
    readonly readCycle: Pick<ReadConsoleCycle, 'execute'>;
    readonly recordAct: Pick<RecordAct, 'execute'>;
    readonly openCycle: Pick<OpenCycle, 'execute'>;
    readonly calendars: Pick<ListCalendars, 'execute'>;
    readonly loadCalendar: Pick<LoadCalendar, 'execute'>;
    readonly listStuck: Pick<ListStuckClaims, 'execute'>;
    readonly redriveStuck: Pick<RedriveStuckClaim, 'execute'>;
  };
}
