import type { CurrentBlacklist } from '../../results-use/currentBlacklist.ts';
import type { LookupMeasures } from '../../results-use/lookupMeasures.ts';
import type { ListPublished } from './listPublished.ts';
import type { PublicityDeps } from './publicity/deps.ts';
import type { PublishedOverview } from './publishedOverview.ts';
import type { SearchPublished } from './searchPublished.ts';
import type { ViewPublishedResult } from './viewPublishedResult.ts';

/** What the public pages read: published results only (Art 20), never practitioners (Art 18(6), 35). */
export interface PublicDeps {
  readonly overview: PublishedOverview;
  readonly search: SearchPublished;
  readonly lists: ListPublished;
  readonly results: ViewPublishedResult;
  /** The measures in force (Art 29–31) and the current blacklist (Art 19): docs/using-results.md. */
  readonly measures: LookupMeasures;
  readonly blacklist: CurrentBlacklist;
  /** The publicity of proposed results and the public's comments (docs/publicity.md). */
  readonly publicity: PublicityDeps;
}
