import type { ListPublished } from './listPublished.ts';
import type { PublishedOverview } from './publishedOverview.ts';
import type { SearchPublished } from './searchPublished.ts';
import type { ViewPublishedResult } from './viewPublishedResult.ts';

/** What the public pages read: published results only (Art 20), never practitioners (Art 18(6), 35). */
export interface PublicDeps {
  readonly overview: PublishedOverview;
  readonly search: SearchPublished;
  readonly lists: ListPublished;
  readonly results: ViewPublishedResult;
}
