import * as z from 'zod/mini';
import { isLegalDate, type LegalDate, yearOf } from '../dates.ts';
import {
  type CreditRecord,
  legalDate,
  parseCreditRecord,
  readValidCreditRecord,
  subjectIdProblem,
} from '../records/creditRecord.ts';
import { type Subject, subjectSchema } from '../subjects/subject.ts';
import { type InputIssue, type Validated, validate } from '../validation.ts';
import { checkRecordSet, type EvaluationInput, type HistoryEntry } from './evaluate.ts';
import type { EvaluationOptions } from './options.ts';

/** The input of `ecocredit evaluate` (docs/api.md §4), validated field by field. */
const optionsSchema = z.object({
  requireDistinctDepartments: z.optional(z.boolean({ error: '选项须为 true 或 false' })),
  carryOverUnrectified: z.optional(z.boolean({ error: '选项须为 true 或 false' })),
  mergeMeasuresOfOneCase: z.optional(z.boolean({ error: '选项须为 true 或 false' })),
});

const historySchema = z
  .object({
    subject: z.object({
      kind: z.enum(['enterprise', 'agency'], { error: '历史等级只适用于 enterprise 或 agency' }),
      id: z.string(),
    }),
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
  year: z.optional(
    z
      .number({ error: '评价年度须为整数' })
      .check(
        z.int({ error: '评价年度须为整数' }),
        z.gte(2000, { error: '评价年度须在2000至2999之间' }),
        z.lte(2999, { error: '评价年度须在2000至2999之间' }),
      ),
  ),
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
 * defaults to it and `year` to the previous calendar year (docs/api.md §4).
 * Every problem is reported at once (up to MAX_REPORTED_ISSUES): the envelope's, each subject's and
 * each record's, and the checks across records (among the records that are valid themselves).
 */
export const parseEvaluationInput = (raw: unknown, today: LegalDate): Validated<EvaluationInput> => {
  const env = validate(envelopeSchema, raw);
  const issues: InputIssue[] = env.ok ? [] : [...env.issues];
  const input = (typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? raw : {}) as Record<string, unknown>;
  const rawSubjects = Array.isArray(input.subjects) ? input.subjects : [];
  const rawRecords = Array.isArray(input.records) ? input.records : [];
  // Sparse until complete, so that the checks across records keep each item's own index.
  const subjects: Subject[] = new Array(rawSubjects.length);
  let validSubjects = 0;
  for (let i = 0; i < rawSubjects.length && issues.length < MAX_REPORTED_ISSUES; i++) {
    const v = validate(subjectSchema, rawSubjects[i], `subjects[${i}]`);
    if (v.ok) {
      subjects[i] = v.value;
      validSubjects++;
    } else issues.push(...v.issues);
  }
  const records: CreditRecord[] = new Array(rawRecords.length);
  for (let i = 0; i < rawRecords.length && issues.length < MAX_REPORTED_ISSUES; i++) {
    // The common valid form is read by hand; the schema looks at anything else and names its problems.
    const fast = readValidCreditRecord(rawRecords[i]);
    if (fast !== undefined) {
      records[i] = fast;
      continue;
    }
    const v = parseCreditRecord(rawRecords[i], `records[${i}]`);
    if (v.ok) records[i] = v.value;
    else issues.push(...v.issues);
  }
  if (issues.length < MAX_REPORTED_ISSUES) issues.push(...checkRecordSet(subjects, records));

  const asOfRaw = env.ok
    ? env.value.asOf
    : validField(input.asOf, (v) => typeof v === 'string' && isLegalDate(v) && !issues.some((i) => i.path === 'asOf'));
  const yearRaw = env.ok
    ? env.value.year
    : validField(input.year, (v) => typeof v === 'number' && !issues.some((i) => i.path === 'year'));
  const asOf = (asOfRaw as LegalDate | undefined) ?? today;
  const year = (yearRaw as number | undefined) ?? yearOf(today) - 1;
  if (asOf < `${year}-01-01`)
    issues.push({ path: 'asOf', message: `评价基准日（${asOf}）不能早于评价年度 ${year} 的开始` });
  if (!env.ok || issues.length > 0 || validSubjects !== rawSubjects.length)
    return { ok: false, issues: issues.slice(0, MAX_REPORTED_ISSUES) };

  const options: Partial<EvaluationOptions> = Object.fromEntries(
    Object.entries(env.value.options ?? {}).filter(([, v]) => v !== undefined),
  );
  const history: HistoryEntry[] = env.value.history ?? [];
  return { ok: true, value: { year, asOf, options, subjects, records, history } };
};

/**
 * Receives each valid record as it is read, while it is still in cache (the columnar evaluation
 * builds its columns so: columnar/columns.ts). `begin` is given the subjects before any record.
 */
export interface RecordSink {
  readonly begin: (subjects: readonly Subject[]) => void;
  readonly add: (record: CreditRecord) => void;
}

/**
 * The same input as `parseEvaluationInput` gives for a valid one, read from an input whose subjects
 * and records come in batches (a large file read piece by piece: each batch can be dropped once
 * read), or undefined as soon as anything is wrong — the caller then asks `parseEvaluationInput`
 * for the problems, so that they are reported exactly as always. `members` are the input's other
 * fields. Records of the common valid form are read by hand (readValidCreditRecord), others by the
 * schema.
 */
export const readValidEvaluationInput = (
  members: Record<string, unknown>,
  subjectBatches: Iterable<readonly unknown[]>,
  recordBatches: Iterable<readonly unknown[]>,
  today: LegalDate,
  sink?: RecordSink,
): EvaluationInput | undefined => {
  const env = validate(envelopeSchema, { ...members, subjects: [], records: [] });
  if (!env.ok) return undefined;
  const subjects: Subject[] = [];
  for (const batch of subjectBatches)
    for (const raw of batch) {
      const v = validate(subjectSchema, raw);
      if (!v.ok) return undefined;
      subjects.push(v.value);
    }
  const records: CreditRecord[] = [];
  sink?.begin(subjects);
  for (const batch of recordBatches)
    for (const raw of batch) {
      let record = readValidCreditRecord(raw);
      if (record === undefined) {
        const v = parseCreditRecord(raw);
        if (!v.ok) return undefined;
        record = v.value;
      }
      records.push(record);
      sink?.add(record);
    }
  if (checkRecordSet(subjects, records).length > 0) return undefined;
  const asOf = env.value.asOf ?? today;
  const year = env.value.year ?? yearOf(today) - 1;
  if (asOf < `${year}-01-01`) return undefined;
  const options: Partial<EvaluationOptions> = Object.fromEntries(
    Object.entries(env.value.options ?? {}).filter(([, v]) => v !== undefined),
  );
  return { year, asOf, options, subjects, records, history: env.value.history ?? [] };
};

/** A field of an envelope that failed elsewhere, when it is valid itself (so the other checks can use it). */
const validField = (v: unknown, ok: (v: unknown) => boolean): unknown => (v !== undefined && ok(v) ? v : undefined);
