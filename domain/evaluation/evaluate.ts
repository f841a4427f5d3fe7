import { appliesToCategories, ruleByCode } from '../catalogue/catalogue.ts';
import type { LegalDate } from '../dates.ts';
import { type CreditRecord, sameRecord } from '../records/creditRecord.ts';
import { type Subject, subjectKey } from '../subjects/subject.ts';
import type { InputIssue } from '../validation.ts';
import type { StaffRecordSummary } from './agency.ts';
import type { PublishedGrade } from './blacklist.ts';
import { evaluateSubject } from './evaluateSubject.ts';
import { DEFAULT_OPTIONS, type EvaluationOptions } from './options.ts';
import { evaluatePractitioner } from './practitioner.ts';
import { groupRecordsBySubject, type RecordIndex } from './recordIndex.ts';
import type { PractitionerResult, SubjectContext, SubjectResult } from './result.ts';

export interface HistoryEntry extends PublishedGrade {
  readonly subject: { readonly kind: 'enterprise' | 'agency'; readonly id: string };
}

export interface EvaluationInput {
  readonly year: number;
  readonly asOf: LegalDate;
  readonly options?: Partial<EvaluationOptions>;
  readonly subjects: readonly Subject[];
  readonly records: readonly CreditRecord[];
  readonly history?: readonly HistoryEntry[];
}

/**
 * Checks across records and subjects that a single record's schema cannot see (docs/api.md §1-2):
 * one eventId with different content is refused; a category rule for a registered agency that lacks
 * the category is refused (Annex 2 机构分类指标); the same subject twice is refused.
 */
export const checkRecordSet = (subjects: readonly Subject[], records: readonly CreditRecord[]): InputIssue[] => {
  const issues: InputIssue[] = [];
  const subjectIndex = new Map<string, number>();
  subjects.forEach((s, i) => {
    const key = subjectKey(s);
    if (subjectIndex.has(key))
      issues.push({
        path: `subjects[${i}].id`,
        message: `主体重复：${s.id}（与 subjects[${subjectIndex.get(key)}] 相同）`,
      });
    else subjectIndex.set(key, i);
  });
  const firstIndex = new Map<string, number>();
  records.forEach((r, i) => {
    const prev = firstIndex.get(r.eventId);
    if (prev === undefined) firstIndex.set(r.eventId, i);
    else if (!sameRecord(records[prev]!, r))
      issues.push({
        path: `records[${i}].eventId`,
        message: `事件编号 ${r.eventId} 重复且内容不同（与 records[${prev}] 冲突）`,
      });
    const rule = ruleByCode(r.rule);
    // Only a category rule depends on its subject (appliesToCategories is true for any other).
    if (rule?.agencyCategories === undefined) return;
    const si = subjectIndex.get(subjectKey(r.subject));
    const subject = si === undefined ? undefined : subjects[si];
    if (subject?.kind === 'agency' && !appliesToCategories(rule, subject.categories))
      issues.push({
        path: `records[${i}].rule`,
        message: `评价指标 ${r.rule} 不适用于该机构的类别（${subject.categories.join('、')}）`,
      });
  });
  return issues;
};

const NO_HISTORY: readonly PublishedGrade[] = [];

/** The published grades of each subject (Art 19, I10), by subject key. */
export const historyBySubjectOf = (history: readonly HistoryEntry[] | undefined): Map<string, PublishedGrade[]> => {
  const bySubject = new Map<string, PublishedGrade[]>();
  for (const h of history ?? []) {
    const key = subjectKey(h.subject);
    const list = bySubject.get(key);
    if (list) list.push(h);
    else bySubject.set(key, [h]);
  }
  return bySubject;
};

/**
 * Evaluation of year Y as of date D for a set of subjects and records, one result per subject in
 * input order. Practitioners are evaluated first, because an agency's staff rule needs them.
 * `index` finds each subject's records (recordIndex.ts); the readable `indexRecordsBySubject` gives
 * the same results as the default, faster one.
 */
export function* evaluateEach(
  input: EvaluationInput,
  index: RecordIndex = groupRecordsBySubject(input.subjects, input.records),
): Generator<SubjectResult> {
  const options: EvaluationOptions = { ...DEFAULT_OPTIONS, ...input.options };
  const period = { year: input.year, asOf: input.asOf, options };
  const { clientOf, recordsOf } = index;
  const historyBySubject = historyBySubjectOf(input.history);
  const ctxFor = (key: string): SubjectContext => ({
    period,
    clientOf,
    history: historyBySubject.get(key) ?? NO_HISTORY,
    recordsInOrder: index.inEvaluationOrder,
  });

  const practitioners = new Map<string, PractitionerResult>();
  const staffByEmployer = new Map<string, StaffRecordSummary[]>();
  for (const s of input.subjects) {
    if (s.kind !== 'practitioner') continue;
    const key = subjectKey(s);
    const { firstCountedOn, ...result } = evaluatePractitioner(s, recordsOf(s), ctxFor(key));
    practitioners.set(key, result);
    if (s.employer?.kind === 'agency' && firstCountedOn != null) {
      const employerKey = subjectKey(s.employer);
      const list = staffByEmployer.get(employerKey) ?? [];
      list.push({ practitionerId: s.id, firstCountedOn });
      staffByEmployer.set(employerKey, list);
    }
  }

  for (const s of input.subjects) {
    const key = subjectKey(s);
    const records = recordsOf(s);
    if (s.kind === 'practitioner') yield practitioners.get(key)!;
    else yield evaluateSubject(s, records, staffByEmployer.get(key) ?? [], ctxFor(key));
  }
}

export const evaluate = (input: EvaluationInput): SubjectResult[] => [...evaluateEach(input)];
