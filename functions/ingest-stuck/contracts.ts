import * as z from 'zod/mini';
import { EVENT_ID_RE } from '../../domain/records/creditRecord.ts';
import { described } from '../shared/http.ts';

/** `{eventId}` of `POST /v1/ingest/stuck/{eventId}/redrive` (docs/api.md §9). */
export const stuckEventPath = z.object({
  eventId: described(z.string().check(z.regex(EVENT_ID_RE, { error: '事件编号须为 1-128 位字母、数字或 ._:- 字符' })), {
    description: '信用记录的事件编号',
    example: 'NMG-ENF-2026-000123',
  }),
});

/** An eventId with no stuck entry the caller manages. */
export const notStuckWording = (eventId: string) => ({ notFound: `没有未能入库的事件编号：${eventId}` });
