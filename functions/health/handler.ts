import type { StoreHealth } from '../ports/store.ts';
import { errorResponse, type HttpResponse, json } from '../shared/http.ts';
import { eventHandler } from '../shared/middleware.ts';

/** `GET /v1/health`: 200 once the service can serve (its table answers). */
export const createHealthHandler = (store: StoreHealth) =>
  eventHandler(async (_event: unknown): Promise<HttpResponse> => {
    try {
      await store.ping();
      return json(200, { status: 'ok' });
    } catch {
      return errorResponse(503, '服务暂不可用');
    }
  });
