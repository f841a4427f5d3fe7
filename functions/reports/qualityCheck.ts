import { randomInt } from 'node:crypto';
import { legalDateOfInstant } from '../../domain/dates.ts';
import {
  FINDING_NAMES,
  type Finding,
  type FindingOutcome,
  latestFindings,
  MAX_FINDING_REASONS_LENGTH,
  MAX_SEED,
  MAX_SHARE_PERCENT,
  MIN_SHARE_PERCENT,
  type QualityCheck,
  sampleCodes,
} from '../../domain/reports/qualityCheck.ts';
import type { InputIssue } from '../../domain/validation.ts';
import type { LeagueReportStore, ReportRef } from '../ports/leagueReports.ts';
import { actorOf, type Caller } from '../shared/auth.ts';
import type { Clock } from '../shared/clock.ts';
import {
  type Conflict,
  conflict,
  type Forbidden,
  type Invalid,
  invalid,
  type NotFound,
  notFound,
  type Outcome,
  ok,
  type Unauthorized,
} from '../shared/errors.ts';
import { authorize } from '../shared/policy.ts';

type Refused = Unauthorized | Forbidden | Invalid | NotFound | Conflict;

/** What the region asks: the share (whole percent) and, optionally, the seed to draw with. */
export interface SampleInput {
  readonly sharePercent: string | undefined;
  readonly seed: string | undefined;
}

export interface FindingInput {
  readonly code: string | undefined;
  readonly outcome: string | undefined;
  readonly reasons: string | undefined;
}

const wholeIn = (raw: string | undefined, min: number, max: number): number | null => {
  const t = (raw ?? '').trim();
  if (!/^\d{1,10}$/.test(t)) return null;
  const n = Number(t);
  return n >= min && n <= max ? n : null;
};

/**
 * The region's quality check of a league's sent report (Art 8, 16(2); docs/reports.md): “抽样” draws
 * the share of entries with a recorded seed (a seed left empty is drawn at random and recorded);
 * drawing again is possible until the first finding. “抽查意见” records 同意 or 退回 with reasons for a
 * drawn entry of the newest sent version; every step is audited.
 */
export class QualityChecks {
  constructor(
    private readonly reports: LeagueReportStore,
    private readonly clock: Clock,
  ) {}

  async sample(caller: Caller, ref: ReportRef, input: SampleInput): Promise<Outcome<QualityCheck, Refused>> {
    const auth = authorize(caller, 'cycle.act', { act: 'regionReleased' });
    if (!auth.ok) return auth.refusal;
    const issues: InputIssue[] = [];
    const share = wholeIn(input.sharePercent, MIN_SHARE_PERCENT, MAX_SHARE_PERCENT);
    if (share === null)
      issues.push({
        path: 'sharePercent',
        message: `抽查比例须为${MIN_SHARE_PERCENT}至${MAX_SHARE_PERCENT}之间的整数（%）`,
      });
    const seedText = (input.seed ?? '').trim();
    const seed = seedText === '' ? randomInt(0, 2 ** 31) : wholeIn(seedText, 0, MAX_SEED);
    if (seed === null) issues.push({ path: 'seed', message: `随机种子须为0至${MAX_SEED}之间的整数，或留空由系统生成` });
    if (issues.length > 0) return invalid(issues);
    const sent = (await this.reports.versions(ref)).filter((v) => v.status === 'sent').at(-1);
    if (!sent) return conflict('NOT_SENT', '该盟市尚未报送上报名单，不能抽查');
    const previous = await this.reports.check(ref);
    if (previous && previous.findings.length > 0) return conflict('FINDINGS_RECORDED', '已有抽查意见，不能重新抽样');
    const entries = await this.reports.entries(ref, sent.version);
    const now = this.clock.now();
    const at = now.toISOString();
    const actor = actorOf(auth.claims);
    const check: QualityCheck = {
      year: ref.year,
      kind: ref.kind,
      league: ref.league,
      sharePercent: share!,
      seed: seed!,
      sampledVersion: sent.version,
      sampledOn: legalDateOfInstant(now),
      sampledBy: actor,
      codes: sampleCodes(
        entries.map((e) => e.code),
        share!,
        seed!,
      ),
      findings: [],
      version: (previous?.version ?? 0) + 1,
    };
    const audit = {
      at,
      actor,
      action: 'report.sampled',
      what: { sharePercent: check.sharePercent, seed: check.seed, version: sent.version, codes: check.codes },
    };
    if (!(await this.reports.putCheck(check, previous?.version ?? null, audit)))
      return conflict('BUSY', '质量抽查正被他人修改，请稍后重试');
    return ok(check);
  }

  async finding(caller: Caller, ref: ReportRef, input: FindingInput): Promise<Outcome<QualityCheck, Refused>> {
    const auth = authorize(caller, 'cycle.act', { act: 'regionReleased' });
    if (!auth.ok) return auth.refusal;
    const check = await this.reports.check(ref);
    if (!check) return conflict('NOT_SAMPLED', '尚未抽样');
    const code = (input.code ?? '').trim();
    const outcome = input.outcome as FindingOutcome;
    const reasons = (input.reasons ?? '').trim();
    const issues: InputIssue[] = [];
    if (!check.codes.includes(code)) issues.push({ path: 'code', message: '不是本次抽查的条目' });
    if (!(outcome in FINDING_NAMES)) issues.push({ path: 'outcome', message: '抽查意见须为“同意”或“退回”' });
    if (outcome === 'returned' && reasons === '') issues.push({ path: 'reasons', message: '退回须写明理由' });
    if ([...reasons].length > MAX_FINDING_REASONS_LENGTH)
      issues.push({ path: 'reasons', message: `理由不能超过${MAX_FINDING_REASONS_LENGTH}字` });
    if (issues.length > 0) return invalid(issues);
    const sent = (await this.reports.versions(ref)).filter((v) => v.status === 'sent').at(-1);
    if (!sent) return notFound;
    const last = latestFindings(check).get(code);
    if (last && last.reportVersion === sent.version) {
      // The same finding delivered twice changes nothing; a different one on the same version is refused.
      if (last.outcome === outcome && last.reasons === reasons) return ok(check);
      return conflict('ALREADY_DECIDED', `该条目已有对第${sent.version}版的抽查意见（${FINDING_NAMES[last.outcome]}）`);
    }
    const at = this.clock.now().toISOString();
    const actor = actorOf(auth.claims);
    const f: Finding = { code, outcome, reasons, reportVersion: sent.version, at, by: actor };
    const next: QualityCheck = { ...check, findings: [...check.findings, f], version: check.version + 1 };
    const audit = { at, actor, action: `report.finding.${outcome}`, what: { code, reasons, version: sent.version } };
    if (!(await this.reports.putCheck(next, check.version, audit)))
      return conflict('BUSY', '质量抽查正被他人修改，请稍后重试');
    return ok(next);
  }
}
