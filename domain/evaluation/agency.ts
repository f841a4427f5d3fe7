import { appliesToCategories, ruleByCode } from '../catalogue/catalogue.ts';
import type { LegalDate } from '../dates.ts';
import { tenths } from '../points.ts';
import type { CreditRecord } from '../records/creditRecord.ts';
import type { Agency } from '../subjects/subject.ts';
import { type Note, note } from './notes.ts';
import { STAFF_WITH_RECORDS_THRESHOLD } from './options.ts';
import type { ClassifiedRecord } from './recordState.ts';
import { byDateThenId, classifyAll, type ScoredResult, type SubjectContext } from './result.ts';
import { hasCountedDirectD, scoredResult, sumCounted } from './scoredResult.ts';

/*
 * A third-party service agency (第三方服务机构), Art 12 and 17, Annex 2: deducted only, from 100, all
 * leagues together (Art 17(5)); a category rule (机构分类指标) counts only for the agency's own
 * categories; a "同委托单位" record takes its client record's points (I4: `recordPoints` in
 * recordState.ts); and the staff rule below.
 */

/**
 * Derived Annex 2 record: 3 or more staff with counted records in the year → −20, dated the day the
 * third staff member's first counted record occurred.
 */
export interface StaffRecordSummary {
  readonly practitionerId: string;
  readonly firstCountedOn: LegalDate;
}

export const staffRecordsEventId = (agencyId: string, year: number): string =>
  `derived:AG_STAFF_RECORDS:${agencyId}:${year}`;

const derivedStaffRecord = (
  agency: Agency,
  staff: readonly StaffRecordSummary[],
  year: number,
): ClassifiedRecord | null => {
  if (staff.length < STAFF_WITH_RECORDS_THRESHOLD) return null;
  const rule = ruleByCode('AG_STAFF_RECORDS')!;
  const dates = staff.map((s) => s.firstCountedOn).sort();
  const record: CreditRecord = {
    eventId: staffRecordsEventId(agency.id, year),
    subject: { kind: 'agency', id: agency.id, siteId: null },
    rule: rule.code,
    occurredOn: dates[STAFF_WITH_RECORDS_THRESHOLD - 1]!,
    department: '150000-EED',
    league: agency.league,
    fineYuan: null,
    clientEventId: null,
    legalBasis: null,
    caseNo: null,
    summary: null,
    warning: null,
    rectifiedOn: null,
    repairedOn: null,
    revokedOn: null,
  };
  return {
    record,
    rule,
    points: rule.points.type === 'fixed' ? rule.points.tenths : tenths(0),
    state: 'counted',
    reasons: 0,
  };
};

/** An agency: deductions only from 100 (Art 12), all leagues together (Art 17(5)). */
export const evaluateAgency = (
  subject: Agency,
  records: readonly CreditRecord[],
  staff: readonly StaffRecordSummary[],
  ctx: SubjectContext,
): ScoredResult => {
  const notApplicable = (c: ClassifiedRecord): ClassifiedRecord =>
    c.rule.agencyCategories === undefined || appliesToCategories(c.rule, subject.categories)
      ? c
      : { ...c, state: 'not-applicable' };
  const classified = classifyAll(records, ctx, notApplicable);
  const notes: Note[] = [];
  const derived = derivedStaffRecord(subject, staff, ctx.period.year);
  if (derived) {
    classified.push(derived);
    classified.sort(byDateThenId);
    // The staff are not named: practitioners' personal data is never shown in a result that may be
    // published (Art 18(6), Art 35); their own results name them to the staff who may see them.
    notes.push(
      note(
        'Annex 2',
        `Annex 2: ${staff.length} staff with records in ${ctx.period.year}; −20 derived`,
        `${ctx.period.year}年度机构内${staff.length}名工作人员出现不良信用记录，扣20分（附件2）`,
      ),
    );
  }
  return scoredResult(subject, classified, sumCounted(classified), hasCountedDirectD(classified), ctx, notes);
};
