import * as z from 'zod/mini';
import { isLegalDate } from '../../domain/dates.ts';
import { isBaseRatioPermille } from '../../domain/evaluation/samplingList.ts';
import { isJurisdictionCode } from '../../domain/identifiers/leagues.ts';
import { described } from '../shared/http.ts';

/**
 * The query contracts of the results' uses (docs/using-results.md, docs/api.md §12): the 双随机
 * sampling list (Art 28) and the measures lookup (Art 29–33). Field names are the API's; the pages
 * send the same names from their forms.
 */

/** Art 28 leaves the base ratio to the inspection plan; the planner sets it, 50 ‰ (5 %) unless given. */
export const DEFAULT_BASE_RATIO_PERMILLE = 50;

export const samplingPath = described(
  z.object({
    year: described(z.string().check(z.regex(/^\d{4}$/, { error: '评价年度须为四位数字' })), {
      description: '已发布评价结果的年度',
      example: '2025',
    }),
  }),
  { description: '路径参数' },
);

export const samplingQuery = described(
  z.object({
    league: z.optional(
      described(z.string().check(z.refine(isJurisdictionCode, { error: '盟市须为内蒙古自治区的盟市代码' })), {
        description: '盟市代码（盟市生态环境局只能查看本盟市；自治区可查看任一盟市，不填为全区）',
        example: '150300',
      }),
    ),
    basePermille: z.optional(
      described(
        z.string().check(
          z.regex(/^\d{1,4}$/, { error: '基础抽查比例须为 1 至 1000 的整数（‰）' }),
          z.refine((s) => isBaseRatioPermille(Number(s)), { error: '基础抽查比例须为 1 至 1000 的整数（‰）' }),
        ),
        { description: `基础抽查比例（‰，1–1000，默认 ${DEFAULT_BASE_RATIO_PERMILLE}）`, example: '50' },
      ),
    ),
  }),
  { description: '查询参数' },
);
export type SamplingQuery = z.infer<typeof samplingQuery>;

export const measuresQuery = described(
  z.object({
    date: z.optional(
      described(z.string().check(z.refine(isLegalDate, { error: '查询日期须为 YYYY-MM-DD 格式的有效日期' })), {
        description: '查询日期（默认今天）',
        example: '2026-09-01',
      }),
    ),
  }),
  { description: '查询参数' },
);
export type MeasuresQuery = z.infer<typeof measuresQuery>;
