import { createIngestSweeperHandler } from '../ingest-sweeper/handler.ts';
import { SweepOutbox } from '../ingest-sweeper/sweepOutbox.ts';
import type { Edges } from './edges.ts';

type SweepEdges = Pick<Edges, 'store' | 'recordQueue' | 'clock' | 'sweepOlderThanSeconds'>;

/** The outbox sweep (docs/ingestion.md), also run by the nightly planner and the local runtime. */
export const sweepOutbox = (e: SweepEdges): SweepOutbox =>
  new SweepOutbox(e.store, e.recordQueue, e.clock, e.sweepOlderThanSeconds);

export const composeIngestSweeper = (e: SweepEdges & Pick<Edges, 'logger'>) =>
  createIngestSweeperHandler(sweepOutbox(e), e.logger('ingest-sweeper'));
