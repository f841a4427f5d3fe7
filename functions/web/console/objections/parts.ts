import { PRE_GRADE, REVIEW_OUTCOME_NAMES } from '../../../../domain/objections/objection.ts';
import type { ListedObjection } from '../../../objections/listObjections.ts';
import { chineseDate, kindName, leagueName, workingDaysLeftText } from '../../ui/format.ts';

/** Shared words of the objections' page and workbook (docs/objections.md). */
export const OBJECTIONS_TITLE = '异议复核';
export const objectionPath = (id: string): string => `/console/objections/${encodeURIComponent(id)}`;

export const disputedText = (o: ListedObjection): string =>
  [...(o.records.length > 0 ? [`${o.records.length} 条信用信息`] : []), ...(o.preGrade ? ['预评等级整体'] : [])].join(
    '、',
  );

export const limitText = (o: ListedObjection): string =>
  o.kind === 'publicity' ? '由自治区复核小组复核（第八条）' : o.reviewBy ? chineseDate(o.reviewBy.on) : '未登记受理';

export const leftText = (o: ListedObjection): string =>
  o.status === 'reviewed'
    ? ''
    : o.workingDaysLeft === null
      ? ''
      : `${workingDaysLeftText(o.workingDaysLeft)}${o.reviewBy?.overdue || o.workingDaysLeft < 0 ? '（逾期）' : ''}`;

export const statusText = (o: ListedObjection): string =>
  o.status === 'open'
    ? o.kind === 'publicity'
      ? '公示期异议，待复核'
      : '复核中'
    : `已复核：${o.reviews.map((r) => `${r.target === PRE_GRADE ? '预评等级整体' : r.target} ${REVIEW_OUTCOME_NAMES[r.outcome]}`).join('；')}`;

export const cycleText = (o: ListedObjection): string => `${o.cycle.year}年度${kindName(o.cycle.kind)}`;
export const leagueText = (o: ListedObjection): string => leagueName(o.league);
