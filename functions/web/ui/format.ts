import type { SubjectKind } from '../../../domain/catalogue/kinds.ts';
import { SUBJECT_KIND_NAMES } from '../../../domain/catalogue/kinds.ts';
import type { Grade } from '../../../domain/evaluation/grade.ts';
import { isJurisdictionCode, jurisdictionName, LEAGUES } from '../../../domain/identifiers/leagues.ts';
import type { RepairApplication } from '../../ports/store.ts';

/** How pages write dates, numbers and names: the way Chinese official documents do. */

/** The grades of Art 11–12, best first, in the order pages list them. */
export const GRADES: readonly Grade[] = ['A', 'B', 'C', 'D'];

/** A repair application's state (Art 23): applied for, then decided by the league bureau. */
export const REPAIR_STATUS_NAMES: Readonly<Record<RepairApplication['status'], string>> = {
  pending: '待核实',
  approved: '予以修复',
  rejected: '不予修复',
};

/** `2026-05-13` → `2026年5月13日`. */
export const chineseDate = (date: string): string => {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : date;
};

/** An instant as a date and time in Beijing time: `2026年5月13日 14:05`. */
export const chineseDateTime = (iso: string): string => {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  const bj = new Date(t + 8 * 3_600_000).toISOString();
  return `${chineseDate(bj.slice(0, 10))} ${bj.slice(11, 16)}`;
};

/** Working days left until a deadline: `还剩 3 个工作日`, `今日截止`, `已逾期 2 个工作日`. */
export const workingDaysLeftText = (days: number): string =>
  days > 0 ? `还剩 ${days} 个工作日` : days === 0 ? '今日截止' : `已逾期 ${-days} 个工作日`;

/** A score as the regulation writes it: one decimal at most (`85.5`, `100`). */
export const scoreText = (points: number): string => (Number.isInteger(points) ? String(points) : points.toFixed(1));

/** Points of a record: `-3`, `+2`, `0`. */
export const pointsText = (points: number): string => (points > 0 ? `+${scoreText(points)}` : scoreText(points));

export const kindName = (kind: SubjectKind | string): string =>
  (SUBJECT_KIND_NAMES as Record<string, string>)[kind] ?? kind;

/** A league's name (`鄂尔多斯市`); the region's department for 150000. */
export const leagueName = (code: string | null | undefined): string =>
  code && Object.hasOwn(LEAGUES, code)
    ? LEAGUES[code as keyof typeof LEAGUES]
    : code && isJurisdictionCode(code)
      ? jurisdictionName(code)
      : '未确定';
