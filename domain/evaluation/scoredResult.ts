import { isDeductionRule } from '../catalogue/catalogue.ts';
import type { LegalDate } from '../dates.ts';
import { INITIAL_SCORE, type Tenths, tenths, toPoints } from '../points.ts';
import type { Agency, Enterprise } from '../subjects/subject.ts';
import { isBlacklisted, isResultBlacklisted } from './blacklist.ts';
import { GRADE_NAMES, type Grade, gradeOf } from './grade.ts';
import { type Measure, measuresForGrade } from './measures.ts';
import { type Note, note } from './notes.ts';
import type { ClassifiedRecord } from './recordState.ts';
import { describeRepairRefusal, earliestRepairDate, evaluationPeriodEnd, repairWait } from './repair.ts';
import {
  pendingOf,
  type RepairItem,
  reasonNotes,
  type ScoredResult,
  type SiteResult,
  type SubjectContext,
  toItem,
} from './result.ts';
import { isSampledKind, samplingMultiplierTenths } from './sampling.ts';

/**
 * What enterprises (Art 11) and agencies (Art 12) share once scored: the grade and its name, the
 * blacklist (Art 19, I10), the inspection ratio (Art 28, I17), measures (Art 29-32), the repair
 * dates (Art 27, I3, I19) and the outcome notes (Art 14, I1, I2); suspension (I15).
 */
const sameYear = (a: LegalDate, b: LegalDate): boolean =>
  a.charCodeAt(0) === b.charCodeAt(0) &&
  a.charCodeAt(1) === b.charCodeAt(1) &&
  a.charCodeAt(2) === b.charCodeAt(2) &&
  a.charCodeAt(3) === b.charCodeAt(3);

/**
 * Art 27 (I3): the earliest repair date of each rectified deduction that counts; I19 / Art 24(1): a
 * deduction rectified after its evaluation period cannot be repaired, and its entry says why.
 */
const repairsOf = (classified: readonly ClassifiedRecord[], asOf: LegalDate, notes: Note[]): RepairItem[] => {
  const out: RepairItem[] = [];
  for (const c of classified) {
    if (c.state !== 'counted' || !isDeductionRule(c.rule)) continue;
    const rectifiedOn = c.record.rectifiedOn;
    if (rectifiedOn == null || rectifiedOn > asOf) continue;
    // Rectified in a later year than it occurred: after its evaluation period (dates are YYYY-MM-DD).
    if (!sameYear(rectifiedOn, c.record.occurredOn)) {
      const periodEnd = evaluationPeriodEnd(c.record.occurredOn);
      const reason = describeRepairRefusal({
        code: 'RECTIFIED_AFTER_PERIOD',
        article: 'Art 24(1)',
        rectifiedOn,
        periodEnd,
      });
      out.push({
        eventId: c.record.eventId,
        eligible: false,
        article: 'Art 24(1)',
        code: 'RECTIFIED_AFTER_PERIOD',
        reason,
      });
      continue;
    }
    const wait = repairWait(c.points, c.rule.directD);
    if (wait.byInterpretation) {
      const abs = Math.abs(toPoints(c.points));
      notes.push(
        note(
          'I3',
          `I3: ${c.record.eventId} (${abs} points${c.rule.directD ? ', direct D' : ''}) waits ${wait.months} months before repair`,
          `${c.record.eventId}（${c.rule.directD ? '直接评定为环保不良的情形' : `扣${abs}分`}）自整改完成${wait.months}个月后方可申请信用修复（第二十七条）`,
        ),
      );
    }
    out.push({
      eventId: c.record.eventId,
      eligible: true,
      earliestOn: earliestRepairDate(rectifiedOn, c.points, c.rule.directD),
      waitMonths: wait.months,
      article: 'Art 27',
      impactEliminationRequired: wait.impactEliminationRequired,
    });
  }
  return out;
};

export const sumCounted = (classified: readonly ClassifiedRecord[]): Tenths => {
  let sum = INITIAL_SCORE as number;
  for (const c of classified) if (c.state === 'counted') sum += c.points as number;
  return tenths(sum);
};

export const hasCountedDirectD = (classified: readonly ClassifiedRecord[]): boolean => {
  for (const c of classified) if (c.state === 'counted' && c.rule.directD) return true;
  return false;
};

/** Notes for the outcome as a whole: Art 14 direct D, I1, I2 (no cap or floor). */
const outcomeNotes = (classified: readonly ClassifiedRecord[], score: Tenths): Note[] => {
  const notes: Note[] = [];
  for (const c of classified) {
    if (c.state !== 'counted' || !c.rule.directD) continue;
    const id = c.record.eventId;
    if (c.rule.code === 'SR_PERMIT_FRAUD')
      notes.push(
        note(
          'I1',
          `I1: ${id} SR_PERMIT_FRAUD read as −10 and direct D (Annex 1 prints 10)`,
          `${id}（以欺骗、贿赂等不正当手段取得行政许可被撤销）按扣10分并直接评定为环保不良处理（附件1印为10分，与第十四条第一项同一情形）`,
        ),
      );
    notes.push(
      note(
        c.rule.article,
        `${c.rule.article}: ${id} is a direct-D case; grade D whatever the score`,
        `${id}属于直接评定为环保不良单位的情形，无论分值均评定为D级（${c.rule.articleName}）`,
      ),
    );
  }
  if ((score as number) > (INITIAL_SCORE as number))
    notes.push(note('I2', 'I2: score above 100 is not capped', '分值超过100分，不设上限'));
  if ((score as number) < 0) notes.push(note('I2', 'I2: score below 0 is not floored', '分值低于0分，不设下限'));
  return notes;
};

interface Graded {
  readonly grade: Grade | null;
  readonly blacklisted: boolean;
  readonly samplingMultiplier: number | null;
  readonly measures: Measure[];
  readonly notes: Note[];
  readonly suspended?: { readonly reason: string };
}

/** Grade, blacklist (Art 19, I10), sampling (Art 28), measures (Art 29-32), suspension (I15). */
const gradeScored = (subject: Enterprise | Agency, score: Tenths, directD: boolean, ctx: SubjectContext): Graded => {
  const { year, asOf } = ctx.period;
  const notes: Note[] = [];
  if (subject.suspended) {
    const reason = subject.suspended.reason;
    notes.push(
      note(
        'I15',
        `I15: suspended (${reason}); no grade for ${year} and absent from publicity`,
        `涉嫌违法犯罪（${reason}），不在${year}年度评价范围内，不评定等级、不予公示（第六条第九项）`,
      ),
    );
    return { grade: null, blacklisted: false, samplingMultiplier: null, measures: [], notes, suspended: { reason } };
  }
  const grade = gradeOf(score, directD);
  // I10: the result counts its own grade; the listing starts (or ends) when this result is published.
  const blacklisted = isResultBlacklisted(grade, ctx.history, year, asOf);
  if (blacklisted)
    notes.push(
      note(
        'I10',
        `Art 19, I10: D for ${year} after published D for ${year - 2} and ${year - 1}; blacklisted from the publication of this result`,
        `${year}年度评定为D级，${year - 2}年度、${year - 1}年度公布的等级均为D级，连续3年评定为D级；自本评价结果公布之日起列入环境保护领域失信黑名单管理（第十九条）`,
      ),
    );
  else if (grade !== 'D' && isBlacklisted(ctx.history, year - 1, asOf))
    notes.push(
      note(
        'I10',
        `Art 19, I10: ${grade} for ${year} is not D; the blacklisting ends on the publication of this result`,
        `${year}年度评定为${grade}级（${GRADE_NAMES[grade]}），不再是连续D级；自本评价结果公布之日起不再列入失信黑名单管理（第十九条）`,
      ),
    );
  const reportedLate = subject.reportedLate === true;
  if (reportedLate && (grade === 'A' || grade === 'B'))
    notes.push(
      note(
        'Art 32',
        'Art 32: did not file on time or truthfully; no incentives',
        '未按时、如实报送环保信用信息，不享受激励措施（第三十二条）',
      ),
    );
  return {
    grade,
    blacklisted,
    // I17: Art 28 names enterprises only; agencies get the same ratios (isSampledKind).
    samplingMultiplier: isSampledKind(subject.kind) ? samplingMultiplierTenths(grade, blacklisted) / 10 : null,
    measures: measuresForGrade(subject.kind, grade, blacklisted, reportedLate),
    notes,
  };
};

export const scoredResult = (
  subject: Enterprise | Agency,
  classified: ClassifiedRecord[],
  score: Tenths,
  directD: boolean,
  ctx: SubjectContext,
  extraNotes: Note[],
  sites?: SiteResult[],
): ScoredResult => {
  const { year, asOf } = ctx.period;
  const graded = gradeScored(subject, score, directD, ctx);
  const repairNotes: Note[] = [];
  const repair = repairsOf(classified, asOf, repairNotes);
  const notes = [
    ...reasonNotes(classified, year),
    ...extraNotes,
    ...outcomeNotes(classified, score),
    ...graded.notes,
    ...repairNotes,
  ];
  return {
    subject: { kind: subject.kind, id: subject.id, name: subject.name, league: subject.league },
    year,
    asOf,
    status: 'live',
    score: toPoints(score),
    grade: graded.grade,
    gradeName: graded.grade === null ? null : GRADE_NAMES[graded.grade],
    directD,
    blacklisted: graded.blacklisted,
    samplingMultiplier: graded.samplingMultiplier,
    ...(sites ? { sites } : {}),
    items: classified.map(toItem),
    pending: pendingOf(classified, asOf),
    notes: notes.map((n) => n.line),
    noteDetails: notes.map((n) => n.detail),
    repair,
    measures: graded.measures,
    ...(graded.suspended ? { suspended: graded.suspended } : {}),
  };
};
