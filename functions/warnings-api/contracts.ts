import * as z from 'zod/mini';
import { eventIdSchema } from '../../domain/records/creditRecord.ts';
import { described } from '../shared/http.ts';
import { issueWarningBody, reportRectificationBody, warningDecisionBody } from '../warnings/contracts.ts';

/**
 * The request contracts of the credit warnings API (docs/api.md §13): a league bureau's written
 * warning, the warned unit's rectification report and the bureau's decision on it (Art 21-22). The
 * handler parses every path and body with these; `functions/openapi` describes the routes from the
 * same schemas. The use cases check again what only they can know (a deadline, a warning's state).
 */

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
