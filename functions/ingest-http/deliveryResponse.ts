import { badRequest, errorResponse, type HttpResponse, json, webhookUnauthorized } from '../shared/http.ts';
import type { DeliveryOutcome } from './delivery.ts';

/** A delivery's outcome as the webhook's HTTP answer (docs/api.md §2). */
export function deliveryResponse(outcome: DeliveryOutcome): HttpResponse {
  switch (outcome.status) {
    case 'accepted':
      return json(202, { accepted: outcome.accepted, duplicates: outcome.duplicates });
    case 'tooLarge':
      return errorResponse(413, '请求体超过 1 MiB');
    case 'unauthorized':
      return webhookUnauthorized(outcome.reason);
    case 'invalid':
      return badRequest(outcome.issues);
    case 'conflict':
      return json(409, {
        error: `事件编号已存在且内容不同：${outcome.eventIds.join('、')}`,
        eventIds: outcome.eventIds,
      });
    case 'forbidden':
      return json(403, { error: `无权更正或撤销其他执法平台报送的记录：${outcome.eventId}` });
    case 'busy':
      return json(
        503,
        {
          error: `相同事件编号正由另一投递处理，请稍后重试：${outcome.eventIds.slice(0, 20).join('、')}`,
          eventIds: outcome.eventIds,
        },
        { 'retry-after': '2' },
      );
    case 'unknownEvent':
      return json(404, {
        error: `未知的事件编号：${outcome.eventId}`,
        issues: [{ path: 'eventId', message: '未找到该事件编号的记录' }],
      });
  }
}
