import * as z from 'zod/mini';
import { isJurisdictionCode, isLeagueCode } from '../../domain/identifiers/leagues.ts';
import {
  MAX_DISPUTED_RECORDS,
  MAX_OBJECTION_FILES,
  MAX_OBJECTION_REASONS_LENGTH,
  MAX_REVIEW_REASONS_LENGTH,
} from '../../domain/objections/objection.ts';
import { eventIdSchema } from '../../domain/records/creditRecord.ts';
import { cyclePath } from '../cycles/contracts.ts';
import { described } from '../shared/http.ts';
import { issueWarningBody, reportRectificationBody, warningDecisionBody } from '../warnings/contracts.ts';

/**
 * The request contracts of the participation API (docs/api.md §13): objections (Art 17(3), 18(4)),
 * credit warnings (Art 21-22) and notices. The handler parses every path, query and body with these;
 * `functions/openapi` describes the routes from the same schemas. The use cases check again what
 * only they can know (a record of the participant's own year, a deadline, a window).
 */

const OBJECTION_ID_MESSAGE = '异议编号格式无效';
const LEAGUE_MESSAGE = '盟市代码须为12个盟市之一';

const leagueCode = (description: string) =>
  described(z.string({ error: LEAGUE_MESSAGE }).check(z.refine(isLeagueCode, { error: LEAGUE_MESSAGE })), {
    description,
    example: '150600',
  });

/** `?league=` of the objections' list: one league of the caller's (all of them when absent). */
export const objectionListQuery = z.object({ league: z.optional(leagueCode('只看该盟市的异议（盟市代码）')) });

/** `{objectionId}`: as the objection was filed (`<kind>-<subject id>-<year>-<12 hex>`). */
const objectionIdParam = described(
  z
    .string()
    .check(
      z.regex(/^(?:enterprise|agency|practitioner)-[0-9A-Z]{18}-\d{4}-[0-9a-f]{12}$/, { error: OBJECTION_ID_MESSAGE }),
    ),
  { description: '异议编号（提出异议时返回）', example: 'agency-91150600MA0N000019-2025-3f2a9c1d0b4e' },
);

/** `{year}`, `{kind}` and `{objectionId}` of `/v1/cycles/{year}/{kind}/objections/{objectionId}`. */
export const objectionPath = z.object({ ...cyclePath.def.shape, objectionId: objectionIdParam });

/** `POST /v1/cycles/{year}/{kind}/objections`: the participant's objection (Art 17(3), 18(4); Art 16(3)). */
export const fileObjectionRequest = described(
  z.object({
    records: z
      .array(eventIdSchema, { error: 'records 须为事件编号数组' })
      .check(z.maxLength(MAX_DISPUTED_RECORDS, { error: `有异议的信用信息不能超过${MAX_DISPUTED_RECORDS}条` })),
    preGrade: z.optional(z.boolean({ error: 'preGrade 须为 true 或 false' })),
    reasons: z
      .string({ error: '异议理由须为字符串' })
      .check(
        z.maxLength(MAX_OBJECTION_REASONS_LENGTH, { error: `异议理由不能超过${MAX_OBJECTION_REASONS_LENGTH}个字符` }),
      ),
    evidenceFiles: z.optional(
      z
        .array(z.string({ error: '证明材料文件编号须为字符串' }), { error: 'evidenceFiles 须为数组' })
        .check(z.maxLength(MAX_OBJECTION_FILES, { error: `证明材料文件不能超过${MAX_OBJECTION_FILES}个` })),
    ),
  }),
  {
    id: 'FileObjectionRequest',
    description:
      '对确认通知中的信用信息（records）或预评等级整体（preGrade）提出异议，说明理由，可附门户上传的证明材料文件编号',
    example: { records: ['OBJ-NOTIFIED-1'], preGrade: false, reasons: '该通报批评已于2025年撤销，附撤销文件。' },
  },
);
export type FileObjectionRequest = z.infer<typeof fileObjectionRequest>;

const correction = z.object({
  rule: z.string({ error: '更正后的评价指标须为字符串' }),
  occurredOn: z.string({ error: '更正后的发生日期须为 YYYY-MM-DD' }),
  fineYuan: z.optional(z.nullable(z.number({ error: '罚款金额须为数字' }))),
  summary: z.optional(z.nullable(z.string({ error: '更正后的摘要须为字符串' }))),
});

/** `POST …/objections/{objectionId}/review`: per disputed record (or `preGrade`) the outcome and reasons. */
export const reviewObjectionRequest = described(
  z.object({
    reviews: z
      .array(
        z.object({
          target: z.string({ error: '复核对象须为事件编号或 preGrade' }),
          outcome: z.enum(['upheld', 'corrected', 'revoked'], {
            error: '复核结论须为 upheld（维持）、corrected（更正）或 revoked（撤销）',
          }),
          reasons: z
            .string({ error: '复核理由须为字符串' })
            .check(
              z.maxLength(MAX_REVIEW_REASONS_LENGTH, { error: `复核理由不能超过${MAX_REVIEW_REASONS_LENGTH}个字符` }),
            ),
          correction: z.optional(correction),
        }),
        { error: 'reviews 须为数组' },
      )
      .check(z.maxLength(MAX_DISPUTED_RECORDS + 1, { error: '复核结论过多' })),
  }),
  {
    id: 'ReviewObjectionRequest',
    description:
      '逐条作出复核结论：维持（upheld）、更正（corrected，附更正后的 rule、occurredOn、fineYuan、summary）或撤销（revoked），均须说明理由；预评等级整体（target 为 preGrade）只能维持或更正',
    example: {
      reviews: [{ target: 'OBJ-NOTIFIED-1', outcome: 'revoked', reasons: '经核实，该通报批评已撤销。' }],
    },
  },
);
export type ReviewObjectionRequest = z.infer<typeof reviewObjectionRequest>;

/** `{eventId}` of a credit warning: its record's event id. */
export const warningPath = z.object({
  eventId: described(eventIdSchema.clone(), {
    description: '信用预警的事件编号（下达时返回）',
    example: 'WARN-150600-20260901-3f2a9c1d0b4e',
  }),
});

/** `POST /v1/warnings`: a league bureau's written credit warning (Art 21-22). */
export const issueWarningRequest = described(issueWarningBody.clone(), {
  id: 'IssueWarningRequest',
  description: '下达信用预警：单位、失信行为（评价指标代码）、发现（发生）日期、发现的问题、整改要求、整改期限',
  example: {
    subjectKind: 'enterprise',
    subjectId: '91150600MA0N000027',
    rule: 'PMT_SELF_MONITORING',
    occurredOn: '2026-08-20',
    description: '现场检查发现自行监测数据缺失。',
    rectificationRequired: '补齐自行监测方案并开展监测。',
    deadline: '2026-09-15',
  },
});

const { eventId: _reportEventId, ...reportFields } = reportRectificationBody.def.shape;
/** `POST /v1/warnings/{eventId}/rectification`: the warned unit's report (Art 22). */
export const reportRectificationRequest = described(z.object(reportFields), {
  id: 'ReportRectificationRequest',
  description: '报告整改完成：整改完成日期、整改情况、门户上传的证明材料文件编号',
  example: { rectifiedOn: '2026-09-10', text: '已补齐自行监测方案并委托监测。', evidenceFiles: [] },
});
export type ReportRectificationRequest = z.infer<typeof reportRectificationRequest>;

const { eventId: _decisionEventId, ...decisionFields } = warningDecisionBody.def.shape;
/** `POST /v1/warnings/{eventId}/decision`: the bureau confirms the rectification or finds it insufficient. */
export const warningDecisionRequest = described(z.object(decisionFields), {
  id: 'WarningDecisionRequest',
  description: '确认整改（confirm）或认定整改不到位（insufficient，须说明理由）',
  example: { decision: 'insufficient', reasons: '监测方案未覆盖全部排放口。' },
});
export type WarningDecisionRequest = z.infer<typeof warningDecisionRequest>;

/** `{noticeId}` of one of the caller's notices. */
export const noticePath = z.object({
  noticeId: described(
    z.string().check(z.regex(/^[A-Za-z0-9._:@-]{1,200}$/, { error: '通知编号须为1至200位字母、数字或 . _ : @ -' })),
    { description: '通知编号', example: 'warning-WARN-150600-20260901-3f2a9c1d0b4e' },
  ),
});

/** `{league}` of `/v1/leagues/{league}/notices`: a league, or 150000 for the region's own notices. */
export const issuedNoticesPath = z.object({
  league: described(
    z.string().check(z.refine(isJurisdictionCode, { error: '盟市代码须为12个盟市之一或自治区（150000）' })),
    { description: '发出通知的生态环境局（盟市代码，自治区为 150000）', example: '150600' },
  ),
});

/** `?cursor=&limit=` of a bureau's issued notices. */
export const issuedNoticesQuery = z.object({
  cursor: z.optional(
    described(z.string().check(z.regex(/^[A-Za-z0-9_-]{1,400}$/, { error: '分页游标无效' })), {
      description: '上一页返回的 cursor',
      example: 'MjAyNi0wNC0wMVQwMjowMDowMFoj',
    }),
  ),
  limit: z.optional(
    described(z.string().check(z.regex(/^(?:[1-9]|[1-9]\d|100)$/, { error: '每页条数须为1至100的整数' })), {
      description: '每页条数（1至100，默认50）',
      example: '50',
    }),
  ),
});
