import type { PublishedResultStore } from '../ports/store.ts';
import { createResultsApiHandler } from '../results-api/handler.ts';
import { LookupMeasures } from '../results-use/lookupMeasures.ts';
import { SamplingList } from '../results-use/samplingList.ts';
import type { Edges, StoreEdge } from './edges.ts';

/** The uses of the published results over the API: the sampling list (staff) and the measures lookup (anyone). */
export const composeResultsApi = (
  e: Pick<Edges, 'tokenVerifier' | 'clock' | 'logger' | 'publishedDirectory'> &
    StoreEdge<Pick<PublishedResultStore, 'getPublished'>>,
) =>
  createResultsApiHandler(
    {
      sampling: new SamplingList(e.publishedDirectory, e.clock),
      measures: new LookupMeasures(e.publishedDirectory, e.store, e.clock),
    },
    e.tokenVerifier,
    e.logger('results-api'),
  );
