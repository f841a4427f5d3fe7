import * as z from 'zod/mini';
import { isLegalDate } from '../../domain/dates.ts';
import { described } from '../shared/http.ts';

/** The query of `GET /v1/subjects/{kind}/{id}/score` (docs/api.md §3); `{kind}/{id}` is `subjectPath`. */
export const scoreQuery = described(
  z.object({
    year: z.optional(
      described(z.string().check(z.regex(/^\d{4}$/, { error: '年度须为四位数字' })), {
        description: '评价年度（默认今年）',
        example: '2026',
      }),
    ),
    asOf: z.optional(
      described(z.string().check(z.refine(isLegalDate, { error: '评价基准日须为 YYYY-MM-DD 格式的有效日期' })), {
        description: '评价基准日（默认今天，仅工作人员）',
        example: '2026-12-31',
      }),
    ),
    page: z.optional(
      described(z.string().check(z.regex(/^[1-9]\d{0,5}$/, { error: '页码须为正整数' })), {
        description: '说明的页码（从 1 起；说明过长时分页）',
        example: '1',
      }),
    ),
  }),
  { description: '查询参数' },
);
export type ScoreQuery = z.infer<typeof scoreQuery>;
