import {
  ACT_NAMES,
  type Act,
  CYCLES,
  type CycleKind,
  STAGE_NAMES,
  type StageName,
} from '../../../../domain/cycles/definitions.ts';
import { chineseDate, kindName, leagueName, workingDaysLeftText } from '../../ui/format.ts';
import type { ActOffer, StartedDeadline } from './readConsoleCycle.ts';

/** Words the cycle pages share: stages, deadlines and articles as the regulation writes them. */

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1-99 in Chinese numerals: 16 → 十六, 20 → 二十. */
const chineseNumber = (n: number): string => {
  if (n < 10) return DIGITS[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones === 0 ? '' : DIGITS[ones]}`;
};

/** `Art 16(1)` → `第十六条第（一）项`; anything else as it is. */
export const articleText = (article: string): string => {
  const m = /^Art (\d+)(?:\((\d+)\))?$/.exec(article);
  if (!m || Number(m[1]) >= 100) return article;
  return `第${chineseNumber(Number(m[1]))}条${m[2] ? `第（${chineseNumber(Number(m[2]))}）项` : ''}`;
};

export const stageName = (stage: StageName | 'OBJECTION' | string | null): string =>
  stage === 'OBJECTION' ? '异议复核' : stage && stage in STAGE_NAMES ? STAGE_NAMES[stage as StageName] : '—';

/** A deadline by its id (`GRADING.end@150600`, `OBJECTION.review@150600#C-1`) and type. */
export const deadlineName = (id: string, stage: string, type: 'fixed' | 'window' | string): string => {
  const edge = /\.(end|start|review)/.exec(id)?.[1];
  const caseId = id.includes('#') ? id.slice(id.indexOf('#') + 1) : null;
  if (stage === 'OBJECTION') return `异议${caseId ? ` ${caseId} ` : ''}复核期限`;
  if (type === 'window') return `“${stageName(stage)}”期间届满`;
  return `“${stageName(stage)}”${edge === 'start' ? '开始' : '完成'}期限`;
};

/** A deadline named by its id alone (what a loaded calendar moved): a stage ended by a window closes by itself. */
export const movedDeadlineName = (id: string): string => {
  const stage = id.slice(0, id.indexOf('.'));
  const def = Object.values(CYCLES)
    .flat()
    .find((s) => s.stage === stage);
  return deadlineName(id, stage, def?.ends?.by === 'window' ? 'window' : 'fixed');
};

export const jurisdictionText = (league: string | null): string => (league === null ? '自治区' : leagueName(league));

export const cycleTitle = (year: number, kind: CycleKind | string): string =>
  `${year}年度${kindName(kind)}环保信用评价`;

/** `2026年5月13日（还剩 3 个工作日）`. */
export const DueText = ({ on, left, provisional }: { on: string; left: number | undefined; provisional: boolean }) => (
  <>
    {chineseDate(on)}
    {provisional ? '（暂定）' : ''}
    {left === undefined ? null : (
      <span class={left < 0 ? 'overdue' : undefined}>{`（${workingDaysLeftText(left)}）`}</span>
    )}
  </>
);

/** What each act does (Art 16-18), before the stage change and deadlines the rules work out. */
export const ACT_PURPOSE: Record<Act, string> = {
  listConfirmed: '确定本盟市的参评名单',
  participantsNotified: '通知参评单位开始填报',
  supplementDone: '补充、归集、核实信息完毕',
  confirmationNotified: '通知参评单位确认环境信息和预评结果，开始受理异议',
  objectionReceived: '受理一件异议申请',
  objectionReviewed: '该异议已复核并通知参评方',
  reportSent: '将拟定等级报送自治区生态环境厅，结束本盟市阶段',
  regionReleased: '质量抽查完毕',
  publicityOpened: '在门户网站开始公示',
  reviewConfirmed: '复核审定完毕（公布结果前须完成）',
  published: '公布评价结果（按年度发布评价结果）',
  resultsNotified: '将评定结果通知各盟市生态环境局',
  platformAcknowledged: '公共信用信息平台已确认接收',
};

const startedText = (d: StartedDeadline): string =>
  `${d.stage === 'OBJECTION' ? '异议复核期限' : d.type === 'window' ? `“${stageName(d.stage)}”期间` : `“${stageName(d.stage)}”完成期限`}至${chineseDate(d.on)}${d.provisional ? '（暂定）' : ''}（${articleText(d.article)}）`;

/** The sentence beside an act's button and in its confirmation: what it does, which deadline it starts. */
export const offerText = (o: ActOffer): string => {
  const parts = [ACT_PURPOSE[o.act]];
  if (o.stageChange) parts.push(`${jurisdictionText(o.stageChange.league)}进入“${stageName(o.stageChange.to)}”阶段`);
  parts.push(o.starts.length > 0 ? `开始计算：${o.starts.map(startedText).join('；')}` : '不开始新的期限');
  return `${parts.join('；')}。`;
};

export const offerConfirm = (o: ActOffer): string =>
  `确定记录“${ACT_NAMES[o.act]}”（${jurisdictionText(o.league)}${o.caseId ? `，异议 ${o.caseId}` : ''}）吗？记录后不能撤回。${offerText(o)}`;
