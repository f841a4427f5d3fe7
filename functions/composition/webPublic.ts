import { LookupScore } from '../lookup/lookupScore.ts';
import type { PublishedResultStore, SnapshotReader, SubjectRecordStore } from '../ports/store.ts';
import { CurrentBlacklist } from '../results-use/currentBlacklist.ts';
import { LookupMeasures } from '../results-use/lookupMeasures.ts';
import type { PublicDeps } from '../web/public/deps.ts';
import { ListPublished } from '../web/public/listPublished.ts';
import { PublishedOverview } from '../web/public/publishedOverview.ts';
import { SearchPublished } from '../web/public/searchPublished.ts';
import { type PublicLookup, ViewPublishedResult } from '../web/public/viewPublishedResult.ts';
import type { Edges, StoreEdge } from './edges.ts';

/** What the public pages use, from the platform's edges: the public lookup, the published lists and the signed letters. */
export const webPublicDeps = (
  e: Pick<Edges, 'clock' | 'publishedDirectory' | 'commitments'> &
    StoreEdge<SnapshotReader & PublishedResultStore & SubjectRecordStore>,
): Omit<PublicDeps, 'publicity'> => {
  const lookup = new LookupScore(e.store, e.clock);
  // The public pages read as the public, whoever is signed in (published results only, Art 20).
  const publicLookup: PublicLookup = (asked) => lookup.execute({ type: 'public' }, asked);
  return {
    overview: new PublishedOverview(e.publishedDirectory),
    search: new SearchPublished(e.publishedDirectory, async (subject) => (await publicLookup(subject)).status === 'ok'),
    lists: new ListPublished(e.publishedDirectory),
    results: new ViewPublishedResult(publicLookup, e.publishedDirectory, e.commitments),
    measures: new LookupMeasures(e.publishedDirectory, e.store, e.clock),
    blacklist: new CurrentBlacklist(e.publishedDirectory, e.clock),
  };
};
