import { LookupScore } from '../lookup/lookupScore.ts';
import type { PublishedResultStore, SnapshotReader, SubjectRecordStore } from '../ports/store.ts';
import { createScoreLookupHandler } from '../score-lookup/handler.ts';
import type { Edges, StoreEdge } from './edges.ts';

/** The public (and staff) score lookup. */
export const composeScoreLookup = (
  e: Pick<Edges, 'tokenVerifier' | 'clock' | 'logger'> &
    StoreEdge<SnapshotReader & PublishedResultStore & SubjectRecordStore>,
) => createScoreLookupHandler(new LookupScore(e.store, e.clock), e.tokenVerifier, e.logger('score-lookup'));
