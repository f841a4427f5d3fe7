import * as z from 'zod/mini';
import { creditRecordSchema } from '../../domain/records/creditRecord.ts';
import {
  calendarPath,
  cyclePath,
  loadCalendarRequest,
  openCycleRequest,
  reasonHeader,
  recordActRequest,
} from '../cycles/contracts.ts';
import { webhookBodyOf } from '../ingest-http/contracts.ts';
import { stuckEventPath } from '../ingest-stuck/contracts.ts';
import { importListRequest, participantListPath } from '../participants/contracts.ts';
import { registerSubjectRequest } from '../register-subject/contracts.ts';
import { practitionerRepairApplicationBody, repairApplicationBody, repairDecisionBody } from '../repairs/contracts.ts';
import { measuresQuery, samplingPath, samplingQuery } from '../results-use/contracts.ts';
import { scoreQuery } from '../score-lookup/contracts.ts';
import { described, subjectPath } from '../shared/http.ts';

/**
 * Every operation of the HTTP API, with the same zod contracts its handler parses with. The
 * OpenAPI document (`document.ts`) is generated from this list; `docs/api.md` describes the same
 * routes in prose, by section.
 */
export interface ApiOperation {
  readonly method: 'get' | 'post' | 'put';
  readonly path: string;
  /** Its section in docs/api.md. */
  readonly section: number;
  readonly summary: string;
  /** `staff`: a staff bearer token; `optional`: public, a staff token shows more; `webhook`: Standard Webhooks signature; `none`. */
  readonly security: 'staff' | 'optional' | 'webhook' | 'none';
  readonly pathParams?: z.ZodMiniObject;
  readonly query?: z.ZodMiniObject;
  readonly headers?: z.ZodMiniObject;
  readonly body?: z.ZodMiniType;
  /** Success status and what it answers. */
  readonly ok: { readonly status: number; readonly description: string };
  /** The refusals this route answers besides 400 and 401 (which every route with input or a token has). */
  readonly refusals: readonly (403 | 404 | 409 | 422 | 503)[];
}

const source = z.object({
  source: described(z.string(), { description: '已登记的执法平台（推送来源）名称', example: 'nmg-enforcement' }),
});
const signatureHeaders = z.object({
  'webhook-id': described(z.string(), { description: '消息编号（Standard Webhooks）', example: 'msg_2fPq8tVq' }),
  'webhook-timestamp': described(z.string(), {
    description: 'Unix 时间（秒），与服务器时间相差不超过 5 分钟',
    example: '1767225600',
  }),
  'webhook-signature': described(z.string(), {
    description: 'v1,<base64 HMAC-SHA256("{id}.{timestamp}.{原始请求体}")>',
    example: 'v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=',
  }),
});

/**
 * The webhook's body (docs/api.md §2): the envelope `ingest-http` parses with, shown with the credit
 * record's schema where the handler takes each record as `unknown` and parses it on its own.
 */
const creditRecord = described(creditRecordSchema.clone(), {
  id: 'CreditRecord',
  description: '一条信用记录（docs/api.md §2）：事件编号、主体、评价指标代码、发生日期、信息产生部门、盟市代码等',
});
const webhookBody = described(webhookBodyOf(creditRecord), {
  id: 'WebhookBody',
  description: '推送一条或一批信用记录，或其整改、撤销',
  example: { type: 'record.rectified', eventId: 'NMG-ENF-2026-000123', on: '2026-05-02' },
});

const repairPath = subjectPath;
const decisionPath = z.object({
  ...subjectPath.def.shape,
  applicationId: described(z.string(), { description: '修复申请编号', example: 'RA-2026-0001' }),
});
const reasonOnly = z.object({ 'x-reason': reasonHeader });

export const API_OPERATIONS: readonly ApiOperation[] = [
  {
    method: 'post',
    path: '/v1/webhooks/{source}',
    section: 2,
    summary: '推送信用记录',
    security: 'webhook',
    pathParams: source,
    headers: signatureHeaders,
    body: webhookBody,
    ok: { status: 202, description: '已入队：{"accepted": n, "duplicates": m}' },
    refusals: [409],
  },
  {
    method: 'get',
    path: '/v1/subjects/{kind}/{id}/score',
    section: 3,
    summary: '查询信用评价结果',
    security: 'optional',
    pathParams: subjectPath,
    query: scoreQuery,
    ok: { status: 200, description: '评价结果（status 为 live 或 published）' },
    refusals: [403, 404],
  },
  {
    method: 'put',
    path: '/v1/subjects/{kind}/{id}',
    section: 7,
    summary: '登记或更新主体',
    security: 'staff',
    pathParams: subjectPath,
    headers: reasonOnly,
    body: registerSubjectRequest,
    ok: { status: 200, description: '已更新（新登记为 201）：{subject, registration, version}' },
    refusals: [403, 409],
  },
  {
    method: 'get',
    path: '/v1/health',
    section: 10,
    summary: '服务是否可用',
    security: 'none',
    ok: { status: 200, description: '{"status": "ok"}' },
    refusals: [503],
  },
  {
    method: 'post',
    path: '/v1/cycles',
    section: 6,
    summary: '开启评价周期',
    security: 'staff',
    body: openCycleRequest,
    ok: { status: 201, description: '评价周期（各盟市阶段、期限、预警）' },
    refusals: [403, 409],
  },
  {
    method: 'post',
    path: '/v1/cycles/{year}/{kind}/acts',
    section: 6,
    summary: '记录程序行为',
    security: 'staff',
    pathParams: cyclePath,
    headers: reasonOnly,
    body: recordActRequest,
    ok: { status: 200, description: '评价周期及本次行为的效果（effects）' },
    refusals: [403, 404, 409],
  },
  {
    method: 'get',
    path: '/v1/cycles/{year}/{kind}',
    section: 6,
    summary: '查看评价周期',
    security: 'staff',
    pathParams: cyclePath,
    ok: { status: 200, description: '评价周期' },
    refusals: [403, 404],
  },
  {
    method: 'get',
    path: '/v1/cycles/{year}/{kind}/participants/{league}',
    section: 6,
    summary: '查看盟市参评名单',
    security: 'staff',
    pathParams: participantListPath,
    ok: { status: 200, description: '{year, kind, league, confirmed, entries: [参评对象及纳入依据]}' },
    refusals: [403],
  },
  {
    method: 'post',
    path: '/v1/cycles/{year}/{kind}/participants/{league}',
    section: 6,
    summary: '导入参评名单（整表校验）',
    security: 'staff',
    pathParams: participantListPath,
    headers: reasonOnly,
    body: importListRequest,
    ok: { status: 200, description: '{added, changed, unchanged}：同一名单重复导入不作改变' },
    refusals: [403, 422],
  },
  {
    method: 'put',
    path: '/v1/calendars/{year}',
    section: 6,
    summary: '载入节假日安排',
    security: 'staff',
    pathParams: calendarPath,
    body: loadCalendarRequest,
    ok: { status: 200, description: '{year, moved: [重新计算的期限]}' },
    refusals: [403],
  },
  {
    method: 'post',
    path: '/v1/subjects/{kind}/{id}/repairs',
    section: 8,
    summary: '申请信用修复',
    security: 'staff',
    pathParams: repairPath,
    body: described(z.union([repairApplicationBody, practitionerRepairApplicationBody]), {
      id: 'RepairApplicationRequest',
      description: '企业、机构：eventId 与整改证据；从业人员：评价年度、信用承诺与突出表现',
      example: { eventId: 'NMG-ENF-2026-000123', evidence: '已完成整改并缴纳罚款', impactEliminated: true },
    }),
    ok: { status: 201, description: '修复申请' },
    refusals: [403, 404, 409, 422],
  },
  {
    method: 'get',
    path: '/v1/subjects/{kind}/{id}/repairs',
    section: 8,
    summary: '查看修复申请',
    security: 'staff',
    pathParams: repairPath,
    ok: { status: 200, description: '修复申请列表' },
    refusals: [403],
  },
  {
    method: 'post',
    path: '/v1/subjects/{kind}/{id}/repairs/{applicationId}/decision',
    section: 8,
    summary: '作出修复决定',
    security: 'staff',
    pathParams: decisionPath,
    body: described(repairDecisionBody, {
      id: 'RepairDecisionRequest',
      description: '予以修复（approve）或不予修复（reject，须告知理由）',
      example: { decision: 'reject', reason: '整改证据不足' },
    }),
    ok: { status: 200, description: '决定后的修复申请（重新发布暂未完成时为 202）' },
    refusals: [403, 404, 409],
  },
  {
    method: 'get',
    path: '/v1/ingest/stuck',
    section: 9,
    summary: '未能入库的记录',
    security: 'staff',
    ok: { status: 200, description: '{items: [{eventId, entry, subject, league, source, attempts, error, since}]}' },
    refusals: [403],
  },
  {
    method: 'post',
    path: '/v1/ingest/stuck/{eventId}/redrive',
    section: 9,
    summary: '重新投递',
    security: 'staff',
    pathParams: stuckEventPath,
    ok: { status: 202, description: '{eventId, redriven}' },
    refusals: [403, 404],
  },
  {
    method: 'get',
    path: '/v1/openapi.json',
    section: 11,
    summary: '本接口的 OpenAPI 3.1 描述',
    security: 'none',
    ok: { status: 200, description: 'OpenAPI 3.1 文档' },
    refusals: [],
  },
  {
    method: 'get',
    path: '/v1/sampling/{year}',
    section: 12,
    summary: '“双随机”抽查名单（第二十八条）',
    security: 'staff',
    pathParams: samplingPath,
    query: samplingQuery,
    ok: { status: 200, description: '{year, league, basePermille, asOf, years, counts, rows}' },
    refusals: [403],
  },
  {
    method: 'get',
    path: '/v1/subjects/{kind}/{id}/measures',
    section: 12,
    summary: '守信激励和失信惩戒措施查询（第十九条、第二十九条至第三十一条）',
    security: 'none',
    pathParams: subjectPath,
    query: measuresQuery,
    ok: {
      status: 200,
      description: '{subject, asOf, year, publishedOn, grade, blacklisted, procurementAllowed, measures}',
    },
    refusals: [404],
  },
];
