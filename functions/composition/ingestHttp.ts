import { AcceptDelivery } from '../ingest-http/acceptDelivery.ts';
import type { DeliveryPorts } from '../ingest-http/delivery.ts';
import { createIngestHttpHandler } from '../ingest-http/handler.ts';
import type { Edges, StoreEdge } from './edges.ts';

/** The webhook: verify, claim, commit, enqueue. */
export const composeIngestHttp = (
  e: Pick<Edges, 'recordQueue' | 'webhookSecrets' | 'clock' | 'logger'> & StoreEdge<DeliveryPorts['store']>,
) => {
  const logger = e.logger('ingest-http');
  // A failed enqueue after the commit is only slower: the sweeper sends the message (docs/ingestion.md).
  const onEnqueueFailure = (err: unknown) =>
    logger.warn('enqueue after commit failed; the sweeper will send it', { error: String(err) });
  return createIngestHttpHandler(
    new AcceptDelivery(e.webhookSecrets, e.store, e.recordQueue, e.clock, onEnqueueFailure),
    logger,
  );
};
