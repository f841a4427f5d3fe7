import type { AgencyCategory } from '../catalogue/kinds.ts';
import type { LeagueCode } from '../identifiers/leagues.ts';

/**
 * Art 6: who is brought into the evaluation. Each participant of a year's list (Art 16(1), 17(1))
 * is there on one of the article's items; item (九) excludes rather than includes, so it is no basis.
 */
export const INCLUSION_BASES = {
  '6.1': '实行排污许可管理的单位',
  '6.2': '纳入《环境监管重点单位名录》的单位',
  '6.3': '实施强制性清洁生产审核的单位',
  '6.4': '重点辐射工作单位',
  '6.5': '开展涉及生态环境保护工作的第三方服务机构',
  '6.6': '纳入环保信用评价范围的单位相关从业人员',
  '6.7': '法律法规规定的其他应当开展环保信用评价的单位和相关从业人员',
  '6.8': '自愿申请参加环保信用评价的单位及从业人员',
} as const;

export type InclusionBasis = keyof typeof INCLUSION_BASES;
export const INCLUSION_BASIS_CODES = Object.keys(INCLUSION_BASES) as InclusionBasis[];

/** The article's own numbering of each item, as the bureaus cite it: 第六条（一）…（八）. */
export const BASIS_ORDINALS: Record<InclusionBasis, string> = {
  '6.1': '（一）',
  '6.2': '（二）',
  '6.3': '（三）',
  '6.4': '（四）',
  '6.5': '（五）',
  '6.6': '（六）',
  '6.7': '（七）',
  '6.8': '（八）',
};

export type ParticipantKind = 'enterprise' | 'agency' | 'practitioner';
export const PARTICIPANT_KINDS: readonly ParticipantKind[] = ['enterprise', 'agency', 'practitioner'];

/** The kinds of unit a practitioner works for (Art 6(6): 企事业单位相关工作直接负责人, 第三方服务机构从业人员). */
export type EmployerKind = 'enterprise' | 'agency';

/** A practitioner's employer, the service buyer that files it (Art 18(1) 购买服务方). */
export interface ParticipantEmployer {
  readonly kind: EmployerKind;
  /** The employer's unified social credit code. */
  readonly code: string;
}

/**
 * Which items can bring in which kind: (一)–(四) name units that discharge, audit or radiate
 * (enterprises), (五) names third-party agencies, (六) practitioners (filed by their employers, Art 18(1)),
 * (七) and (八) any kind.
 */
export const BASES_OF_KIND: Record<ParticipantKind, readonly InclusionBasis[]> = {
  enterprise: ['6.1', '6.2', '6.3', '6.4', '6.7', '6.8'],
  agency: ['6.5', '6.7', '6.8'],
  practitioner: ['6.6', '6.7', '6.8'],
};

export const basisText = (b: InclusionBasis): string => `第六条${BASIS_ORDINALS[b]}${INCLUSION_BASES[b]}`;

/** A site of an enterprise with its share of the output, in hundredths of a percent (I9: exact integers). */
export interface ParticipantSite {
  readonly siteId: string;
  readonly shareBp: number;
}

/** One participant of a year's list of one league. */
export interface ParticipantEntry {
  readonly kind: ParticipantKind;
  /** The unified social credit code. */
  readonly code: string;
  readonly name: string;
  readonly league: LeagueCode;
  readonly basis: InclusionBasis;
  /** Enterprises: their sites and output shares (may be empty: shares filed later, Art 20). */
  readonly sites: readonly ParticipantSite[];
  /** Agencies: their Annex 2 categories. */
  readonly categories: readonly AgencyCategory[];
  /** Practitioners: the unit they work for, which filed them (Art 18(1)); absent for units. */
  readonly employer?: ParticipantEmployer;
}

/** The whole share, 100.00 %, in hundredths of a percent. */
export const WHOLE_SHARE_BP = 10_000;

/** `12.5` → `12.5%`: a share in hundredths of a percent as the bureau wrote it. */
export const shareText = (bp: number): string => `${(bp / 100).toString()}%`;

/** Two entries are the same when every field is (an import that repeats an entry changes nothing). */
export const sameEntry = (a: ParticipantEntry, b: ParticipantEntry): boolean =>
  JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));

/** The entry with its fields in one order, as stored. */
export const canonical = (e: ParticipantEntry): ParticipantEntry => ({
  kind: e.kind,
  code: e.code,
  name: e.name,
  league: e.league,
  basis: e.basis,
  sites: e.sites.map((s) => ({ siteId: s.siteId, shareBp: s.shareBp })),
  categories: [...e.categories],
  // Units' entries keep the shape they were stored with, so an import repeated after this field came changes nothing.
  ...(e.kind === 'practitioner' && e.employer ? { employer: { kind: e.employer.kind, code: e.employer.code } } : {}),
});

/** `参评从业人员` …: the kind's name as the lists and their pages call it. */
export const PARTICIPANT_KIND_NAMES: Record<ParticipantKind, string> = {
  enterprise: '企事业单位',
  agency: '第三方服务机构',
  practitioner: '相关从业人员',
};
