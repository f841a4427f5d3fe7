import * as z from 'zod/mini';
import { type LegalDate, yearOf } from '../dates.ts';
import { type CreditRecord, legalDate, parseCreditRecord, subjectIdProblem } from '../records/creditRecord.ts';
import { type Subject, subjectSchema } from '../subjects/subject.ts';
import { type InputIssue, type Validated, validate } from '../validation.ts';
import { checkRecordSet, type EvaluationInput, type HistoryEntry } from './evaluate.ts';
import type { EvaluationOptions } from './options.ts';

/** The input of `ecocredit evaluate` (API.md §4), validated field by field. */
const optionsSchema = z.object({
  requireDistinctDepartments: z.optional(z.boolean({ error: '选项须为 true 或 false' })),
  carryOverUnrectified: z.optional(z.boolean({ error: '选项须为 true 或 false' })),
  mergeMeasuresOfOneCase: z.optional(z.boolean({ error: '选项须为 true 或 false' })),
});

const historySchema = z
  .object({
    subject: z.object({ kind: z.enum(['enterprise', 'agency'], { error: '历史等级只适用于 enterprise 或 agency' }), id: z.string() }),
    year: z.number().check(z.int({ error: '年度须为整数' })),
    grade: z.enum(['A', 'B', 'C', 'D'], { error: '等级须为 A、B、C 或 D' }),
    publishedOn: z.optional(z.nullable(legalDate('公布日期'))),
  })
  .check(
    z.superRefine((h, ctx) => {
      const p = subjectIdProblem(h.subject.kind, h.subject.id);
      if (p) ctx.issues.push({ code: 'custom', path: ['subject', 'id'], message: p, input: h });
    }),
  );

const envelopeSchema = z.object({
  year: z.optional(z.number({ error: '评价年度须为整数' }).check(z.int({ error: '评价年度须为整数' }), z.gte(2000, { error: '评价年度须在2000至2999之间' }), z.lte(2999, { error: '评价年度须在2000至2999之间' }))),
  asOf: z.optional(legalDate('评价基准日（asOf）')),
  options: z.optional(optionsSchema),
  subjects: z.array(z.unknown(), { error: 'subjects 须为数组' }),
  records: z.array(z.unknown(), { error: 'records 须为数组' }),
  history: z.optional(z.array(historySchema, { error: 'history 须为数组' })),
});

/** Stop collecting after this many problems: a bad million-record file should not print a million lines. */
export const MAX_REPORTED_ISSUES = 20;

/**
 * Parses an evaluation input. `today` is the caller's date (the domain has no clock): `asOf`
 * defaults to it and `year` to the previous calendar year (API.md §4).
 */
export const parseEvaluationInput = (raw: unknown, today: LegalDate): Validated<EvaluationInput> => {
  const env = validate(envelopeSchema, raw);
  if (!env.ok) return env;
  const issues: InputIssue[] = [];
  const subjects: Subject[] = [];
  env.value.subjects.forEach((s, i) => {
    if (issues.length >= MAX_REPORTED_ISSUES) return;
    const v = validate(subjectSchema, s, `subjects[${i}]`);
    if (v.ok) subjects.push(v.value);
    else issues.push(...v.issues);
  });
  const records: CreditRecord[] = new Array(env.value.records.length);
  const list = env.value.records;
  for (let i = 0; i < list.length && issues.length < MAX_REPORTED_ISSUES; i++) {
    const v = parseCreditRecord(list[i], `records[${i}]`);
    if (v.ok) records[i] = v.value;
    else issues.push(...v.issues);
  }
  if (issues.length > 0) return { ok: false, issues: issues.slice(0, MAX_REPORTED_ISSUES) };
  issues.push(...checkRecordSet(subjects, records));
  if (issues.length > 0) return { ok: false, issues: issues.slice(0, MAX_REPORTED_ISSUES) };

  const asOf = env.value.asOf ?? today;
  const year = env.value.year ?? yearOf(today) - 1;
  if (asOf < `${year}-01-01`) return { ok: false, issues: [{ path: 'asOf', message: `评价基准日（${asOf}）不能早于评价年度 ${year} 的开始` }] };
  const options: Partial<EvaluationOptions> = Object.fromEntries(Object.entries(env.value.options ?? {}).filter(([, v]) => v !== undefined));
  const history: HistoryEntry[] = env.value.history ?? [];
  return { ok: true, value: { year, asOf, options, subjects, records, history } };
};
