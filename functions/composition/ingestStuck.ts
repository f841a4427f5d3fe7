import { createIngestStuckHandler } from '../ingest-stuck/handler.ts';
import type { OutboxStore } from '../ports/store.ts';
import { ListStuckClaims } from '../stuck-claims/listStuckClaims.ts';
import { RedriveStuckClaim } from '../stuck-claims/redriveStuckClaim.ts';
import type { Edges, StoreEdge } from './edges.ts';

/** `GET /v1/ingest/stuck` and its re-drive. */
export const composeIngestStuck = (
  e: Pick<Edges, 'recordQueue' | 'tokenVerifier' | 'clock' | 'logger'> &
    StoreEdge<Pick<OutboxStore, 'stuckEntries' | 'redrive'>>,
) =>
  createIngestStuckHandler(
    {
      listStuckClaims: new ListStuckClaims(e.store),
      redriveStuckClaim: new RedriveStuckClaim(e.store, e.recordQueue, e.clock),
    },
    e.tokenVerifier,
    e.logger('ingest-stuck'),
  );
