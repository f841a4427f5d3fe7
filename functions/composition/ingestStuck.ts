import { createIngestStuckHandler } from '../ingest-stuck/handler.ts';
import { ListStuckClaims } from '../ingest-stuck/listStuckClaims.ts';
import { RedriveStuckClaim } from '../ingest-stuck/redriveStuckClaim.ts';
import type { Edges } from './edges.ts';

/** `GET /v1/ingest/stuck` and its re-drive. */
export const composeIngestStuck = (e: Pick<Edges, 'store' | 'recordQueue' | 'tokenVerifier' | 'clock' | 'logger'>) =>
  createIngestStuckHandler(
    {
      listStuckClaims: new ListStuckClaims(e.store),
      redriveStuckClaim: new RedriveStuckClaim(e.store, e.recordQueue, e.clock),
    },
    e.tokenVerifier,
    e.logger('ingest-stuck'),
  );
