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
    const si = subjectIndex.get(subjectKey(r.subject));
    const subject = si === undefined ? undefined : subjects[si];
    if (rule && subject?.kind === 'agency' && !appliesToCategories(rule, subject.categories))
      issues.push({
        path: `records[${i}].rule`,
        message: `评价指标 ${r.rule} 不适用于该机构的类别（${subject.categories.join('、')}）`,
      });
  });
  return issues;
};

/**
 * Records by subject and the client records that agencies refer to (I4). Memory-bound at a million
 * records, so it indexes only what is looked up: subjects by id (a USCC or ID number names one
 * subject; kinds are split only where they share an id) and, by eventId, only the records some
 * agency names as its client's. Identical deliveries are dropped per subject, after sorting.
 */
const indexRecords = (records: readonly CreditRecord[]) => {
  const referenced = new Set<string>();
  for (const r of records) if (r.clientEventId !== null) referenced.add(r.clientEventId);
  const clients = new Map<string, CreditRecord>();
  const byId = new Map<string, CreditRecord[]>();
  const mixedKinds = new Set<string>();
  for (const r of records) {
    if (referenced.size > 0 && referenced.has(r.eventId) && !clients.has(r.eventId)) clients.set(r.eventId, r);
    const id = r.subject.id;
    const list = byId.get(id);
    if (list === undefined) byId.set(id, [r]);
    else {
      if (list[0]!.subject.kind !== r.subject.kind) mixedKinds.add(id);
      list.push(r);
    }
  }
  const recordsOf = (subject: { kind: string; id: string }): CreditRecord[] => {
    const list = byId.get(subject.id);
    if (list === undefined) return [];
    return mixedKinds.has(subject.id) ? list.filter((r) => r.subject.kind === subject.kind) : list;
  };
  return { clients, recordsOf };
};

const NO_HISTORY: readonly PublishedGrade[] = [];

/**
 * Evaluation of year Y as of date D for a set of subjects and records, one result per subject in
 * input order. Practitioners are evaluated first, because an agency's staff rule needs them.
 */
export function* evaluateEach(input: EvaluationInput): Generator<SubjectResult> {
  const options: EvaluationOptions = { ...DEFAULT_OPTIONS, ...input.options };
  const period = { year: input.year, asOf: input.asOf, options };
  const { clients, recordsOf } = indexRecords(input.records);
  const historyBySubject = new Map<string, PublishedGrade[]>();
  for (const h of input.history ?? []) {
    const key = subjectKey(h.subject);
    const list = historyBySubject.get(key);
    if (list) list.push(h);
    else historyBySubject.set(key, [h]);
  }
  const ctxFor = (key: string): SubjectContext => ({
    period,
    clientOf: (id) => clients.get(id),
    history: historyBySubject.get(key) ?? NO_HISTORY,
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
