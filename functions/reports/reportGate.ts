import type { Cycle } from '../../domain/cycles/cycle.ts';
import type { Act, CycleKind } from '../../domain/cycles/definitions.ts';
import { legalDateOfInstant } from '../../domain/dates.ts';
import { jurisdictionName, type LeagueCode } from '../../domain/identifiers/leagues.ts';
import { checkBlockers } from '../../domain/reports/qualityCheck.ts';
import type { LeagueReportStore, ReportRef } from '../ports/leagueReports.ts';
import type { Clock } from '../shared/clock.ts';

/** Why an act cannot be recorded yet, as the cycle's refusals say it (a code and Chinese text). */
export interface GateRefusal {
  readonly code: string;
  readonly message: string;
}

/**
 * What the league reports ask of the cycle's acts (functions/cycles/recordAct.ts):
 * `reportSent` only with a complete report (Art 16(2), 17(3), 18(4): the league reports its
 * proposed grades, so there must be a report to send), and `regionReleased` only when the quality
 * check returned nothing still uncorrected and every drawn entry has a finding (Art 8, 16(2)).
 * Once `reportSent` is recorded, the report is marked sent and never changes again.
 */
export interface ReportGate {
  refusal(cycle: Cycle, act: Act, league: LeagueCode | undefined): Promise<GateRefusal | null>;
  recorded(
    of: { readonly year: number; readonly kind: CycleKind },
    act: Act,
    league: LeagueCode | undefined,
    actor: string,
  ): Promise<void>;
}

export const NO_REPORT_GATE: ReportGate = { refusal: async () => null, recorded: async () => undefined };

/** What keeps `regionReleased`: the blockers of every league's check, in Chinese (empty: none). */
export const releaseBlockers = async (reports: LeagueReportStore, cycle: Cycle): Promise<string[]> => {
  const out: string[] = [];
  for (const league of Object.keys(cycle.leagues) as LeagueCode[]) {
    const ref: ReportRef = { year: cycle.year, kind: cycle.kind, league };
    const check = await reports.check(ref);
    if (!check) continue;
    const sent = (await reports.versions(ref)).filter((v) => v.status === 'sent').at(-1)?.version ?? null;
    const blockers = checkBlockers(check, sent);
    const none = blockers.filter((b) => b.type === 'noFinding').length;
    const returned = blockers.filter((b) => b.type === 'returned').length;
    const parts = [
      ...(none > 0 ? [`${none}条抽查记录尚无抽查意见`] : []),
      ...(returned > 0 ? [`${returned}条退回记录尚未重新上报`] : []),
    ];
    if (parts.length > 0) out.push(`${jurisdictionName(league)}：${parts.join('，')}`);
  }
  return out;
};

export class LeagueReportGate implements ReportGate {
  constructor(
    private readonly reports: LeagueReportStore,
    private readonly clock: Clock,
  ) {}

  async refusal(cycle: Cycle, act: Act, league: LeagueCode | undefined): Promise<GateRefusal | null> {
    if (act === 'reportSent' && league) {
      const latest = await this.reports.latest({ year: cycle.year, kind: cycle.kind, league });
      if (!latest || latest.status === 'preparing')
        return {
          code: 'REPORT_NOT_PREPARED',
          message: `${jurisdictionName(league)}尚未生成完整的上报名单，请先在“上报名单”页面“生成上报名单”`,
        };
      return null;
    }
    if (act === 'regionReleased') {
      const blockers = await releaseBlockers(this.reports, cycle);
      if (blockers.length > 0)
        return { code: 'QUALITY_CHECK_OPEN', message: `质量抽查尚未完成：${blockers.join('；')}` };
    }
    return null;
  }

  async recorded(
    of: { readonly year: number; readonly kind: CycleKind },
    act: Act,
    league: LeagueCode | undefined,
    actor: string,
  ): Promise<void> {
    if (act !== 'reportSent' || !league) return;
    const ref: ReportRef = { year: of.year, kind: of.kind, league };
    const latest = await this.reports.latest(ref);
    if (latest?.status !== 'complete') return;
    const now = this.clock.now();
    const at = now.toISOString();
    await this.reports.markSent(
      ref,
      latest.version,
      { on: legalDateOfInstant(now), at, by: actor },
      { at, actor, action: 'report.sent', what: { version: latest.version } },
    );
  }
}
