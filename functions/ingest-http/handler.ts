import { header, rawBody } from '../shared/http.ts';
import { httpHandler } from '../shared/middleware.ts';
import type { Logger } from '../shared/structuredLogger.ts';
import type { AcceptDelivery } from './acceptDelivery.ts';
import { deliveryResponse } from './deliveryResponse.ts';

/** `POST /v1/webhooks/{source}` → 202 {accepted, duplicates} once durably stored (docs/api.md §2, docs/ingestion.md). */
export const createIngestHttpHandler = (useCase: AcceptDelivery, logger: Logger) =>
  httpHandler(logger, async (event) => {
    const outcome = await useCase.execute({
      source: event.pathParameters?.source ?? '',
      headers: {
        id: header(event, 'webhook-id'),
        timestamp: header(event, 'webhook-timestamp'),
        signature: header(event, 'webhook-signature'),
      },
      body: rawBody(event),
    });
    return deliveryResponse(outcome);
  });
