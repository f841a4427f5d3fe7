import type { SubjectKind } from '../catalogue/kinds.ts';

/**
 * The three yearly cycles of docs/timeline.md as data (Art 16, 17, 18, 20): one stage list per kind,
 * league-scoped stages first (each league bureau runs its own), then the region's. The plan
 * (`planCycle`) and the state machine (`transition`) both read these, so they cannot disagree.
 */
export type CycleKind = SubjectKind;

/** Acts: what a bureau, the region or the platform does. Each is done by one role (ACT_ROLES). */
export const ACTS = [
  'listConfirmed',
  'participantsNotified',
  'supplementDone',
  'confirmationNotified',
  'objectionReceived',
  'objectionReviewed',
  'reportSent',
  'regionReleased',
  'publicityOpened',
  'reviewConfirmed',
  'published',
  'resultsNotified',
  'platformAcknowledged',
] as const;
export type Act = (typeof ACTS)[number];

/** Who does each act: league bureaus run their leagues' steps, the region the rest (Art 8, 16-18). */
export const ACT_ROLES: Record<Act, 'league' | 'region'> = {
  listConfirmed: 'league',
  participantsNotified: 'league',
  supplementDone: 'league',
  confirmationNotified: 'league',
  objectionReceived: 'league',
  objectionReviewed: 'league',
  reportSent: 'league',
  regionReleased: 'region',
  publicityOpened: 'region',
  reviewConfirmed: 'region',
  published: 'region',
  resultsNotified: 'region',
  platformAcknowledged: 'region',
};

export const ACT_NAMES: Record<Act, string> = {
  listConfirmed: '确定参评名单',
  participantsNotified: '通知参评单位',
  supplementDone: '补充、归集、核实信息完毕',
  confirmationNotified: '通知确认环境信息和预评结果',
  objectionReceived: '收到异议申请',
  objectionReviewed: '异议复核完毕',
  reportSent: '报送自治区生态环境厅',
  regionReleased: '质量抽查完毕',
  publicityOpened: '开始公示',
  reviewConfirmed: '复核审定完毕',
  published: '公布评价结果',
  resultsNotified: '将评定结果通知盟市生态环境局',
  platformAcknowledged: '公共信用信息平台确认接收',
};

export type StageName =
  | 'LISTING'
  | 'FILING'
  | 'SUPPLEMENT'
  | 'CONFIRMATION'
  | 'GRADING'
  | 'REPORTED'
  | 'QUALITY_CHECK'
  | 'PUBLICITY'
  | 'REVIEW'
  | 'PUBLISHED'
  | 'PUSHED'
  | 'NOTIFIED';

export const STAGE_NAMES: Record<StageName, string> = {
  LISTING: '确定参评名单',
  FILING: '参评单位填报',
  SUPPLEMENT: '补充、归集、核实信息',
  CONFIRMATION: '确认信息与异议',
  GRADING: '等级评定',
  REPORTED: '报送拟定等级',
  QUALITY_CHECK: '质量抽查',
  PUBLICITY: '信息公示',
  REVIEW: '复核审定',
  PUBLISHED: '结果公布',
  PUSHED: '信息推送',
  NOTIFIED: '结果通知',
};

/** A "by" date of year Y+1 (于每年M月D日前). `end`: the stage is done by then; `start`: it has begun. */
export interface FixedLimit {
  readonly type: 'fixed';
  readonly month: number;
  readonly day: number;
  readonly mode: 'end' | 'start';
  readonly article: string;
}

/** A step the bureau must finish within N working days after the previous stage ended (Art 17(2), 18(2)). */
interface AfterPreviousLimit {
  readonly type: 'afterPrevious';
  readonly workingDays: number;
  readonly article: string;
}

export interface StageDefinition {
  readonly stage: StageName;
  readonly scope: 'league' | 'region';
  /** The act (a notice) that opens the stage's window; absent: open as soon as entered. */
  readonly opensOn?: Act;
  /** How the stage ends: on an act, or by itself when its window of N working days closes (none when final). */
  readonly ends?:
    | { readonly by: 'act'; readonly act: Act }
    | { readonly by: 'window'; readonly workingDays: number; readonly article: string };
  readonly limit?: FixedLimit | AfterPreviousLimit;
  /** Objections within the window, each reviewed within N working days of receipt. */
  readonly objections?: { readonly reviewWorkingDays: number; readonly article: string };
  /** An act that must have happened in the stage before the ending act (the region's review). */
  readonly requires?: Act;
  readonly final?: boolean;
}

const fixed = (month: number, day: number, mode: 'end' | 'start', article: string): FixedLimit => ({
  type: 'fixed',
  month,
  day,
  mode,
  article,
});

export const CYCLES: Record<CycleKind, readonly StageDefinition[]> = {
  // Art 16 and Art 20.
  enterprise: [
    {
      stage: 'LISTING',
      scope: 'league',
      ends: { by: 'act', act: 'listConfirmed' },
      limit: fixed(1, 31, 'end', 'Art 16(1)'),
    },
    {
      stage: 'FILING',
      scope: 'league',
      opensOn: 'participantsNotified',
      ends: { by: 'window', workingDays: 20, article: 'Art 20' },
    },
    {
      stage: 'GRADING',
      scope: 'league',
      ends: { by: 'act', act: 'reportSent' },
      limit: fixed(4, 30, 'end', 'Art 16(2)'),
    },
    { stage: 'QUALITY_CHECK', scope: 'region', ends: { by: 'act', act: 'regionReleased' } },
    {
      stage: 'PUBLICITY',
      scope: 'region',
      opensOn: 'publicityOpened',
      ends: { by: 'window', workingDays: 7, article: 'Art 16(3)' },
      limit: fixed(5, 31, 'start', 'Art 16(3)'),
    },
    { stage: 'REVIEW', scope: 'region', requires: 'reviewConfirmed', ends: { by: 'act', act: 'published' } },
    {
      stage: 'PUBLISHED',
      scope: 'region',
      ends: { by: 'act', act: 'platformAcknowledged' },
      limit: fixed(6, 30, 'start', 'Art 16(5)'),
    },
    { stage: 'PUSHED', scope: 'region', final: true },
  ],
  // Art 17 and Art 20.
  agency: [
    {
      stage: 'LISTING',
      scope: 'league',
      ends: { by: 'act', act: 'listConfirmed' },
      limit: fixed(3, 31, 'end', 'Art 17(1)'),
    },
    {
      stage: 'FILING',
      scope: 'league',
      opensOn: 'participantsNotified',
      ends: { by: 'window', workingDays: 20, article: 'Art 20' },
    },
    {
      stage: 'SUPPLEMENT',
      scope: 'league',
      ends: { by: 'act', act: 'supplementDone' },
      limit: { type: 'afterPrevious', workingDays: 10, article: 'Art 17(2)' },
    },
    {
      stage: 'CONFIRMATION',
      scope: 'league',
      opensOn: 'confirmationNotified',
      ends: { by: 'window', workingDays: 5, article: 'Art 17(3)' },
      objections: { reviewWorkingDays: 10, article: 'Art 17(3)' },
    },
    {
      stage: 'REPORTED',
      scope: 'league',
      ends: { by: 'act', act: 'reportSent' },
      limit: fixed(4, 30, 'end', 'Art 17(3)'),
    },
    {
      stage: 'PUBLICITY',
      scope: 'region',
      opensOn: 'publicityOpened',
      ends: { by: 'window', workingDays: 7, article: 'Art 17(4)' },
      limit: fixed(5, 20, 'start', 'Art 17(4)'),
    },
    { stage: 'REVIEW', scope: 'region', requires: 'reviewConfirmed', ends: { by: 'act', act: 'published' } },
    {
      stage: 'PUBLISHED',
      scope: 'region',
      ends: { by: 'act', act: 'platformAcknowledged' },
      limit: fixed(6, 5, 'start', 'Art 17(7)'),
    },
    { stage: 'PUSHED', scope: 'region', final: true },
  ],
  // Art 18: never public; results go to the league bureaus, letters to the dishonest.
  practitioner: [
    {
      stage: 'LISTING',
      scope: 'league',
      ends: { by: 'act', act: 'listConfirmed' },
      limit: fixed(3, 31, 'end', 'Art 18(1)'),
    },
    {
      stage: 'SUPPLEMENT',
      scope: 'league',
      ends: { by: 'act', act: 'supplementDone' },
      limit: { type: 'afterPrevious', workingDays: 10, article: 'Art 18(2)' },
    },
    {
      stage: 'CONFIRMATION',
      scope: 'league',
      opensOn: 'confirmationNotified',
      ends: { by: 'window', workingDays: 5, article: 'Art 18(4)' },
      objections: { reviewWorkingDays: 5, article: 'Art 18(4)' },
    },
    {
      stage: 'REPORTED',
      scope: 'league',
      ends: { by: 'act', act: 'reportSent' },
      limit: fixed(4, 30, 'end', 'Art 18(4)'),
    },
    { stage: 'REVIEW', scope: 'region', requires: 'reviewConfirmed', ends: { by: 'act', act: 'resultsNotified' } },
    { stage: 'NOTIFIED', scope: 'region', limit: fixed(5, 30, 'start', 'Art 18(6)'), final: true },
  ],
};

/** Deadline ids: `<STAGE>.end` or `<STAGE>.start`, with `@<league>` for a league's own deadline. */
export const deadlineId = (
  stage: StageName | 'OBJECTION',
  edge: 'end' | 'start' | 'review',
  league?: string,
  caseId?: string,
): string => `${stage}.${edge}${league ? `@${league}` : ''}${caseId ? `#${caseId}` : ''}`;
