import * as z from 'zod/mini';
import { isLeagueCode } from '../../domain/identifiers/leagues.ts';
import { MAX_DISPUTED_RECORDS, MAX_REVIEW_REASONS_LENGTH } from '../../domain/objections/objection.ts';
import { cyclePath } from '../cycles/cyclePath.ts';
import { described } from '../shared/http.ts';

/**
 * The request contracts of the objections API's bureau routes (docs/api.md §13): the list, one
 * objection and its review (Art 17(3), 18(4)); the participant's objection is
 * `functions/objection-filing-api/contracts.ts`. The handler parses every path, query and body with
 * these; `functions/openapi` describes the routes from the same schemas. The use cases check again
 * what only they can know (a deadline, a record under the objection).
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
