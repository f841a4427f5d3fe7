import { stageOf } from '../../domain/cycles/cycle.ts';
import type { StageName } from '../../domain/cycles/definitions.ts';
import {
  awaitingReReport,
  type CheckBlocker,
  checkBlockers,
  type QualityCheck,
  reportingStage,
} from '../../domain/reports/qualityCheck.ts';
import type { ReportEntry } from '../../domain/reports/reportEntry.ts';
import type { CycleStore } from '../ports/cycleStore.ts';
import type { LeagueReportStore, ReportAudit, ReportHead, ReportRef } from '../ports/leagueReports.ts';
import type { Caller } from '../shared/auth.ts';
import { type Forbidden, type NotFound, notFound, type Outcome, ok, type Unauthorized } from '../shared/errors.ts';
import { authorize } from '../shared/policy.ts';

/** A league's report as its page shows it: one version's entries, every version, the quality check. */
export interface ReportView {
  readonly ref: ReportRef;
  /** The league's stage (null once it reported and the region's stages run). */
  readonly stage: StageName | null;
  readonly reportingStage: StageName;
  readonly versions: readonly ReportHead[];
  /** The version shown (the newest unless asked), and its entries sorted by code. */
  readonly shown: ReportHead | null;
  readonly entries: readonly ReportEntry[];
  readonly check: QualityCheck | null;
  /** The newest sent version (what the region checks). */
  readonly lastSent: ReportHead | null;
  readonly blockers: readonly CheckBlocker[];
  /** Entries returned by the quality check and not reported again since. */
  readonly awaitingReReport: boolean;
  readonly audit: readonly ReportAudit[];
}

/** Steps of one instant in the order they happen (an entry's instant is shared by one request's steps). */
const STEPS = ['report.prepared', 'report.completed', 'report.sent', 'report.resent', 'report.sampled'];
const rank = (action: string): number => (STEPS.includes(action) ? STEPS.indexOf(action) : STEPS.length);

/** Reads a league's report: the region, or the league's own bureau. */
export class ReadReport {
  constructor(
    private readonly reports: LeagueReportStore,
    private readonly cycles: Pick<CycleStore, 'getCycle'>,
  ) {}

  async execute(
    caller: Caller,
    ref: ReportRef,
    version?: number,
  ): Promise<Outcome<ReportView, Unauthorized | Forbidden | NotFound>> {
    const auth = authorize(caller, 'participants.manage', { league: ref.league });
    if (!auth.ok) return auth.refusal;
    const cycle = await this.cycles.getCycle(ref.year, ref.kind);
    if (!cycle?.leagues[ref.league]) return notFound;
    const [versions, check, audit] = await Promise.all([
      this.reports.versions(ref),
      this.reports.check(ref),
      this.reports.auditOf(ref),
    ]);
    const shown =
      version === undefined ? (versions.at(-1) ?? null) : (versions.find((v) => v.version === version) ?? null);
    if (version !== undefined && !shown) return notFound;
    const entries = shown ? await this.reports.entries(ref, shown.version) : [];
    const lastSent = versions.filter((v) => v.status === 'sent').at(-1) ?? null;
    return ok({
      ref,
      stage: stageOf(cycle, ref.league),
      reportingStage: reportingStage(ref.kind),
      versions,
      shown,
      entries: [...entries].sort((a, b) => a.code.localeCompare(b.code)),
      check,
      lastSent,
      blockers: check ? checkBlockers(check, lastSent?.version ?? null) : [],
      awaitingReReport: awaitingReReport(check, lastSent?.version ?? null),
      audit: [...audit].sort((a, b) => a.at.localeCompare(b.at) || rank(a.action) - rank(b.action)),
    });
  }
}
