import { createScoreLookupHandler } from '../score-lookup/handler.ts';
import { LookupScore } from '../score-lookup/lookupScore.ts';
import type { Edges } from './edges.ts';

/** The public (and staff) score lookup. */
export const composeScoreLookup = (e: Pick<Edges, 'store' | 'tokenVerifier' | 'clock' | 'logger'>) =>
  createScoreLookupHandler(new LookupScore(e.store, e.clock), e.tokenVerifier, e.logger('score-lookup'));
