import { type CatalogueRule, isDeductionRule } from '../catalogue/catalogue.ts';
import type { SubjectKind } from '../catalogue/kinds.ts';
import type { LegalDate } from '../dates.ts';
import { I18_WARNED_KINDS, warningState } from '../evaluation/creditWarning.ts';
import { contentHashOf } from '../records/contentHash.ts';

/**
 * A credit warning as a bureau works it (信用预警, Art 21-22): issued in writing with the
 * rectification required and its deadline, reported rectified by the unit, then confirmed by the
 * bureau or found insufficient. Whether the record counts is decided by the evaluation alone
 * (`warningState` in creditWarning.ts, from the record's `warning` and `rectifiedOn`); these rules
 * only decide what a bureau and a unit may do with a warning, and how its state is shown.
 */

/** What is stored: the deadline passing is not a stored change, so `expired` is only ever derived. */
export type StoredWarningStatus = 'open' | 'reported' | 'confirmed' | 'insufficient';
/** What is shown: the stored status, or `expired` once the deadline passed unconfirmed (I8). */
export type WarningStatus = StoredWarningStatus | 'expired';

export const WARNING_STATUS_NAMES: Readonly<Record<WarningStatus, string>> = {
  open: '待整改',
  reported: '已报告整改，待确认',
  confirmed: '已确认整改',
  insufficient: '整改不到位',
  expired: '已逾期',
};

/**
 * The status as of `today`. Art 22: only a confirmed rectification ends a warning; I8: once the
 * deadline (the date in the notice, to its end) has passed unconfirmed the warning is over and the
 * record counts — whatever the unit reported meanwhile.
 */
export const warningStatusAsOf = (
  w: { readonly status: StoredWarningStatus; readonly deadline: LegalDate; readonly rectifiedOn: LegalDate | null },
  today: LegalDate,
): WarningStatus => {
  if (w.status === 'confirmed') return 'confirmed';
  // The same decision as the evaluation's: open while `today` is on or before the deadline.
  return warningState({ deadline: w.deadline }, null, today) === 'expired' ? 'expired' : w.status;
};

/** I18: "warnings are for units" (企事业单位、第三方服务机构); a practitioner is never warned. */
export const warnedKindProblem = (kind: SubjectKind): string | null =>
  I18_WARNED_KINDS.includes(kind) ? null : '信用预警只适用于企事业单位和第三方服务机构，不能向相关从业人员下达';

/**
 * The behaviours a bureau may warn about on the console: Art 22 spares a *deduction* (扣分), so
 * only deductions of the unit's kind; rules needing a further fact (a fine's amount, a client's
 * record, the law) and rules the system derives are reported by their platforms, not warned here.
 */
export const isWarnableRule = (rule: CatalogueRule, kind: SubjectKind): boolean =>
  rule.kinds.includes(kind) && isDeductionRule(rule) && !rule.derivedOnly && rule.requires === undefined;

/**
 * Art 22 "提出相应整改要求及时限": the deadline is a date in the notice, on or after the day the
 * notice is issued (a deadline already past would make the warning a deduction from the start).
 */
export const deadlineProblem = (issuedOn: LegalDate, deadline: LegalDate): string | null =>
  deadline >= issuedOn ? null : '整改期限不能早于预警通知日期';

/**
 * Art 21: the behaviour is found in daily management or enforcement, so it occurred on or before the
 * day the warning is issued.
 */
export const occurredProblem = (occurredOn: LegalDate, issuedOn: LegalDate): string | null =>
  occurredOn <= issuedOn ? null : '发现（发生）日期不能晚于预警通知日期';

/**
 * May the unit report its rectification now? Art 22: rectification is within the deadline, so a
 * report is taken only on or before the deadline, for a rectification done on or before it (and not
 * in the future, nor before the behaviour occurred); after a finding of 整改不到位 the unit may
 * report again, still within the deadline. A confirmed warning is over.
 */
export const reportProblem = (
  w: {
    readonly status: StoredWarningStatus;
    readonly deadline: LegalDate;
    readonly occurredOn: LegalDate;
    readonly rectifiedOn: LegalDate | null;
  },
  rectifiedOn: LegalDate,
  today: LegalDate,
): { readonly field: 'rectifiedOn' | null; readonly message: string } | null => {
  const status = warningStatusAsOf(w, today);
  if (status === 'confirmed') return { field: null, message: '该信用预警已确认整改完成，无需再次报告' };
  if (status === 'expired')
    return {
      field: null,
      message: `整改期限（${w.deadline}）已过，不能再报告整改；整改完成后可按第二十七条申请信用修复`,
    };
  if (status === 'reported') return { field: null, message: '已报告整改，请等待生态环境局确认' };
  if (rectifiedOn > w.deadline) return { field: 'rectifiedOn', message: '整改完成日期不能晚于整改期限' };
  if (rectifiedOn > today) return { field: 'rectifiedOn', message: '整改完成日期不能晚于今天' };
  if (rectifiedOn < w.occurredOn) return { field: 'rectifiedOn', message: '整改完成日期不能早于失信行为发生日期' };
  return null;
};

/**
 * May the bureau confirm the rectification now? Art 22: the bureau confirms a rectification the unit
 * reported; I8: only within the deadline — a confirmation after it does not cancel the deduction (a
 * later rectification starts the Art 27 repair wait instead), so it is refused with that reason.
 */
export const confirmProblem = (
  w: { readonly status: StoredWarningStatus; readonly deadline: LegalDate; readonly rectifiedOn: LegalDate | null },
  today: LegalDate,
): string | null => {
  const status = warningStatusAsOf(w, today);
  if (status === 'confirmed') return '该信用预警已确认整改完成';
  if (status === 'expired')
    return '整改期限已过，不能再确认整改（第二十二条）：该信息自发生之日起扣分；整改完成后可按第二十七条申请信用修复';
  if (status !== 'reported') return '参评单位尚未报告整改完成，不能确认';
  if (w.rectifiedOn === null || w.rectifiedOn > w.deadline) return '报告的整改完成日期晚于整改期限，不能确认';
  return null;
};

/**
 * May the bureau find the rectification insufficient now? Only a pending report, within the
 * deadline (after it the warning is over either way, I8).
 */
export const insufficientProblem = (
  w: { readonly status: StoredWarningStatus; readonly deadline: LegalDate; readonly rectifiedOn: LegalDate | null },
  today: LegalDate,
): string | null => {
  const status = warningStatusAsOf(w, today);
  if (status === 'expired') return '整改期限已过，信用预警已结束';
  if (status !== 'reported') return '参评单位尚未报告整改完成，不能认定整改不到位';
  return null;
};

/**
 * The event id of a warning issued on the console: `WARN-<league>-<yyyymmdd>-<hash>`, the hash of
 * what the warning says. The same warning submitted twice gets the same id, so the second changes
 * nothing (a duplicate delivery); characters fit the event id's pattern (creditRecord.ts).
 */
export const warningEventId = (
  league: string,
  issuedOn: LegalDate,
  content: {
    readonly subject: { readonly kind: string; readonly id: string };
    readonly rule: string;
    readonly occurredOn: LegalDate;
    readonly description: string;
    readonly rectificationRequired: string;
    readonly deadline: LegalDate;
  },
): string => {
  const hash = contentHashOf(
    JSON.stringify([
      content.subject.kind,
      content.subject.id,
      content.rule,
      content.occurredOn,
      content.description,
      content.rectificationRequired,
      content.deadline,
    ]),
  );
  return `WARN-${league}-${issuedOn.replaceAll('-', '')}-${hash.slice(0, 12)}`;
};

/**
 * What the behaviour costs when the warning fails (I8), in the notice's words: "扣3分", or
 * "直接评定为环保不良" for an Art 14 record. Tenths are integers: printed without binary floats.
 */
export const deductionText = (rule: CatalogueRule): string => {
  if (rule.directD) return '直接评定为环保不良';
  if (rule.points.type !== 'fixed') return '按评价指标扣分';
  const t = Math.abs(rule.points.tenths as number);
  return `扣${Math.trunc(t / 10)}${t % 10 === 0 ? '' : `.${t % 10}`}分`;
};
