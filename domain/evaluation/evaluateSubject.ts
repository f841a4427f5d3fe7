import type { CreditRecord } from '../records/creditRecord.ts';
import type { Agency, Enterprise } from '../subjects/subject.ts';
import { evaluateAgency, type StaffRecordSummary } from './agency.ts';
import { evaluateEnterprise } from './enterprise.ts';
import type { ScoredResult, SubjectContext } from './result.ts';

/**
 * One scored subject's evaluation, by its kind: an enterprise by its sites (Art 11, 16(2), I9,
 * I20 — enterprise.ts), an agency with its staff rule (Art 12, 17, Annex 2, I4 — agency.ts).
 * Practitioners have their own verdict (Art 13, I5 — practitioner.ts); the result types are in
 * result.ts.
 */
export const evaluateSubject = (
  subject: Enterprise | Agency,
  records: readonly CreditRecord[],
  staff: readonly StaffRecordSummary[],
  ctx: SubjectContext,
): ScoredResult =>
  subject.kind === 'enterprise'
    ? evaluateEnterprise(subject, records, ctx)
    : evaluateAgency(subject, records, staff, ctx);

export { evaluateAgency, type StaffRecordSummary } from './agency.ts';
export { evaluateEnterprise } from './enterprise.ts';
export { evaluatePractitioner } from './practitioner.ts';
// The names the functions layer imports from here; each lives in its rule's own module.
export type { ResultItem, ScoredResult, SubjectContext, SubjectResult } from './result.ts';
