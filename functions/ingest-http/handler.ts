import type { Logger } from '@aws-lambda-powertools/logger';
import { httpHandler } from '../shared/middleware.ts';
import { badRequest, errorResponse, header, json, rawBody } from '../shared/http.ts';
import type { AcceptDelivery } from './acceptDelivery.ts';

/** `POST /v1/webhooks/{source}` → 202 {accepted, duplicates} once durably queued (API.md §2). */
export const createIngestHttpHandler = (useCase: AcceptDelivery, logger: Logger) =>
  httpHandler(logger, async (event) => {
    const outcome = await useCase.execute({
      source: event.pathParameters?.source ?? '',
      headers: { id: header(event, 'webhook-id'), timestamp: header(event, 'webhook-timestamp'), signature: header(event, 'webhook-signature') },
      body: rawBody(event),
    });
    switch (outcome.status) {
      case 'accepted':
        return json(202, { accepted: outcome.accepted, duplicates: outcome.duplicates });
      case 'tooLarge':
        return errorResponse(413, '请求体超过 1 MiB');
      case 'unauthorized':
        return errorResponse(401, '签名无效、已过期或来源未登记');
      case 'invalid':
        return badRequest(outcome.issues);
      case 'conflict':
        return json(409, { error: `事件编号已存在且内容不同：${outcome.eventIds.join('、')}`, eventIds: outcome.eventIds });
      case 'unknownEvent':
        return json(404, { error: `未知的事件编号：${outcome.eventId}`, issues: [{ path: 'eventId', message: '未找到该事件编号的记录' }] });
    }
  });
