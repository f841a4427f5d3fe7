import type { AgencyCategory } from '../catalogue/kinds.ts';
import type { LegalDate } from '../dates.ts';
import type { LeagueCode } from '../identifiers/leagues.ts';
import type { ParticipantKind, ParticipantSite } from '../participants/participant.ts';

/**
 * Art 20: a participant files within 20 working days of the participants' notice. The window is
 * the cycle's: it opens on the day the league records `participantsNotified` and closes at the end
 * of its 20th working day (the FILING deadline, I12).
 */
export interface FilingWindow {
  readonly opensOn: LegalDate;
  /** 00:00 Asia/Shanghai of `opensOn`, as a UTC instant. */
  readonly opensAt: string;
  readonly closesOn: LegalDate;
  /** 23:59:59 Asia/Shanghai of `closesOn`, as a UTC instant (I12, I13). */
  readonly closesAt: string;
}

/**
 * Where a participant's filing of a year stands:
 * - `open`: nothing filed yet and the window is still open;
 * - `onTime`: filed before the window closed (a filing made before the window opened counts too);
 * - `late`: filed after it closed — accepted, but late (Art 20 "不及时", Art 32);
 * - `missing`: the window closed with nothing filed.
 */
export type FilingStatus = 'open' | 'onTime' | 'late' | 'missing';
export const FILING_STATUSES: readonly FilingStatus[] = ['open', 'onTime', 'late', 'missing'];

/** The console's words for each status (参评名单 “填报情况”). */
export const FILING_STATUS_NAMES: Record<FilingStatus, string> = {
  open: '填报中',
  onTime: '按时',
  late: '逾期',
  missing: '未填报',
};

/** The status of a filing filed at `filedAt` (null: not filed) at the instant `now`, for its window. */
export const filingStatus = (window: FilingWindow, filedAt: string | null, now: string): FilingStatus => {
  if (filedAt !== null) return Date.parse(filedAt) <= Date.parse(window.closesAt) ? 'onTime' : 'late';
  return Date.parse(now) <= Date.parse(window.closesAt) ? 'open' : 'missing';
};

/**
 * Art 20, 32: "无正当理由不及时或不如实填报" — a participant that filed late or not at all did not
 * report on time, and enjoys no incentive measures for that year (measures.ts).
 */
export const reportedLateOf = (status: FilingStatus): boolean => status === 'late' || status === 'missing';

/** The basic information a participant files (Art 16(1), 17(1), 20): enterprises their sites, agencies their categories. */
export interface BasicInformation {
  /** Enterprises: each site with its share of the output, in hundredths of a percent (I9). */
  readonly sites: readonly ParticipantSite[];
  /** Agencies: their Annex 2 categories. */
  readonly categories: readonly AgencyCategory[];
}

/**
 * A participant's filing of one evaluation year, stored once. A participant the late marking found
 * without a filing gets a filing with `filedAt: null` (its window kept with it), completed once if
 * it files afterwards (then late).
 */
export interface Filing {
  readonly year: number;
  readonly kind: ParticipantKind;
  readonly code: string;
  readonly league: LeagueCode;
  readonly window: FilingWindow;
  readonly filedAt: string | null;
  /** `participant:<kind>:<code>`; null while not filed. */
  readonly filedBy: string | null;
  readonly basic: BasicInformation | null;
  /** When the window's closing found nothing filed (the late marking); null otherwise. */
  readonly markedMissingAt: string | null;
}

/** The status of a stored filing at `now`. */
export const statusOfFiling = (filing: Filing, now: string): FilingStatus =>
  filingStatus(filing.window, filing.filedAt, now);

/** One thing a participant must file (Art 20), with the article it comes from. */
export interface FilingItem {
  readonly key: 'basic' | 'records' | 'commitment';
  readonly name: string;
  readonly detail: string;
  readonly article: string;
}

/**
 * Art 20: "基本信息、环境行为信用信息的填报及环保信用承诺书的上报". The basic information is the
 * participant's sites and output shares (enterprises, Art 16(1): each site is evaluated, weighted by
 * its share) or its Annex 2 categories (agencies); the records it reports itself are those of
 * Art 9(1); the commitment letter is Annex 4 (Art 17(1)).
 */
export const whatToFile = (kind: ParticipantKind): readonly FilingItem[] => [
  {
    key: 'basic',
    name: '基本信息',
    detail:
      kind === 'enterprise'
        ? '各厂址（按排污许可证分别参评）及其生产总值占比，合计100%'
        : '本机构的服务类别（附件2 第三方服务机构分类）',
    article: kind === 'enterprise' ? '第十六条第一项、第二十条' : '第十七条第一项、第二十条',
  },
  {
    key: 'records',
    name: '环境行为信用信息',
    detail: '上一年度遵守环境保护领域法律、法规、规章或规范性文件所规定义务的客观资料或数据',
    article: '第九条第一项、第二十条',
  },
  {
    key: 'commitment',
    name: '环保信用承诺书',
    detail: '由法定代表人（或主要负责人）签署后上报（附件4）',
    // Art 17(1) names the letter for agencies; Art 20 asks every participant for it.
    article: kind === 'enterprise' ? '第二十条' : '第十七条第一项、第二十条',
  },
];
