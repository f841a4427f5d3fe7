import { type HttpResponse, json } from '../shared/http.ts';
import { httpHandler } from '../shared/middleware.ts';
import type { Logger } from '../shared/structuredLogger.ts';
import { openApiDocument } from './document.ts';

/**
 * `GET /v1/openapi.json` (public, docs/api.md §11): the API's OpenAPI 3.1 document, generated once
 * per instance from the handlers' own zod contracts. It changes only with a deployment, so it may be cached.
 */
export const createOpenApiHandler = (logger: Logger) => {
  let body: HttpResponse | undefined;
  return httpHandler(
    logger,
    async () => (body ??= json(200, openApiDocument(), { 'cache-control': 'public, max-age=3600' })),
  );
};
