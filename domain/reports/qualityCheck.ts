import { CYCLES, type CycleKind, type StageName } from '../cycles/definitions.ts';
import type { LegalDate } from '../dates.ts';

/**
 * The region's quality check of the leagues' reports (Art 8 "开展盟市信用评价结果质量抽查"; Art 16(2)
 * "自治区生态环境厅组织开展信用评价结果质量抽查"): a share of each sent report is drawn at random, but
 * reproducibly — the seed is recorded, so anyone can draw the same entries again — and each drawn
 * entry gets a finding: agreed (同意) or returned (退回) with reasons. A returned entry goes back to
 * its league, which corrects the records and reports again.
 */

/** The share of a report drawn, in whole percent (1–100): exact integers, no binary fractions. */
export const MIN_SHARE_PERCENT = 1;
export const MAX_SHARE_PERCENT = 100;
/** Seeds are unsigned 32-bit integers (what mulberry32 takes). */
export const MAX_SEED = 0xffffffff;
/** Reasons of a returned finding: required, bounded. */
export const MAX_FINDING_REASONS_LENGTH = 500;

export type FindingOutcome = 'agreed' | 'returned';
export const FINDING_NAMES: Record<FindingOutcome, string> = { agreed: '同意', returned: '退回' };

/**
 * mulberry32: a small 32-bit PRNG, the same numbers for the same seed on every machine (integer
 * arithmetic only), so that the sample can be drawn again from the recorded seed.
 */
export const mulberry32 = (seed: number): (() => number) => {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

/** How many entries of `n` a share draws: ceil(share × n), at least one of a non-empty report. */
export const sampleSize = (n: number, sharePercent: number): number => Math.ceil((n * sharePercent) / 100);

/**
 * The codes drawn from a report: a partial Fisher–Yates shuffle of the codes (sorted first, so the
 * order they were stored in does not matter) driven by mulberry32(seed); returned sorted.
 */
export const sampleCodes = (codes: readonly string[], sharePercent: number, seed: number): string[] => {
  const pool = [...new Set(codes)].sort();
  const k = sampleSize(pool.length, sharePercent);
  const next = mulberry32(seed);
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(next() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return pool.slice(0, k).sort();
};

export interface Finding {
  readonly code: string;
  readonly outcome: FindingOutcome;
  /** Required when returned; may be empty when agreed. */
  readonly reasons: string;
  /** The report version the finding was made on. */
  readonly reportVersion: number;
  readonly at: string;
  readonly by: string;
}

/** A league report's quality check: what was drawn, how, and every finding in order (append-only). */
export interface QualityCheck {
  readonly year: number;
  readonly kind: CycleKind;
  readonly league: string;
  readonly sharePercent: number;
  readonly seed: number;
  /** The report version the sample was drawn from. */
  readonly sampledVersion: number;
  readonly sampledOn: LegalDate;
  readonly sampledBy: string;
  readonly codes: readonly string[];
  readonly findings: readonly Finding[];
  readonly version: number;
}

/** The latest finding of each drawn code (undefined: none yet). */
export const latestFindings = (check: Pick<QualityCheck, 'findings'>): ReadonlyMap<string, Finding> => {
  const out = new Map<string, Finding>();
  for (const f of check.findings) out.set(f.code, f);
  return out;
};

export type CheckBlocker =
  | { readonly type: 'noFinding'; readonly code: string }
  | { readonly type: 'returned'; readonly code: string; readonly reportVersion: number };

/**
 * What keeps the region from releasing a league's report (`regionReleased`): a drawn entry without
 * a finding, or an entry returned and not reported again since (a sent version newer than the one
 * the finding was made on). A re-reported entry is checked again by a new finding.
 */
export const checkBlockers = (
  check: Pick<QualityCheck, 'codes' | 'findings'>,
  latestSentVersion: number | null,
): CheckBlocker[] => {
  const latest = latestFindings(check);
  const out: CheckBlocker[] = [];
  for (const code of check.codes) {
    const f = latest.get(code);
    if (!f) out.push({ type: 'noFinding', code });
    else if (f.outcome === 'returned' && (latestSentVersion === null || latestSentVersion <= f.reportVersion))
      out.push({ type: 'returned', code, reportVersion: f.reportVersion });
  }
  return out;
};

/** Whether the league has returned entries to correct and report again (returned on its latest sent version). */
export const awaitingReReport = (
  check: Pick<QualityCheck, 'codes' | 'findings'> | null,
  latestSentVersion: number | null,
): boolean => check !== null && checkBlockers(check, latestSentVersion).some((b) => b.type === 'returned');

/** The league stage that `reportSent` ends: GRADING for enterprises (Art 16(2)), REPORTED otherwise (Art 17(3), 18(4)). */
export const reportingStage = (kind: CycleKind): StageName =>
  CYCLES[kind].find((s) => s.ends?.by === 'act' && s.ends.act === 'reportSent')!.stage;

/** Whether the kind's cycle has the region's quality check stage (only enterprises: Art 16(2)). */
export const hasQualityCheckStage = (kind: CycleKind): boolean => CYCLES[kind].some((s) => s.stage === 'QUALITY_CHECK');

/**
 * Late (逾期未报送): the reporting limit (4月30日, Art 16(2), 17(3), 18(4)) has passed and no report was sent.
 */
export const reportLate = (limitOn: LegalDate | null, today: LegalDate, sentOn: LegalDate | null): boolean =>
  limitOn !== null && today > limitOn && sentOn === null;
