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
import { issuedNoticesPath, issuedNoticesQuery, noticePath } from '../notices-api/contracts.ts';
import { fileObjectionRequest } from '../objection-filing-api/contracts.ts';
import { objectionListQuery, objectionPath, reviewObjectionRequest } from '../objections-api/contracts.ts';
import { importListRequest, participantListPath } from '../participants/contracts.ts';
import { registerSubjectRequest } from '../register-subject/contracts.ts';
import { practitionerRepairApplicationBody, repairApplicationBody, repairDecisionBody } from '../repairs/contracts.ts';
import { measuresQuery, samplingPath, samplingQuery } from '../results-use/contracts.ts';
import { scoreQuery } from '../score-lookup/contracts.ts';
import { described, subjectPath } from '../shared/http.ts';
import {
  issueWarningRequest,
  reportRectificationRequest,
  warningDecisionRequest,
  warningPath,
} from '../warnings-api/contracts.ts';

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

type OperationSpec = Omit<ApiOperation, 'method' | 'path' | 'section' | 'summary' | 'security'> & {
  readonly security?: ApiOperation['security'];
};

/** The operations described in one section of docs/api.md; each needs a staff token unless `security` says otherwise. */
const section = (number: number) => {
  const at =
    (method: ApiOperation['method']) =>
    (path: string, summary: string, { security = 'staff', ...spec }: OperationSpec): ApiOperation => ({
      method,
      path,
      section: number,
      summary,
      security,
      ...spec,
    });
  return { get: at('get'), post: at('post'), put: at('put') };
};
const s2 = section(2);
const s3 = section(3);
const s6 = section(6);
const s7 = section(7);
const s8 = section(8);
const s9 = section(9);
const s10 = section(10);
const s11 = section(11);
const s12 = section(12);
const s13 = section(13);

export const API_OPERATIONS: readonly ApiOperation[] = [
  s2.post('/v1/webhooks/{source}', '推送信用记录', {
    security: 'webhook',
    pathParams: source,
    headers: signatureHeaders,
    body: webhookBody,
    ok: { status: 202, description: '已入队：{"accepted": n, "duplicates": m}' },
    refusals: [409],
  }),
  s3.get('/v1/subjects/{kind}/{id}/score', '查询信用评价结果', {
    security: 'optional',
    pathParams: subjectPath,
    query: scoreQuery,
    ok: { status: 200, description: '评价结果（status 为 live 或 published）' },
    refusals: [403, 404],
  }),
  s7.put('/v1/subjects/{kind}/{id}', '登记或更新主体', {
    pathParams: subjectPath,
    headers: reasonOnly,
    body: registerSubjectRequest,
    ok: { status: 200, description: '已更新（新登记为 201）：{subject, registration, version}' },
    refusals: [403, 409],
  }),
  s10.get('/v1/health', '服务是否可用', {
    security: 'none',
    ok: { status: 200, description: '{"status": "ok"}' },
    refusals: [503],
  }),
  s6.post('/v1/cycles', '开启评价周期', {
    body: openCycleRequest,
    ok: { status: 201, description: '评价周期（各盟市阶段、期限、预警）' },
    refusals: [403, 409],
  }),
  s6.post('/v1/cycles/{year}/{kind}/acts', '记录程序行为', {
    pathParams: cyclePath,
    headers: reasonOnly,
    body: recordActRequest,
    ok: { status: 200, description: '评价周期及本次行为的效果（effects）' },
    refusals: [403, 404, 409],
  }),
  s6.get('/v1/cycles/{year}/{kind}', '查看评价周期', {
    pathParams: cyclePath,
    ok: { status: 200, description: '评价周期' },
    refusals: [403, 404],
  }),
  s6.get('/v1/cycles/{year}/{kind}/participants/{league}', '查看盟市参评名单', {
    pathParams: participantListPath,
    ok: { status: 200, description: '{year, kind, league, confirmed, entries: [参评对象及纳入依据]}' },
    refusals: [403],
  }),
  s6.post('/v1/cycles/{year}/{kind}/participants/{league}', '导入参评名单（整表校验）', {
    pathParams: participantListPath,
    headers: reasonOnly,
    body: importListRequest,
    ok: { status: 200, description: '{added, changed, unchanged}：同一名单重复导入不作改变' },
    refusals: [403, 422],
  }),
  s6.put('/v1/calendars/{year}', '载入节假日安排', {
    pathParams: calendarPath,
    body: loadCalendarRequest,
    ok: { status: 200, description: '{year, moved: [重新计算的期限]}' },
    refusals: [403],
  }),
  s8.post('/v1/subjects/{kind}/{id}/repairs', '申请信用修复', {
    pathParams: repairPath,
    body: described(z.union([repairApplicationBody, practitionerRepairApplicationBody]), {
      id: 'RepairApplicationRequest',
      description: '企业、机构：eventId 与整改证据；从业人员：评价年度、信用承诺与突出表现',
      example: { eventId: 'NMG-ENF-2026-000123', evidence: '已完成整改并缴纳罚款', impactEliminated: true },
    }),
    ok: { status: 201, description: '修复申请' },
    refusals: [403, 404, 409, 422],
  }),
  s8.get('/v1/subjects/{kind}/{id}/repairs', '查看修复申请', {
    pathParams: repairPath,
    ok: { status: 200, description: '修复申请列表' },
    refusals: [403],
  }),
  s8.post('/v1/subjects/{kind}/{id}/repairs/{applicationId}/decision', '作出修复决定', {
    pathParams: decisionPath,
    body: described(repairDecisionBody, {
      id: 'RepairDecisionRequest',
      description: '予以修复（approve）或不予修复（reject，须告知理由）',
      example: { decision: 'reject', reason: '整改证据不足' },
    }),
    ok: { status: 200, description: '决定后的修复申请（重新发布暂未完成时为 202）' },
    refusals: [403, 404, 409],
  }),
  s9.get('/v1/ingest/stuck', '未能入库的记录', {
    ok: { status: 200, description: '{items: [{eventId, entry, subject, league, source, attempts, error, since}]}' },
    refusals: [403],
  }),
  s9.post('/v1/ingest/stuck/{eventId}/redrive', '重新投递', {
    pathParams: stuckEventPath,
    ok: { status: 202, description: '{eventId, redriven}' },
    refusals: [403, 404],
  }),
  s11.get('/v1/openapi.json', '本接口的 OpenAPI 3.1 描述', {
    security: 'none',
    ok: { status: 200, description: 'OpenAPI 3.1 文档' },
    refusals: [],
  }),
  s12.get('/v1/sampling/{year}', '“双随机”抽查名单（第二十八条）', {
    pathParams: samplingPath,
    query: samplingQuery,
    ok: { status: 200, description: '{year, league, basePermille, asOf, years, counts, rows}' },
    refusals: [403],
  }),
  s12.get('/v1/subjects/{kind}/{id}/measures', '守信激励和失信惩戒措施查询（第十九条、第二十九条至第三十一条）', {
    security: 'none',
    pathParams: subjectPath,
    query: measuresQuery,
    ok: {
      status: 200,
      description: '{subject, asOf, year, publishedOn, grade, blacklisted, procurementAllowed, measures}',
    },
    refusals: [404],
  }),
  s13.get('/v1/cycles/{year}/{kind}/objections', '查看异议及复核期限（盟市生态环境局：本盟市；自治区：全部）', {
    pathParams: cyclePath,
    query: objectionListQuery,
    ok: { status: 200, description: '{year, kind, leagues, objections: [异议及 reviewBy、workingDaysLeft]}' },
    refusals: [403],
  }),
  s13.post('/v1/cycles/{year}/{kind}/objections', '提出异议（第十七条第三项、第十八条第四项）', {
    pathParams: cyclePath,
    body: fileObjectionRequest,
    ok: { status: 201, description: '{objection, filed: true}；同一异议再次提交为 200，filed 为 false，不作改变' },
    refusals: [403, 404, 409],
  }),
  s13.get('/v1/cycles/{year}/{kind}/objections/{objectionId}', '查看一项异议及有异议的信用信息', {
    pathParams: objectionPath,
    ok: { status: 200, description: '{objection, records: {事件编号: 信用信息}}' },
    refusals: [403, 404],
  }),
  s13.post(
    '/v1/cycles/{year}/{kind}/objections/{objectionId}/review',
    '复核异议（逐条维持、更正或撤销，并通知参评单位）',
    {
      pathParams: objectionPath,
      body: reviewObjectionRequest,
      ok: { status: 200, description: '复核后的异议；同一复核再次提交不作改变' },
      refusals: [403, 404, 409],
    },
  ),
  s13.get('/v1/warnings', '查看信用预警（盟市生态环境局：本局下达的；单位：本单位的）', {
    ok: { status: 200, description: '{league?, warnings: [预警及 status、workingDaysLeft、wording、deduction]}' },
    refusals: [403],
  }),
  s13.post('/v1/warnings', '下达信用预警（第二十一条、第二十二条）', {
    body: issueWarningRequest,
    ok: { status: 201, description: '{eventId}：同一预警再次提交返回同一 eventId，不作改变' },
    refusals: [403, 409],
  }),
  s13.get('/v1/warnings/{eventId}', '查看一项信用预警', {
    pathParams: warningPath,
    ok: { status: 200, description: '预警及其当前状态、整改期限剩余工作日' },
    refusals: [404],
  }),
  s13.post('/v1/warnings/{eventId}/rectification', '报告整改完成（被预警单位）', {
    pathParams: warningPath,
    body: reportRectificationRequest,
    ok: { status: 200, description: '预警（status 为 reported）' },
    refusals: [403, 404, 409],
  }),
  s13.post('/v1/warnings/{eventId}/decision', '确认整改或认定整改不到位（盟市生态环境局）', {
    pathParams: warningPath,
    body: warningDecisionRequest,
    ok: { status: 200, description: '预警（status 为 confirmed 或 insufficient）' },
    refusals: [403, 404, 409],
  }),
  s13.get('/v1/notices', '本单位收到的通知', {
    ok: { status: 200, description: '{notices: [通知，readAt 为首次阅读时间]}' },
    refusals: [403],
  }),
  s13.get('/v1/notices/{noticeId}', '阅读一份通知（首次阅读记为已读）', {
    pathParams: noticePath,
    ok: { status: 200, description: '通知全文及 readAt' },
    refusals: [403, 404],
  }),
  s13.get('/v1/leagues/{league}/notices', '本局发出的通知及阅读情况', {
    pathParams: issuedNoticesPath,
    query: issuedNoticesQuery,
    ok: { status: 200, description: '{league, notices, cursor}：cursor 为下一页的游标，没有下一页时为 null' },
    refusals: [403],
  }),
];
