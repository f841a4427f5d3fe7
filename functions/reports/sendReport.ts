import { stageOf } from '../../domain/cycles/cycle.ts';
import { legalDateOfInstant } from '../../domain/dates.ts';
import { awaitingReReport, reportingStage } from '../../domain/reports/qualityCheck.ts';
import type { RecordAct } from '../cycles/recordAct.ts';
import type { CycleStore } from '../ports/cycleStore.ts';
import type { LeagueReportStore, ReportHead, ReportRef } from '../ports/leagueReports.ts';
import { actorOf, type Caller } from '../shared/auth.ts';
import type { Clock } from '../shared/clock.ts';
import {
  type Conflict,
  conflict,
  type Forbidden,
  type NotFound,
  notFound,
  type Outcome,
  ok,
  type Unauthorized,
} from '../shared/errors.ts';
import { authorize } from '../shared/policy.ts';

/**
 * “报送上报名单”: the first time, the league records `reportSent` on the cycle (the act checks that a
 * complete report exists and that no objection is open, and marks the report sent); after the region's
 * quality check returned entries, the corrected version is reported again (重新上报) without an act.
 */
export class SendReport {
  constructor(
    private readonly reports: LeagueReportStore,
    private readonly cycles: Pick<CycleStore, 'getCycle'>,
    private readonly recordAct: Pick<RecordAct, 'execute'>,
    private readonly clock: Clock,
  ) {}

  async execute(
    caller: Caller,
    ref: ReportRef,
  ): Promise<Outcome<ReportHead, Unauthorized | Forbidden | NotFound | Conflict>> {
    const auth = authorize(caller, 'cycle.act', { act: 'reportSent', league: ref.league });
    if (!auth.ok) return auth.refusal;
    const cycle = await this.cycles.getCycle(ref.year, ref.kind);
    if (!cycle?.leagues[ref.league]) return notFound;
    const versions = await this.reports.versions(ref);
    const latest = versions.at(-1);
    const lastSent = versions.filter((v) => v.status === 'sent').at(-1) ?? null;
    if (!lastSent || stageOf(cycle, ref.league) === reportingStage(ref.kind)) {
      const out = await this.recordAct.execute(
        auth.claims,
        { year: ref.year, kind: ref.kind },
        { act: 'reportSent', league: ref.league },
        null,
      );
      if (out.status !== 'ok' && !(out.status === 'conflict' && out.code === 'ALREADY_DONE')) return out;
      const head = await this.reports.latest(ref);
      return head ? ok(head) : notFound;
    }
    if (latest?.status !== 'complete')
      return latest?.status === 'sent'
        ? conflict('ALREADY_SENT', `上报名单第${latest.version}版已报送`)
        : conflict('REPORT_NOT_PREPARED', '尚未生成完整的上报名单，请先“生成上报名单”');
    if (!awaitingReReport(await this.reports.check(ref), lastSent.version))
      return conflict('REPORT_SENT', '上报名单已报送，不能更改；质量抽查退回后方可重新上报');
    const now = this.clock.now();
    const at = now.toISOString();
    const actor = actorOf(auth.claims);
    const sent = { on: legalDateOfInstant(now), at, by: actor };
    if (
      !(await this.reports.markSent(ref, latest.version, sent, {
        at,
        actor,
        action: 'report.resent',
        what: { version: latest.version },
      }))
    )
      return conflict('BUSY', '上报名单正被他人修改，请稍后重试');
    return ok({ ...latest, status: 'sent', sentOn: sent.on, sentAt: at, sentBy: actor });
  }
}
