import { createCyclesApiHandler } from '../cycles-api/handler.ts';
import type { ProfileStore, SubjectDirectory } from '../ports/store.ts';
import { cyclesApiUseCases } from './cycles.ts';
import type { Edges, StoreEdge } from './edges.ts';

/** `/v1/cycles…` and `/v1/calendars/{year}`. */
export const composeCyclesApi = (
  e: Pick<
    Edges,
    | 'cycleStore'
    | 'scheduler'
    | 'clock'
    | 'rescoreQueue'
    | 'recordQueue'
    | 'participants'
    | 'notices'
    | 'leagueReports'
    | 'reviews'
    | 'objections'
    | 'comments'
    | 'finalResults'
    | 'tokenVerifier'
    | 'logger'
  > &
    StoreEdge<SubjectDirectory & Pick<ProfileStore, 'getProfile' | 'putProfile'>>,
) => createCyclesApiHandler(cyclesApiUseCases(e), e.tokenVerifier, e.logger('cycles-api'));
