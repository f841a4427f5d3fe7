import { stageOf } from '../../domain/cycles/cycle.ts';
import { STAGE_NAMES } from '../../domain/cycles/definitions.ts';
import { legalDateOfInstant } from '../../domain/dates.ts';
import { awaitingReReport, reportingStage } from '../../domain/reports/qualityCheck.ts';
import { buildReportEntry, type ReportEntry } from '../../domain/reports/reportEntry.ts';
import type { CycleStore } from '../ports/cycleStore.ts';
import type { LeagueReportStore, ReportHead, ReportRef } from '../ports/leagueReports.ts';
import type { ObjectionStore } from '../ports/objections.ts';
import type { ParticipantStore } from '../ports/participants.ts';
import type { SubjectRecordStore } from '../ports/store.ts';
import { actorOf, type Caller } from '../shared/auth.ts';
import type { Clock } from '../shared/clock.ts';
import {
  type Conflict,
  conflict,
  EcocreditError,
  type Forbidden,
  type NotFound,
  notFound,
  type Outcome,
  ok,
  type Unauthorized,
} from '../shared/errors.ts';
import { authorize } from '../shared/policy.ts';
import { evaluateStored, publicShape } from '../shared/subjectEvaluation.ts';

/**
 * Participants evaluated per request: a big league's report is prepared over several requests (each
 * bounded by this many subject reads), the page offering “继续生成” until every entry is stored.
 */
export const REPORT_BATCH = 100;
/** Subjects evaluated at once within a batch. */
const CONCURRENCY = 8;

export interface ReportEdges {
  readonly reports: LeagueReportStore;
  readonly cycles: Pick<CycleStore, 'getCycle'>;
  readonly participants: Pick<ParticipantStore, 'participants'>;
  readonly objections: Pick<ObjectionStore, 'objectionsOf'>;
  readonly store: SubjectRecordStore;
  readonly clock: Clock;
}

/** A participant's evaluation gave no result for the year: a bug, never an expected outcome. */
export class ReportEvaluationError extends EcocreditError {
  override readonly name = 'ReportEvaluationError';
}

export type Prepared = { readonly head: ReportHead; readonly remaining: number };

/**
 * “生成上报名单” (Art 16(2), 17(3), 18(4)): evaluates every participant on the league's list as of the
 * report date and stores the frozen entries as a new version of the league's report. Allowed in the
 * league's reporting stage, and after it only when the region's quality check returned entries
 * (the league corrects the records and reports the whole list again, re-evaluated). A version being
 * prepared is continued, REPORT_BATCH participants per call.
 */
export class PrepareReport {
  constructor(
    private readonly e: ReportEdges,
    private readonly batchSize: number = REPORT_BATCH,
  ) {}

  async execute(
    caller: Caller,
    ref: ReportRef,
  ): Promise<Outcome<Prepared, Unauthorized | Forbidden | NotFound | Conflict>> {
    const auth = authorize(caller, 'cycle.act', { act: 'reportSent', league: ref.league });
    if (!auth.ok) return auth.refusal;
    const cycle = await this.e.cycles.getCycle(ref.year, ref.kind);
    if (!cycle?.leagues[ref.league]) return notFound;
    const now = this.e.clock.now();
    const at = now.toISOString();
    const actor = actorOf(auth.claims);
    const versions = await this.e.reports.versions(ref);
    let head = versions.at(-1) ?? null;
    if (head?.status !== 'preparing') {
      const lastSent = versions.filter((v) => v.status === 'sent').at(-1) ?? null;
      const stage = stageOf(cycle, ref.league);
      if (lastSent) {
        const check = await this.e.reports.check(ref);
        if (!awaitingReReport(check, lastSent.version))
          return conflict('REPORT_SENT', '上报名单已报送，不能更改；质量抽查退回后方可重新上报');
      } else if (stage !== reportingStage(ref.kind))
        return conflict(
          'WRONG_STAGE',
          stage === null
            ? '本盟市已完成报送阶段'
            : `当前阶段为“${STAGE_NAMES[stage]}”，须在“${STAGE_NAMES[reportingStage(ref.kind)]}”阶段生成上报名单`,
        );
      const list = await this.e.participants.participants(ref);
      const next: ReportHead = {
        ...ref,
        version: (head?.version ?? 0) + 1,
        status: 'preparing',
        preparedOn: legalDateOfInstant(now),
        preparedAt: at,
        preparedBy: actor,
        participants: list.length,
        sentOn: null,
        sentAt: null,
        sentBy: null,
      };
      const audit = {
        at,
        actor,
        action: 'report.prepared',
        what: { version: next.version, participants: list.length },
      };
      if (!(await this.e.reports.begin(next, audit))) return conflict('BUSY', '上报名单正由他人生成，请稍后重试');
      head = next;
    }
    return ok(await this.continue(head, actor, at));
  }

  private async continue(head: ReportHead, actor: string, at: string): Promise<Prepared> {
    const ref: ReportRef = { year: head.year, kind: head.kind, league: head.league };
    const [list, stored, objections] = await Promise.all([
      this.e.participants.participants(ref),
      this.e.reports.entries(ref, head.version),
      this.e.objections.objectionsOf(ref.league, { year: ref.year, kind: ref.kind }),
    ]);
    const done = new Set(stored.map((s) => s.code));
    const missing = list.filter((p) => !done.has(p.code));
    const batch = missing.slice(0, this.batchSize);
    const entries: ReportEntry[] = [];
    for (let i = 0; i < batch.length; i += CONCURRENCY)
      entries.push(
        ...(await Promise.all(
          batch.slice(i, i + CONCURRENCY).map(async (p) => {
            const subject = { kind: p.kind, id: p.code };
            const partition = await this.e.store.loadSubject(subject);
            const records = partition.records.map((r) => r.record);
            const evaluated = await evaluateStored(
              this.e.store,
              subject,
              partition,
              records,
              [ref.year],
              head.preparedOn,
            );
            const result = evaluated.results.get(ref.year);
            if (!result) throw new ReportEvaluationError(`no ${ref.year} result for ${p.kind} ${p.code}`);
            return buildReportEntry(
              p,
              publicShape(result),
              objections.filter((o) => o.subject.kind === p.kind && o.subject.id === p.code),
            );
          }),
        )),
      );
    await this.e.reports.putEntries(ref, head.version, entries);
    const remaining = missing.length - batch.length;
    if (remaining > 0) return { head, remaining };
    const audit = { at, actor, action: 'report.completed', what: { version: head.version, entries: list.length } };
    await this.e.reports.complete(ref, head.version, audit);
    return { head: { ...head, status: 'complete' }, remaining: 0 };
  }
}
