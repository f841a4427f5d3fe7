import { parseOfficialCalendar } from '../../domain/calendar/officialCalendar.ts';
import { officialWorkingCalendar, type WorkingCalendar, workingDaysAfter } from '../../domain/calendar/workingCalendar.ts';
import { applyCalendar, type MovedDeadline } from '../../domain/cycles/calendarReload.ts';
import { type Cycle, type Effect, openCycle, stageOf, transition, type Trigger } from '../../domain/cycles/cycle.ts';
import { ACT_ROLES, ACTS, type Act, type CycleKind, STAGE_NAMES } from '../../domain/cycles/definitions.ts';
import { SUBJECT_KINDS } from '../../domain/catalogue/kinds.ts';
import { legalDateOfInstant } from '../../domain/dates.ts';
import { isLeagueCode, jurisdictionName, type LeagueCode } from '../../domain/identifiers/leagues.ts';
import type { InputIssue } from '../../domain/validation.ts';
import type { StaffClaims } from '../ports/identity.ts';
import { type CycleAudit, type CycleStore, cycleOwner } from '../ports/cycleStore.ts';
import type { RecordQueue } from '../ports/queue.ts';
import type { DeadlineTarget, Scheduler } from '../ports/scheduler.ts';
import { actorOf, type Caller } from '../shared/auth.ts';
import type { Clock } from '../shared/clock.ts';
import { ConcurrentUpdateError, ConfigurationError } from '../shared/errors.ts';

/**
 * Cycles as a service (issue 5): the domain decides every transition; this only persists its
 * effects — the cycle, its deadline index and audit entries in one transaction — and then creates or
 * deletes the schedules. A schedule lost after the commit is caught by the nightly sweep (the index).
 */
export type CycleOutcome<T> =
  | { readonly status: 'ok'; readonly value: T }
  | { readonly status: 'invalid'; readonly issues: InputIssue[] }
  | { readonly status: 'notFound' }
  | { readonly status: 'forbidden' }
  | { readonly status: 'unauthorized' }
  | { readonly status: 'exists' }
  | { readonly status: 'refused'; readonly code: string; readonly message: string };

export interface CycleView {
  readonly kind: CycleKind;
  readonly year: number;
  readonly version: number;
  readonly region: { readonly stage: string | null; readonly stageName: string | null };
  readonly leagues: readonly { readonly league: LeagueCode; readonly name: string; readonly stage: string | null; readonly stageName: string | null; readonly openedOn: string | null }[];
  readonly deadlines: readonly { readonly id: string; readonly stage: string; readonly league: string | null; readonly type: string; readonly on: string; readonly at: string; readonly article: string; readonly provisional: boolean; readonly schedule: string }[];
  readonly alerts: readonly { readonly id: string; readonly responsible: string; readonly responsibleName: string; readonly stage: string; readonly limitOn: string; readonly article: string; readonly overdueByWorkingDays: number }[];
  readonly objections: Cycle['objections'];
}

const MAX_ATTEMPTS = 5;

export class CycleService {
  constructor(
    private readonly cycles: CycleStore,
    private readonly scheduler: Scheduler,
    private readonly clock: Clock,
    private readonly queue?: RecordQueue,
    /** Repair-verification deadlines (Art 23) take the same path. */
    private readonly repairs?: { verificationDue(target: DeadlineTarget): Promise<{ status: 'applied' | 'ignored'; reason?: string }> },
    /** Publishes a year's results when the region records `published` (Art 16(5), 17(7)). */
    private readonly publish?: (kind: CycleKind, year: number, publishedOn: string) => Promise<number>,
  ) {}

  async calendar(): Promise<WorkingCalendar> {
    return officialWorkingCalendar(...(await this.cycles.calendars()));
  }

  view(cycle: Cycle, cal: WorkingCalendar): CycleView {
    const today = legalDateOfInstant(this.clock.now());
    const regionStage = stageOf(cycle, null);
    return {
      kind: cycle.kind,
      year: cycle.year,
      version: cycle.version,
      region: { stage: regionStage, stageName: regionStage ? STAGE_NAMES[regionStage] : null },
      leagues: (Object.keys(cycle.leagues) as LeagueCode[]).map((league) => {
        const stage = stageOf(cycle, league);
        return { league, name: jurisdictionName(league), stage: stage ?? 'DONE', stageName: stage ? STAGE_NAMES[stage] : '盟市阶段已完成', openedOn: cycle.leagues[league]!.openedOn };
      }),
      deadlines: cycle.deadlines.map((d) => ({ id: d.id, stage: d.stage, league: d.league, type: d.type, on: d.on, at: d.at, article: d.article, provisional: d.provisional, schedule: d.status })),
      alerts: cycle.alerts
        .filter((a) => a.status === 'open')
        .map((a) => ({
          id: a.id, responsible: a.responsible, responsibleName: jurisdictionName(a.responsible), stage: a.stage, limitOn: a.limitOn, article: a.article,
          overdueByWorkingDays: workingDaysAfter(a.limitOn, today, cal).days,
        })),
      objections: cycle.objections,
    };
  }

  /** Persists a transition's result and applies its schedule effects. False: the cycle changed meanwhile. */
  private async commit(before: Cycle | null, after: Cycle, effects: readonly Effect[], actor: string, action: string, why: string | null): Promise<boolean> {
    const owner = cycleOwner(after.year, after.kind);
    const at = this.clock.now().toISOString();
    const scheduled: DeadlineTarget[] = [];
    const cancelled: { owner: string; deadlineId: string }[] = [];
    const audit: CycleAudit[] = [{ owner, at, actor, action, what: { version: after.version }, why }];
    for (const e of effects) {
      if (e.type === 'scheduleDeadline') scheduled.push({ kind: 'cycle', owner, deadlineId: e.deadline.id, at: e.deadline.at });
      else if (e.type === 'cancelDeadline') cancelled.push({ owner, deadlineId: e.deadlineId });
      else if (e.type === 'stageChanged') audit.push({ owner, at, actor: 'system', action: 'stage.changed', what: { league: e.league, from: e.from, to: e.to }, why: null });
      else if (e.type === 'overdueAlert') audit.push({ owner, at, actor: 'system', action: 'alert.raised', what: { ...e.alert, overdueByWorkingDays: e.overdueByWorkingDays }, why: null });
      else if (e.type === 'alertResolved') audit.push({ owner, at, actor: 'system', action: 'alert.resolved', what: { alertId: e.alertId }, why: null });
      else if (e.type === 'notice') audit.push({ owner, at, actor: 'system', action: 'notice', what: { ...e.notice }, why: null });
      else if (e.type === 'atRisk') audit.push({ owner, at, actor: 'system', action: 'feasibility.at-risk', what: { league: e.league, deadlines: e.deadlines.map((d) => ({ id: d.id, on: d.on, atRiskBy: d.atRiskBy })) }, why: null });
    }
    // Deadlines that fired leave the index too.
    for (const d of after.deadlines)
      if (d.status === 'fired' && before?.deadlines.find((x) => x.id === d.id)?.status === 'scheduled') cancelled.push({ owner, deadlineId: d.id });
    const ok = await this.cycles.writeCycle({ cycle: after, expectedVersion: before?.version ?? null, scheduled, unscheduled: cancelled, audit });
    if (!ok) return false;
    // A deadline already due (a cycle opened late, a window computed into the past) is not given to
    // the scheduler — a one-time schedule in the past may be refused — but fired at once. Its index
    // entry stays until it has fired, so the nightly sweep covers a failure here.
    const now = this.clock.now().getTime();
    const dueNow = scheduled.filter((s) => Date.parse(s.at) <= now).sort((a, b) => a.at.localeCompare(b.at));
    for (const s of scheduled) if (Date.parse(s.at) > now) await this.scheduler.schedule(s);
    for (const c of cancelled) await this.scheduler.cancel(c);
    for (const s of dueNow) await this.fire(s);
    return true;
  }

  async open(caller: Caller, body: unknown): Promise<CycleOutcome<CycleView>> {
    if (caller.type !== 'staff') return { status: 'unauthorized' };
    if (caller.claims.role !== 'region') return { status: 'forbidden' };
    const b = (body ?? {}) as { kind?: unknown; year?: unknown };
    const issues: InputIssue[] = [];
    if (!(SUBJECT_KINDS as readonly unknown[]).includes(b.kind)) issues.push({ path: 'kind', message: '评价周期类型须为 enterprise、agency 或 practitioner' });
    if (!Number.isInteger(b.year) || (b.year as number) < 2000 || (b.year as number) > 2999) issues.push({ path: 'year', message: '评价年度须为2000至2999之间的整数' });
    if (issues.length > 0) return { status: 'invalid', issues };
    const kind = b.kind as CycleKind;
    const year = b.year as number;
    if (await this.cycles.getCycle(year, kind)) return { status: 'exists' };
    const cal = await this.calendar();
    const { cycle, effects } = openCycle(kind, year, this.clock.now().toISOString(), cal);
    if (!(await this.commit(null, cycle, effects, actorOf(caller.claims), 'cycle.opened', null))) return { status: 'exists' };
    return { status: 'ok', value: this.view(cycle, cal) };
  }

  async read(caller: Caller, year: number, kind: string): Promise<CycleOutcome<CycleView>> {
    if (caller.type !== 'staff') return { status: 'unauthorized' };
    if (caller.claims.role !== 'region' && caller.claims.role !== 'league') return { status: 'forbidden' };
    if (!(SUBJECT_KINDS as readonly string[]).includes(kind)) return { status: 'invalid', issues: [{ path: 'kind', message: '评价周期类型须为 enterprise、agency 或 practitioner' }] };
    const cycle = await this.cycles.getCycle(year, kind as CycleKind);
    return cycle ? { status: 'ok', value: this.view(cycle, await this.calendar()) } : { status: 'notFound' };
  }

  /** Acts of Art 16-18, each by the role the regulation gives it (ACT_ROLES). */
  async act(caller: Caller, year: number, kind: string, body: unknown, why: string | null): Promise<CycleOutcome<CycleView & { effects: readonly Effect[] }>> {
    if (caller.type !== 'staff') return { status: 'unauthorized' };
    const b = (body ?? {}) as { act?: unknown; league?: unknown; caseId?: unknown };
    const issues: InputIssue[] = [];
    if (!(ACTS as readonly unknown[]).includes(b.act)) issues.push({ path: 'act', message: `未知的程序行为，可用：${ACTS.join('、')}` });
    if (b.league !== undefined && (typeof b.league !== 'string' || !isLeagueCode(b.league))) issues.push({ path: 'league', message: '盟市代码须为12个盟市之一' });
    if (b.caseId !== undefined && (typeof b.caseId !== 'string' || !/^[A-Za-z0-9._:-]{1,64}$/.test(b.caseId))) issues.push({ path: 'caseId', message: '异议编号须为1至64位字母、数字或 . _ : -' });
    if (!(SUBJECT_KINDS as readonly string[]).includes(kind)) issues.push({ path: 'kind', message: '评价周期类型须为 enterprise、agency 或 practitioner' });
    if (issues.length > 0) return { status: 'invalid', issues };
    const act = b.act as Act;
    // Art 8: the region's acts are the region's; a league's acts are its bureau's (or the region's).
    const claims: StaffClaims = caller.claims;
    if (ACT_ROLES[act] === 'region' && claims.role !== 'region') return { status: 'forbidden' };
    if (ACT_ROLES[act] === 'league' && !(claims.role === 'region' || (claims.role === 'league' && claims.league === b.league))) return { status: 'forbidden' };
    const trigger: Trigger = { type: 'act', act, ...(typeof b.league === 'string' ? { league: b.league as LeagueCode } : {}), ...(typeof b.caseId === 'string' ? { caseId: b.caseId } : {}) };
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const cycle = await this.cycles.getCycle(year, kind as CycleKind);
      if (!cycle) return { status: 'notFound' };
      const cal = await this.calendar();
      const r = transition(cycle, trigger, this.clock.now().toISOString(), cal);
      if (!r.ok) return { status: 'refused', code: r.refusal.code, message: r.refusal.message };
      if (await this.commit(cycle, r.cycle, r.effects, actorOf(claims), `act.${act}`, why)) {
        if (act === 'published' && this.publish) await this.publish(cycle.kind, cycle.year, legalDateOfInstant(this.clock.now()));
        return { status: 'ok', value: { ...this.view(r.cycle, cal), effects: r.effects } };
      }
    }
    return { status: 'refused', code: 'BUSY', message: '评价周期正被他人修改，请稍后重试' };
  }

  /**
   * The deadline handler's use case: applies a deadline only if it is still due and unchanged
   * (deliveries twice, late or after a cancel change nothing). Credit-warning deadlines re-evaluate
   * their subject at once (Art 22, I8).
   */
  async fire(target: DeadlineTarget): Promise<{ status: 'applied' | 'ignored'; reason?: string }> {
    if (target.kind === 'repair') {
      if (!this.repairs) throw new ConfigurationError('repair deadlines need the repair service');
      return this.repairs.verificationDue(target);
    }
    if (target.kind === 'warning') {
      const [, kind, id] = target.owner.split('#');
      await this.queue?.send([{ type: 'subject.reevaluate', subject: { kind: kind as CycleKind, id: id! }, cause: `warning:${target.deadlineId}:${target.at}` }]);
      await this.cycles.unindexDeadline(target);
      return { status: 'applied' };
    }
    const [, yearText, kind] = target.owner.split('#');
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const cycle = await this.cycles.getCycle(Number(yearText), kind as CycleKind);
      if (!cycle) return { status: 'ignored', reason: 'no such cycle' };
      const r = transition(cycle, { type: 'deadline', deadlineId: target.deadlineId, at: target.at }, this.clock.now().toISOString(), await this.calendar());
      if (!r.ok) {
        // A settled or unknown deadline leaves the index. A stale one (rescheduled to another instant)
        // keeps its index entry, which already holds the new instant; one not yet due stays too.
        if (r.refusal.code === 'DEADLINE_NOT_SCHEDULED' || r.refusal.code === 'UNKNOWN_DEADLINE' || r.refusal.code === 'WRONG_STAGE')
          await this.cycles.unindexDeadline(target);
        return { status: 'ignored', reason: r.refusal.code };
      }
      if (await this.commit(cycle, r.cycle, r.effects, 'system:deadline', 'deadline.fired', target.deadlineId)) return { status: 'applied' };
    }
    throw new ConcurrentUpdateError(`cycle ${target.owner} kept changing while firing ${target.deadlineId}`);
  }

  /** `PUT /v1/calendars/{year}` (region): provisional deadlines are recomputed and their schedules moved. */
  async loadCalendar(caller: Caller, year: number, body: unknown): Promise<CycleOutcome<{ year: number; moved: (MovedDeadline & { cycle: string })[] }>> {
    if (caller.type !== 'staff') return { status: 'unauthorized' };
    if (caller.claims.role !== 'region') return { status: 'forbidden' };
    const wrapped = typeof body === 'object' && body !== null && 'years' in body ? body : { years: { [String(year)]: body } };
    const parsed = parseOfficialCalendar(wrapped);
    if (!parsed.ok) return { status: 'invalid', issues: parsed.issues };
    const years = Object.keys(parsed.value.years);
    if (years.length !== 1 || years[0] !== String(year)) return { status: 'invalid', issues: [{ path: 'years', message: `只能载入 ${year} 年的节假日安排` }] };
    const at = this.clock.now().toISOString();
    await this.cycles.putCalendar(year, parsed.value, { owner: 'CALENDAR', at, actor: actorOf(caller.claims), action: 'calendar.loaded', what: { year }, why: null });
    const cal = await this.calendar();
    const moved: (MovedDeadline & { cycle: string })[] = [];
    for (const listed of await this.cycles.listCycles()) {
      for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
        const cycle = (await this.cycles.getCycle(listed.year, listed.kind))!;
        const r = applyCalendar(cycle, cal);
        if (r.effects.length === 0) break;
        if (await this.commit(cycle, r.cycle, r.effects, actorOf(caller.claims), 'calendar.applied', `${year}`)) {
          moved.push(...r.moved.map((m) => ({ ...m, cycle: cycleOwner(cycle.year, cycle.kind) })));
          break;
        }
      }
    }
    return { status: 'ok', value: { year, moved } };
  }
}

