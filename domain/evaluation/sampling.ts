import type { SubjectKind } from '../catalogue/kinds.ts';
import type { Grade } from './grade.ts';

/**
 * Art 28 双随机 inspection ratio as a multiple of the base ratio, in tenths:
 * A 30 %, B 50 %, C 100 %, D 150 %, blacklisted 200 %.
 */
const SAMPLING_MULTIPLIER_TENTHS: Record<Grade | 'blacklisted', number> = {
  A: 3,
  B: 5,
  C: 10,
  D: 15,
  blacklisted: 20,
};

export const samplingMultiplierTenths = (grade: Grade, blacklisted: boolean): number =>
  SAMPLING_MULTIPLIER_TENTHS[blacklisted ? 'blacklisted' : grade];

/**
 * The inspection ratio for a subject, in per-mille of its population, from the base ratio in
 * per-mille. I14: a ratio over 100 % is capped at 100 %.
 */
const INSPECTION_RATIO_CAP_PERMILLE = 1000;

export const inspectionRatioPermille = (basePermille: number, grade: Grade, blacklisted: boolean): number =>
  Math.min(
    INSPECTION_RATIO_CAP_PERMILLE,
    Math.round((basePermille * samplingMultiplierTenths(grade, blacklisted)) / 10),
  );

/**
 * I17: Art 28 "A级企业 … 列入黑名单管理的企业" names enterprises only; agencies (third-party service
 * organisations) get the same ratios, practitioners none. The kinds that get a sampling multiplier.
 */
const I17_SAMPLED_KINDS: readonly SubjectKind[] = ['enterprise', 'agency'];

export const isSampledKind = (kind: SubjectKind): boolean => I17_SAMPLED_KINDS.includes(kind);
