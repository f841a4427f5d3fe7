import type { StuckEntry } from '../ports/store.ts';
import { type HttpResponse, json } from '../shared/http.ts';

/** What each route says for 403 (docs/api.md §9). */
export const LIST_WORDING = { forbidden: '仅自治区或盟市生态环境部门可查看未能入库的记录' };
export const REDRIVE_WORDING = { forbidden: '仅自治区或盟市生态环境部门可重新投递' };

/** `GET /v1/ingest/stuck`: each claim set aside, with its cause. */
export const stuckListResponse = (list: readonly StuckEntry[]): HttpResponse =>
  json(200, {
    items: list.map((e) => ({
      eventId: e.key.eventId,
      entry: e.key.entry,
      subject: e.subject,
      league: e.league,
      source: e.source,
      attempts: e.attempts,
      error: e.error,
      since: e.since,
    })),
  });

/** `POST /v1/ingest/stuck/{eventId}/redrive`: accepted, with how many messages were sent again. */
export const redrivenResponse = (eventId: string, messages: number): HttpResponse =>
  json(202, { eventId, redriven: messages });
