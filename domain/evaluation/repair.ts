import { addCalendarMonths, addYears, endOfYear, type LegalDate } from '../dates.ts';
import type { Tenths } from '../points.ts';

/**
 * Art 27: the earliest date a rectified deduction may be repaired, by the points of the one record:
 * "扣3分以下（含3分）…即时修复；扣4-6分…2个月；扣7-11分…3个月；扣15分以上…12个月；扣50分及以上…整改完成，
 * 环境和社会不良影响基本消除18个月后".
 * I3: the bands leave gaps (12-14 points; 3.5 or 6.5 points; direct-D records with no points), so the
 * bands are read on the record's absolute points p as: p ≤ 3 → 0; 3 < p ≤ 6 → 2 months;
 * 6 < p ≤ 11 → 3 months; 11 < p < 50 → 12 months; p ≥ 50 → 18 months; direct-D records → 18 months.
 */
const REPAIR_BANDS: readonly { readonly upToTenths: number; readonly months: number }[] = [
  { upToTenths: 30, months: 0 },
  { upToTenths: 60, months: 2 },
  { upToTenths: 110, months: 3 },
  { upToTenths: 499, months: 12 },
  { upToTenths: Number.POSITIVE_INFINITY, months: 18 },
];

/** I3: direct-D records have no band in Art 27; they wait as long as the gravest band. */
const DIRECT_D_REPAIR_MONTHS = 18;

/** Art 27 "50分及以上 … 环境和社会不良影响基本消除": the longest band also needs the impact eliminated. */
const IMPACT_ELIMINATION_FROM_TENTHS = 500;

interface RepairWait {
  readonly months: number;
  /** True when the wait comes from I3 rather than the text of Art 27. */
  readonly byInterpretation: boolean;
  readonly impactEliminationRequired: boolean;
}

/** Values the text of Art 27 itself places in a band (whole points 0-3, 4-6, 7-11, 15+, 50+). */
const inTextBand = (abs: number): boolean =>
  abs % 10 === 0 && (abs <= 30 || (abs >= 40 && abs <= 60) || (abs >= 70 && abs <= 110) || abs >= 150);

export const repairWait = (points: Tenths, directD: boolean): RepairWait => {
  const abs = Math.abs(points as number);
  if (directD) return { months: DIRECT_D_REPAIR_MONTHS, byInterpretation: true, impactEliminationRequired: true };
  const band = REPAIR_BANDS.find((b) => abs <= b.upToTenths)!;
  return {
    months: band.months,
    byInterpretation: !inTextBand(abs),
    impactEliminationRequired: abs >= IMPACT_ELIMINATION_FROM_TENTHS,
  };
};

/** Art 27 with I3: calendar months after the rectification, clamped to the month's end. */
export const earliestRepairDate = (rectifiedOn: LegalDate, points: Tenths, directD: boolean): LegalDate =>
  addCalendarMonths(rectifiedOn, repairWait(points, directD).months);

/**
 * Art 24(1) "产生扣分环保信用信息的行为在评价期内已经终止并完成整改": the evaluation period of a record is
 * the calendar year it occurred in (Art 19, I5); a rectification after its end rules a repair out (I19).
 */
export const evaluationPeriodEnd = (occurredOn: LegalDate): LegalDate => endOfYear(Number(occurredOn.slice(0, 4)));

/** Why a repair application (Art 23 ¶2, Art 24, Art 27) cannot be granted; empty when it can. */
type RepairRefusal =
  | { readonly code: 'NOT_RECTIFIED'; readonly article: 'Art 24(1)' }
  | {
      readonly code: 'RECTIFIED_AFTER_PERIOD';
      readonly article: 'Art 24(1)';
      readonly rectifiedOn: LegalDate;
      readonly periodEnd: LegalDate;
    }
  | {
      readonly code: 'RECURRED';
      readonly article: 'Art 24(2)';
      readonly eventId: string;
      readonly occurredOn: LegalDate;
    }
  | { readonly code: 'TOO_EARLY'; readonly article: 'Art 27'; readonly earliestOn: LegalDate }
  | { readonly code: 'IMPACT_NOT_ELIMINATED'; readonly article: 'Art 27' }
  | { readonly code: 'ALREADY_REPAIRED_OR_REVOKED'; readonly article: 'Art 23' };

type RepairAssessment =
  | { readonly eligible: true; readonly earliestOn: LegalDate }
  | { readonly eligible: false; readonly refusals: readonly RepairRefusal[] };

interface RepairCase {
  readonly eventId: string;
  readonly rule: string;
  readonly occurredOn: LegalDate;
  readonly rectifiedOn?: LegalDate | null;
  readonly repairedOn?: LegalDate | null;
  readonly revokedOn?: LegalDate | null;
  readonly points: Tenths;
  readonly directD: boolean;
}

/**
 * A repair application for an enterprise's or agency's deduction, on `appliedOn`:
 * - Art 24(1): the behaviour ended and was rectified within the evaluation period (the record's year);
 * - Art 24(2): it did not happen again (same rule, same subject) before the results were announced;
 * - Art 27 (I3): the wait after rectification has passed; for 50+ points the impact is eliminated.
 */
export const assessRepairApplication = (input: {
  readonly record: RepairCase;
  readonly appliedOn: LegalDate;
  /** Announcement (publication) of the year's results; recurrence is looked for until then. */
  readonly announcedOn: LegalDate;
  readonly laterRecordsOfSubject: readonly {
    eventId: string;
    rule: string;
    occurredOn: LegalDate;
    revokedOn?: LegalDate | null;
  }[];
  readonly impactEliminated: boolean;
}): RepairAssessment => {
  const { record, appliedOn, announcedOn } = input;
  const refusals: RepairRefusal[] = [];
  if (record.repairedOn != null || record.revokedOn != null)
    refusals.push({ code: 'ALREADY_REPAIRED_OR_REVOKED', article: 'Art 23' });
  if (record.rectifiedOn == null) {
    refusals.push({ code: 'NOT_RECTIFIED', article: 'Art 24(1)' });
    return { eligible: false, refusals };
  }
  const periodEnd = evaluationPeriodEnd(record.occurredOn);
  if (record.rectifiedOn > periodEnd)
    refusals.push({ code: 'RECTIFIED_AFTER_PERIOD', article: 'Art 24(1)', rectifiedOn: record.rectifiedOn, periodEnd });
  const recurrence = input.laterRecordsOfSubject.find(
    (r) =>
      r.eventId !== record.eventId &&
      r.rule === record.rule &&
      r.occurredOn > record.occurredOn &&
      r.occurredOn <= announcedOn &&
      r.revokedOn == null,
  );
  if (recurrence)
    refusals.push({
      code: 'RECURRED',
      article: 'Art 24(2)',
      eventId: recurrence.eventId,
      occurredOn: recurrence.occurredOn,
    });
  const wait = repairWait(record.points, record.directD);
  const earliestOn = addCalendarMonths(record.rectifiedOn, wait.months);
  if (appliedOn < earliestOn) refusals.push({ code: 'TOO_EARLY', article: 'Art 27', earliestOn });
  if (wait.impactEliminationRequired && !input.impactEliminated)
    refusals.push({ code: 'IMPACT_NOT_ELIMINATED', article: 'Art 27' });
  return refusals.length === 0 ? { eligible: true, earliestOn } : { eligible: false, refusals };
};

/** Art 25-26: repair of an environmental-dishonest individual. */
type PractitionerRepairRefusal =
  | { readonly code: 'NO_COMMITMENT'; readonly article: 'Art 25' }
  | { readonly code: 'RECORD_WITHIN_YEAR'; readonly article: 'Art 25'; readonly eventId: string }
  | { readonly code: 'TOO_EARLY'; readonly article: 'Art 25'; readonly earliestOn: LegalDate }
  | { readonly code: 'NO_CONTRIBUTION'; readonly article: 'Art 26' };

type PractitionerRepairAssessment =
  | { readonly eligible: true }
  | { readonly eligible: false; readonly refusals: readonly PractitionerRepairRefusal[] };

export const assessPractitionerRepair = (input: {
  readonly ratedOn: LegalDate;
  readonly appliedOn: LegalDate;
  /** Annex 5 commitment letter signed. */
  readonly commitmentSigned: boolean;
  readonly recordsSinceRated: readonly { eventId: string; occurredOn: LegalDate; revokedOn?: LegalDate | null }[];
  /** Art 26(1): a reported violation confirmed by the department. */
  readonly reportedViolationConfirmed: boolean;
  /** Art 26(2): the year's volunteer service hours met. */
  readonly volunteerHoursMet: boolean;
}): PractitionerRepairAssessment => {
  const refusals: PractitionerRepairRefusal[] = [];
  if (!input.commitmentSigned) refusals.push({ code: 'NO_COMMITMENT', article: 'Art 25' });
  // Art 25: "评定…后一年内未出现环保信用失信记录" — one full year after the rating without a new record.
  const yearEnd = addYears(input.ratedOn, 1);
  if (input.appliedOn < yearEnd) refusals.push({ code: 'TOO_EARLY', article: 'Art 25', earliestOn: yearEnd });
  const fresh = input.recordsSinceRated.find(
    (r) => r.occurredOn > input.ratedOn && r.occurredOn <= yearEnd && r.revokedOn == null,
  );
  if (fresh) refusals.push({ code: 'RECORD_WITHIN_YEAR', article: 'Art 25', eventId: fresh.eventId });
  if (!input.reportedViolationConfirmed && !input.volunteerHoursMet)
    refusals.push({ code: 'NO_CONTRIBUTION', article: 'Art 26' });
  return refusals.length === 0 ? { eligible: true } : { eligible: false, refusals };
};

/** Why a repair application is refused, in the regulation's terms, for the applicant. */
export const describeRepairRefusal = (r: RepairRefusal): string => {
  switch (r.code) {
    case 'NOT_RECTIFIED':
      return '该信用信息尚未完成整改，不能申请信用修复（第二十四条第一项）';
    case 'RECTIFIED_AFTER_PERIOD':
      return `整改完成于${r.rectifiedOn}，晚于评价期末（${r.periodEnd}），不符合修复条件（第二十四条第一项）`;
    case 'RECURRED':
      return `同一行为于${r.occurredOn}再次发生（${r.eventId}），不符合修复条件（第二十四条第二项）`;
    case 'TOO_EARLY':
      return `整改完成后须等待法定期限，最早可于${r.earliestOn}申请修复（第二十七条）`;
    case 'IMPACT_NOT_ELIMINATED':
      return '扣50分及以上的信息须在环境和社会不良影响基本消除后方可申请修复（第二十七条）';
    case 'ALREADY_REPAIRED_OR_REVOKED':
      return '该信用信息已修复或已撤销（第二十三条）';
  }
};

/** Why a practitioner's repair is refused (Art 25-26), for the applicant. */
export const describePractitionerRepairRefusal = (r: PractitionerRepairRefusal): string => {
  switch (r.code) {
    case 'NO_COMMITMENT':
      return '须签署相关从业人员环保信用承诺书（附件5，第二十五条）';
    case 'TOO_EARLY':
      return `须自评定之日起一年内未出现环保信用失信记录，最早可于${r.earliestOn}申请（第二十五条）`;
    case 'RECORD_WITHIN_YEAR':
      return `评定后一年内出现了新的失信记录（${r.eventId}，第二十五条）`;
    case 'NO_CONTRIBUTION':
      return '须在保护和改善环境方面有突出表现：举报违法行为经查处确认，或达到年度志愿服务时间（第二十六条）';
  }
};
