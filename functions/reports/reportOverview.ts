import { type CycleKind, deadlineId } from '../../domain/cycles/definitions.ts';
import { type LegalDate, legalDateOfInstant } from '../../domain/dates.ts';
import type { Grade } from '../../domain/evaluation/grade.ts';
import type { LeagueCode } from '../../domain/identifiers/leagues.ts';
import {
  checkBlockers,
  hasQualityCheckStage,
  latestFindings,
  reportingStage,
  reportLate,
} from '../../domain/reports/qualityCheck.ts';
import { gradeCounts } from '../../domain/reports/reportEntry.ts';
import type { CycleStore } from '../ports/cycleStore.ts';
import type { LeagueReportStore, ReportHead } from '../ports/leagueReports.ts';
import type { Caller } from '../shared/auth.ts';
import type { Clock } from '../shared/clock.ts';
import { type Forbidden, type NotFound, notFound, type Outcome, ok, type Unauthorized } from '../shared/errors.ts';
import { authorize } from '../shared/policy.ts';
import { releaseBlockers } from './reportGate.ts';

export interface LeagueReportRow {
  readonly league: LeagueCode;
  readonly latest: ReportHead | null;
  /** The first sent version's date (报送日期), and the newest sent version. */
  readonly firstSentOn: LegalDate | null;
  readonly lastSent: ReportHead | null;
  readonly entries: number;
  readonly grades: Readonly<Record<Grade | 'none', number>>;
  /** The reporting limit (4月30日) and whether it passed without a report (逾期未报送). */
  readonly limitOn: LegalDate | null;
  readonly late: boolean;
  readonly sampled: number | null;
  readonly agreed: number;
  readonly returned: number;
  readonly open: number;
}

export interface ReportOverviewView {
  readonly year: number;
  readonly kind: CycleKind;
  readonly rows: readonly LeagueReportRow[];
  /** Whether the kind's cycle has the region's QUALITY_CHECK stage ending by `regionReleased`. */
  readonly releasable: boolean;
  /** What keeps `regionReleased` (Chinese, per league); empty: nothing. */
  readonly releaseBlockers: readonly string[];
}

/** The region's overview of a cycle's league reports: sent on which day, how many, which grades, late ones. */
export class ReportOverview {
  constructor(
    private readonly reports: LeagueReportStore,
    private readonly cycles: Pick<CycleStore, 'getCycle'>,
    private readonly clock: Clock,
  ) {}

  async execute(
    caller: Caller,
    of: { readonly year: number; readonly kind: CycleKind },
  ): Promise<Outcome<ReportOverviewView, Unauthorized | Forbidden | NotFound>> {
    const auth = authorize(caller, 'cycle.act', { act: 'regionReleased' });
    if (!auth.ok) return auth.refusal;
    const cycle = await this.cycles.getCycle(of.year, of.kind);
    if (!cycle) return notFound;
    const today = legalDateOfInstant(this.clock.now());
    const stage = reportingStage(of.kind);
    const rows = await Promise.all(
      (Object.keys(cycle.leagues) as LeagueCode[]).sort().map(async (league): Promise<LeagueReportRow> => {
        const ref = { ...of, league };
        const [versions, check] = await Promise.all([this.reports.versions(ref), this.reports.check(ref)]);
        const sent = versions.filter((v) => v.status === 'sent');
        const lastSent = sent.at(-1) ?? null;
        const entries = lastSent ? await this.reports.entries(ref, lastSent.version) : [];
        const limitOn = cycle.deadlines.find((d) => d.id === deadlineId(stage, 'end', league))?.on ?? null;
        const firstSentOn = sent[0]?.sentOn ?? null;
        const latest = check ? latestFindings(check) : new Map();
        const findings = check ? check.codes.map((c) => latest.get(c)) : [];
        return {
          league,
          latest: versions.at(-1) ?? null,
          firstSentOn,
          lastSent,
          entries: entries.length,
          grades: gradeCounts(entries),
          limitOn,
          late: reportLate(limitOn, today, firstSentOn),
          sampled: check ? check.codes.length : null,
          agreed: findings.filter((f) => f?.outcome === 'agreed').length,
          returned: check
            ? checkBlockers(check, lastSent?.version ?? null).filter((b) => b.type === 'returned').length
            : 0,
          open: findings.filter((f) => f === undefined).length,
        };
      }),
    );
    return ok({
      ...of,
      rows,
      releasable: hasQualityCheckStage(of.kind),
      releaseBlockers: await releaseBlockers(this.reports, cycle),
    });
  }
}
