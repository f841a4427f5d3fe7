import { createIngestSweeperHandler } from '../ingest-sweeper/handler.ts';
import { SweepOutbox } from '../ingest-sweeper/sweepOutbox.ts';
import type { Edges, StoreEdge } from './edges.ts';

/** What the sweep reads and writes of the store: the outbox, and the reservations it settles. */
export type SweptStore = ConstructorParameters<typeof SweepOutbox>[0];
type SweepEdges = Pick<Edges, 'recordQueue' | 'clock' | 'sweepOlderThanSeconds'> & StoreEdge<SweptStore>;

/** The outbox sweep (docs/ingestion.md), also run by the nightly planner and the local runtime. */
export const sweepOutbox = (e: SweepEdges): SweepOutbox =>
  new SweepOutbox(e.store, e.recordQueue, e.clock, e.sweepOlderThanSeconds);

export const composeIngestSweeper = (e: SweepEdges & Pick<Edges, 'logger'>) =>
  createIngestSweeperHandler(sweepOutbox(e), e.logger('ingest-sweeper'));
