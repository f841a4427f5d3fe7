import * as z from 'zod/mini';
import { SUBJECT_KINDS } from '../../domain/catalogue/kinds.ts';
import { MAX_SUMMARY_LENGTH } from '../../domain/records/bounds.ts';
import { eventIdSchema, legalDate, text } from '../../domain/records/creditRecord.ts';
import { MAX_EVIDENCE_FILES } from '../repairs/contracts.ts';

/** The longest text of a warning's fields (description, rectification required, a report, reasons). */
export const MAX_WARNING_TEXT = MAX_SUMMARY_LENGTH;
export { MAX_EVIDENCE_FILES };

/** A credit warning as a league bureau issues it (Art 21-22): the unit, the behaviour found, the rectification required and its deadline. */
export const issueWarningBody = z.object({
  subjectKind: z.enum(SUBJECT_KINDS, { error: '单位类型须为企事业单位或第三方服务机构' }),
  subjectId: z
    .string({ error: '统一社会信用代码须为字符串' })
    .check(z.minLength(1, { error: '统一社会信用代码不能为空' })),
  rule: z.string({ error: '失信行为须为字符串' }).check(z.minLength(1, { error: '请选择失信行为（评价指标）' })),
  occurredOn: legalDate('发现（发生）日期'),
  description: text('发现的问题', MAX_WARNING_TEXT, { multiline: true }),
  rectificationRequired: text('整改要求', MAX_WARNING_TEXT, { multiline: true }),
  deadline: legalDate('整改期限'),
});
export type IssueWarningBody = z.infer<typeof issueWarningBody>;

/** A unit's report of its rectification (Art 22): when it was done, what was done, the evidence files. */
export const reportRectificationBody = z.object({
  eventId: eventIdSchema,
  rectifiedOn: legalDate('整改完成日期'),
  text: text('整改情况', MAX_WARNING_TEXT, { multiline: true }),
  evidenceFiles: z
    .array(z.string({ error: '证明材料文件编号须为字符串' }))
    .check(z.maxLength(MAX_EVIDENCE_FILES, { error: `证明材料文件最多${MAX_EVIDENCE_FILES}个` })),
});
export type ReportRectificationBody = z.infer<typeof reportRectificationBody>;

/** The bureau's decision on a reported rectification: confirmed (确认整改) or insufficient (整改不到位, with reasons). */
export const warningDecisionBody = z.object({
  eventId: eventIdSchema,
  decision: z.enum(['confirm', 'insufficient'], { error: '请选择确认整改或整改不到位' }),
  reasons: z.optional(text('整改不到位的理由', MAX_WARNING_TEXT, { multiline: true, allowEmpty: true })),
});
export type WarningDecisionBody = z.infer<typeof warningDecisionBody>;
