import { createCyclesApiHandler } from '../cycles-api/handler.ts';
import { cyclesApiUseCases } from './cycles.ts';
import type { Edges } from './edges.ts';

/** `/v1/cycles…` and `/v1/calendars/{year}`. */
export const composeCyclesApi = (
  e: Pick<Edges, 'cycleStore' | 'scheduler' | 'clock' | 'store' | 'rescoreQueue' | 'tokenVerifier' | 'logger'>,
) => createCyclesApiHandler(cyclesApiUseCases(e), e.tokenVerifier, e.logger('cycles-api'));
