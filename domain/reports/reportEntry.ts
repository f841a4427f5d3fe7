import { ruleByCode } from '../catalogue/catalogue.ts';
import type { SubjectKind } from '../catalogue/kinds.ts';
import type { Grade } from '../evaluation/grade.ts';
import type { SubjectResult } from '../evaluation/result.ts';
import { gradeDependsOnDispute, type Objection } from '../objections/objection.ts';
import { maskResidentId } from '../participants/practitionerFiling.ts';
import { fromPoints } from '../points.ts';

/**
 * One entry of a league's report (上报名单) to the region: a participant's proposed result as the
 * domain evaluated it on the report date, frozen (Art 16(2), 17(3), 18(4): the league "拟定环保信用等级，
 * 于每年4月30日前报送至自治区生态环境厅"). The region's quality check (Art 8, 16(2)) and its review
 * group (Art 8: "有异议的评价结果") read it as it was sent, whatever the records say later.
 */
export interface ReportEntry {
  /** The unified social credit code, or the practitioner's resident identity number (the league's key). */
  readonly code: string;
  /** The unit's name; for a practitioner the masked identity number only (Art 18(6): never public, and the region sees no more). */
  readonly name: string;
  readonly kind: SubjectKind;
  /** Exact integer tenths (I2); null for a practitioner (Art 13: no score) or a suspended subject (I15). */
  readonly score: number | null;
  /** A–D for units; for practitioners 'D' when dishonest (环保失信个人, Art 13), else null. */
  readonly grade: Grade | null;
  readonly gradeName: string | null;
  /** Art 14: a counted direct-D case, with its article and records; null when none. */
  readonly directD: {
    readonly article: string;
    readonly articleName: string;
    readonly eventIds: readonly string[];
  } | null;
  /** Art 19: the proposal to put the unit on the blacklist (拟列入黑名单). */
  readonly blacklistProposed: boolean;
  /** I15: under criminal investigation, no grade for the year. */
  readonly suspended: boolean;
  /** Records of the result under an open objection (有异议（复核中）, Art 17(3), 18(4)). */
  readonly disputedRecords: readonly string[];
  /** The pre-grade disputed as a whole by an open objection. */
  readonly preGradeDisputed: boolean;
  /** The proposed grade depends on a disputed record (拟定等级取决于有异议的记录). */
  readonly gradeDependsOnDispute: boolean;
}

/** Who is reported: a participant on the league's list. */
export interface ReportedParticipant {
  readonly kind: SubjectKind;
  readonly code: string;
  readonly name: string;
}

/**
 * The entry of one participant from its evaluation on the report date and its objections (only open
 * ones count: a reviewed objection's outcome is already in the records, Art 17(3) "根据复核情况修正").
 */
export const buildReportEntry = (
  participant: ReportedParticipant,
  result: SubjectResult,
  objections: readonly Objection[],
): ReportEntry => {
  const open = objections.filter((o) => o.status === 'open' && o.subject.id === participant.code);
  const counted = result.items.filter((i) => i.state === 'counted');
  const disputed = new Set(open.flatMap((o) => o.records));
  const disputedRecords = result.items.filter((i) => disputed.has(i.eventId)).map((i) => i.eventId);
  const preGradeDisputed = open.some((o) => o.preGrade);
  const dependsOnDispute = gradeDependsOnDispute(
    open,
    counted.map((i) => i.eventId),
  );
  const suspended = result.suspended !== undefined;
  // Art 14: the counted records whose catalogue rule makes the grade D whatever the score.
  const directItems = counted.filter((i) => ruleByCode(i.rule)?.directD === true);
  const common = {
    code: participant.code,
    kind: participant.kind,
    suspended,
    disputedRecords,
    preGradeDisputed,
    gradeDependsOnDispute: dependsOnDispute,
  };
  if (result.subject.kind === 'practitioner') {
    const r = result as Extract<SubjectResult, { dishonest: boolean | null }>;
    return {
      ...common,
      // Art 18(6): a practitioner's name never leaves the league; the region sees the masked number.
      name: maskResidentId(participant.code),
      score: null,
      grade: r.dishonest === true ? 'D' : null,
      gradeName: r.gradeName,
      directD: null,
      blacklistProposed: false,
    };
  }
  const r = result as Extract<SubjectResult, { score: number }>;
  const first = directItems[0];
  return {
    ...common,
    name: participant.name,
    score: suspended ? null : (fromPoints(r.score) as number),
    grade: r.grade,
    gradeName: r.gradeName,
    directD:
      r.directD && first
        ? { article: first.article, articleName: first.articleName, eventIds: directItems.map((i) => i.eventId) }
        : null,
    blacklistProposed: r.blacklisted,
  };
};

/** Whether the entry carries a disputed mark (有异议（复核中）). */
export const isDisputed = (e: Pick<ReportEntry, 'disputedRecords' | 'preGradeDisputed'>): boolean =>
  e.disputedRecords.length > 0 || e.preGradeDisputed;

/** How many entries have each grade, and how many none (the region's overview). */
export const gradeCounts = (
  entries: readonly Pick<ReportEntry, 'grade'>[],
): Readonly<Record<Grade | 'none', number>> => {
  const counts = { A: 0, B: 0, C: 0, D: 0, none: 0 };
  for (const e of entries) counts[e.grade ?? 'none']++;
  return counts;
};
