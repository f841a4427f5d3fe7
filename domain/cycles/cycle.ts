import { addWorkingDays, byDate, type WorkingCalendar, workingDaysAfter } from '../calendar/workingCalendar.ts';
import { type LegalDate, legalDateOfInstant } from '../dates.ts';
import {
  isLeagueCode,
  type JurisdictionCode,
  jurisdictionName,
  LEAGUE_CODES,
  type LeagueCode,
  REGION_CODE,
} from '../identifiers/leagues.ts';
import {
  ACT_NAMES,
  ACT_ROLES,
  type Act,
  CYCLES,
  type CycleKind,
  deadlineId,
  STAGE_NAMES,
  type StageDefinition,
  type StageName,
} from './definitions.ts';
import { fixedLimitDate, type PlannedDeadline, planFrom } from './plan.ts';

/**
 * A yearly cycle as a value, and one pure transition function:
 * `(cycle, trigger, now, calendar) → (cycle', effects)` (docs/timeline.md; Art 16-18, 20).
 * Windows close by themselves when their deadline fires; a fixed date that passes with its step
 * undone raises an overdue alert and never moves a stage. A trigger that no longer applies (stale
 * deadline, act in the wrong stage) changes nothing and says why, so triggers are safe to deliver
 * twice or late.
 */

export interface Deadline {
  readonly id: string;
  readonly stage: StageName | 'OBJECTION';
  readonly league: LeagueCode | null;
  readonly caseId: string | null;
  /** `fixed`: a "by" date or limit — passing it raises an alert; `window`: closing it moves the stage. */
  readonly type: 'fixed' | 'window';
  readonly on: LegalDate;
  /** 23:59:59 Asia/Shanghai of `on`, as a UTC instant (I12, I13). */
  readonly at: string;
  readonly article: string;
  readonly provisional: boolean;
  /** How `on` was computed from working days (null for a calendar "by" date), so it can be recomputed (I11). */
  readonly basis: { readonly from: LegalDate; readonly workingDays: number } | null;
  readonly status: 'scheduled' | 'fired' | 'cancelled';
}

interface OverdueAlert {
  readonly id: string;
  readonly deadlineId: string;
  readonly league: LeagueCode | null;
  /** Who must act: a league bureau or the region (Art 8). */
  readonly responsible: JurisdictionCode;
  readonly stage: StageName | 'OBJECTION';
  readonly limitOn: LegalDate;
  readonly article: string;
  readonly raisedOn: LegalDate;
  readonly status: 'open' | 'resolved';
  readonly resolvedOn: LegalDate | null;
}

interface Objection {
  readonly caseId: string;
  readonly league: LeagueCode;
  readonly receivedOn: LegalDate;
  readonly status: 'open' | 'reviewed';
  readonly reviewedOn: LegalDate | null;
}

/** Where one league (or the region) stands: an index into the kind's stage list. */
interface Track {
  readonly stageIndex: number;
  readonly enteredOn: LegalDate;
  /** For a stage opened by a notice: the day its window opened. */
  readonly openedOn: LegalDate | null;
  /** Acts done in the current stage that a later act requires (the region's review). */
  readonly done: readonly Act[];
}

export interface Cycle {
  readonly kind: CycleKind;
  readonly year: number;
  readonly openedAt: string;
  /** League-scoped stages, per league (Art 16-18: each league bureau runs its own). */
  readonly leagues: Readonly<Partial<Record<LeagueCode, Track>>>;
  /** The region's stages, once every league has reported. */
  readonly region: Track | null;
  readonly deadlines: readonly Deadline[];
  readonly alerts: readonly OverdueAlert[];
  readonly objections: readonly Objection[];
  readonly version: number;
}

export type Trigger =
  | { readonly type: 'act'; readonly act: Act; readonly league?: LeagueCode; readonly caseId?: string }
  | { readonly type: 'deadline'; readonly deadlineId: string; readonly at: string };

type Notice = {
  readonly to: JurisdictionCode | 'participants';
  readonly league: LeagueCode | null;
  readonly message: string;
};

/** What the outside world must do after a transition. */
export type Effect =
  | { readonly type: 'scheduleDeadline'; readonly deadline: Deadline }
  | { readonly type: 'cancelDeadline'; readonly deadlineId: string }
  | { readonly type: 'overdueAlert'; readonly alert: OverdueAlert; readonly overdueByWorkingDays: number }
  | { readonly type: 'alertResolved'; readonly alertId: string }
  | {
      readonly type: 'stageChanged';
      readonly league: LeagueCode | null;
      readonly from: StageName | null;
      readonly to: StageName;
    }
  | { readonly type: 'notice'; readonly notice: Notice }
  | { readonly type: 'atRisk'; readonly league: LeagueCode | null; readonly deadlines: readonly PlannedDeadline[] };

type RefusalCode =
  | 'UNKNOWN_DEADLINE'
  | 'DEADLINE_NOT_SCHEDULED'
  | 'STALE_DEADLINE'
  | 'NOT_DUE'
  | 'UNKNOWN_LEAGUE'
  | 'LEAGUE_REQUIRED'
  | 'LEAGUES_NOT_DONE'
  | 'WRONG_STAGE'
  | 'WINDOW_NOT_OPEN'
  | 'ALREADY_DONE'
  | 'REQUIRES_ACT'
  | 'OBJECTIONS_OPEN'
  | 'WINDOW_CLOSED'
  | 'UNKNOWN_OBJECTION'
  | 'CASE_ID_REQUIRED'
  | 'CYCLE_FINISHED';

type TransitionResult =
  | { readonly ok: true; readonly cycle: Cycle; readonly effects: readonly Effect[] }
  | {
      readonly ok: false;
      readonly cycle: Cycle;
      readonly refusal: { readonly code: RefusalCode; readonly message: string };
    };

// ---------------------------------------------------------------------------------------------

const stagesOf = (kind: CycleKind): readonly StageDefinition[] => CYCLES[kind];

/** A mutable working copy for one transition; the input cycle is never changed. */
class Draft {
  leagues: Partial<Record<LeagueCode, Track>>;
  region: Track | null;
  deadlines: Deadline[];
  alerts: OverdueAlert[];
  objections: Objection[];
  readonly effects: Effect[] = [];

  constructor(
    readonly base: Cycle,
    readonly today: LegalDate,
    readonly cal: WorkingCalendar,
  ) {
    this.leagues = { ...base.leagues };
    this.region = base.region;
    this.deadlines = [...base.deadlines];
    this.alerts = [...base.alerts];
    this.objections = [...base.objections];
  }

  get kind(): CycleKind {
    return this.base.kind;
  }

  finish(): Cycle {
    return {
      ...this.base,
      leagues: this.leagues,
      region: this.region,
      deadlines: this.deadlines,
      alerts: this.alerts,
      objections: this.objections,
      version: this.base.version + 1,
    };
  }

  track(league: LeagueCode | null): Track | null {
    return league ? (this.leagues[league] ?? null) : this.region;
  }

  setTrack(league: LeagueCode | null, t: Track): void {
    if (league) this.leagues[league] = t;
    else this.region = t;
  }

  schedule(d: Omit<Deadline, 'status'>): void {
    const deadline: Deadline = { ...d, status: 'scheduled' };
    this.deadlines = [...this.deadlines.filter((x) => x.id !== d.id), deadline];
    this.effects.push({ type: 'scheduleDeadline', deadline });
  }

  /** Cancels a scheduled deadline (its step is done) and resolves its open alert. */
  settle(id: string): void {
    const d = this.deadlines.find((x) => x.id === id);
    if (d?.status === 'scheduled') {
      this.deadlines = this.deadlines.map((x) => (x.id === id ? { ...x, status: 'cancelled' } : x));
      this.effects.push({ type: 'cancelDeadline', deadlineId: id });
    }
    const alert = this.alerts.find((a) => a.deadlineId === id && a.status === 'open');
    if (alert) {
      this.alerts = this.alerts.map((a) => (a === alert ? { ...a, status: 'resolved', resolvedOn: this.today } : a));
      this.effects.push({ type: 'alertResolved', alertId: alert.id });
    }
  }

  notify(to: Notice['to'], league: LeagueCode | null, message: string): void {
    this.effects.push({ type: 'notice', notice: { to, league, message } });
  }
}

const responsibleFor = (league: LeagueCode | null): JurisdictionCode => league ?? REGION_CODE;

const windowDeadline = (
  draft: Draft,
  stage: StageName | 'OBJECTION',
  edge: 'end' | 'review',
  type: Deadline['type'],
  league: LeagueCode | null,
  from: LegalDate,
  workingDays: number,
  article: string,
  caseId: string | null = null,
): Omit<Deadline, 'status'> => {
  const close = addWorkingDays(from, workingDays, draft.cal);
  return {
    id: deadlineId(stage, edge, league ?? undefined, caseId ?? undefined),
    stage,
    league,
    caseId,
    type,
    on: close.closesOn,
    at: close.closesAt,
    article,
    provisional: close.provisional,
    basis: { from, workingDays },
  };
};

/** Fixed "by" dates of year Y+1, scheduled when the cycle opens (per league, or for the region). */
const fixedDeadlines = (kind: CycleKind, year: number, league: LeagueCode | null): Omit<Deadline, 'status'>[] =>
  stagesOf(kind)
    .filter((s) => s.limit?.type === 'fixed' && (s.scope === 'league') === (league !== null))
    .map((s) => {
      const limit = s.limit as Extract<StageDefinition['limit'], { type: 'fixed' }>;
      const d = byDate(fixedLimitDate(limit, year));
      return {
        id: deadlineId(s.stage, limit.mode, league ?? undefined),
        stage: s.stage,
        league,
        caseId: null,
        type: 'fixed' as const,
        on: d.closesOn,
        at: d.closesAt,
        article: limit.article,
        provisional: false,
        basis: null,
      };
    });

/** Enters a stage: its after-previous limit starts, and a "start" limit is met if it needs no notice. */
const enterStage = (draft: Draft, league: LeagueCode | null, index: number, from: StageName | null): void => {
  const def = stagesOf(draft.kind)[index]!;
  draft.setTrack(league, { stageIndex: index, enteredOn: draft.today, openedOn: null, done: [] });
  draft.effects.push({ type: 'stageChanged', league, from, to: def.stage });
  if (def.limit?.type === 'afterPrevious') {
    const d = windowDeadline(
      draft,
      def.stage,
      'end',
      'fixed',
      league,
      draft.today,
      def.limit.workingDays,
      def.limit.article,
    );
    draft.schedule(d);
    draft.notify(
      responsibleFor(league),
      league,
      `请于${d.on}前完成“${STAGE_NAMES[def.stage]}”（${def.limit.article}）。`,
    );
  }
  if (def.limit?.type === 'fixed' && def.limit.mode === 'start' && !def.opensOn)
    draft.settle(deadlineId(def.stage, 'start', league ?? undefined));
};

/** Ends the current stage of a track and enters the next; the last league stage hands over to the region. */
const endStage = (draft: Draft, league: LeagueCode | null): void => {
  const track = draft.track(league)!;
  const stages = stagesOf(draft.kind);
  const def = stages[track.stageIndex]!;
  // The stage's own limits are met.
  if (def.limit?.type === 'fixed' && def.limit.mode === 'end')
    draft.settle(deadlineId(def.stage, 'end', league ?? undefined));
  if (def.limit?.type === 'afterPrevious') draft.settle(deadlineId(def.stage, 'end', league ?? undefined));
  const next = track.stageIndex + 1;
  if (league && stages[next]?.scope === 'region') {
    draft.setTrack(league, { stageIndex: next, enteredOn: draft.today, openedOn: null, done: [] });
    draft.notify(REGION_CODE, league, `${jurisdictionName(league)}已完成盟市阶段（${STAGE_NAMES[def.stage]}）。`);
    const allDone = Object.values(draft.leagues).every((t) => t!.stageIndex >= next);
    if (allDone && draft.region === null) enterStage(draft, null, next, null);
    return;
  }
  enterStage(draft, league, next, def.stage);
};

const refuse = (cycle: Cycle, code: RefusalCode, message: string): TransitionResult => ({
  ok: false,
  cycle,
  refusal: { code, message },
});

// ---------------------------------------------------------------------------------------------

/** Opens the cycle of evaluation year `year` for the given leagues (all twelve by default). */
export const openCycle = (
  kind: CycleKind,
  year: number,
  now: string,
  cal: WorkingCalendar,
  leagues: readonly LeagueCode[] = LEAGUE_CODES,
): { cycle: Cycle; effects: Effect[] } => {
  const today = legalDateOfInstant(now);
  const base: Cycle = {
    kind,
    year,
    openedAt: now,
    leagues: {},
    region: null,
    deadlines: [],
    alerts: [],
    objections: [],
    version: 0,
  };
  const draft = new Draft(base, today, cal);
  for (const league of leagues) {
    enterStage(draft, league, 0, null);
    for (const d of fixedDeadlines(kind, year, league)) draft.schedule(d);
  }
  for (const d of fixedDeadlines(kind, year, null)) draft.schedule(d);
  const plan = planFrom(kind, year, cal, 0, today, false);
  const atRisk = plan.filter((d) => d.atRiskBy > 0);
  if (atRisk.length > 0) draft.effects.push({ type: 'atRisk', league: null, deadlines: atRisk });
  return { cycle: { ...draft.finish(), version: 1 }, effects: draft.effects };
};

/** Applies one trigger. Refusals change nothing. */
export const transition = (cycle: Cycle, trigger: Trigger, now: string, cal: WorkingCalendar): TransitionResult => {
  const today = legalDateOfInstant(now);
  return trigger.type === 'deadline' ? onDeadline(cycle, trigger, now, today, cal) : onAct(cycle, trigger, today, cal);
};

const onDeadline = (
  cycle: Cycle,
  trigger: Extract<Trigger, { type: 'deadline' }>,
  now: string,
  today: LegalDate,
  cal: WorkingCalendar,
): TransitionResult => {
  const d = cycle.deadlines.find((x) => x.id === trigger.deadlineId);
  if (!d) return refuse(cycle, 'UNKNOWN_DEADLINE', `期限 ${trigger.deadlineId} 不存在`);
  if (d.status !== 'scheduled')
    return refuse(
      cycle,
      'DEADLINE_NOT_SCHEDULED',
      `期限 ${d.id} 已${d.status === 'fired' ? '到期处理' : '取消'}，不再处理`,
    );
  if (d.at !== trigger.at) return refuse(cycle, 'STALE_DEADLINE', `期限 ${d.id} 已改为 ${d.on}，本次触发作废`);
  if (now < d.at) return refuse(cycle, 'NOT_DUE', `期限 ${d.id} 尚未到期（${d.on}）`);

  const draft = new Draft(cycle, today, cal);
  draft.deadlines = draft.deadlines.map((x) => (x.id === d.id ? { ...x, status: 'fired' } : x));
  if (d.type === 'window') {
    // A window closes by itself: the stage it belongs to ends (docs/timeline.md "windows").
    const track = draft.track(d.league);
    const def = track ? stagesOf(cycle.kind)[track.stageIndex] : undefined;
    if (!track || def?.stage !== d.stage) return refuse(cycle, 'WRONG_STAGE', `期限 ${d.id} 所属阶段已结束`);
    draft.notify('participants', d.league, `“${STAGE_NAMES[d.stage]}”期限已于${d.on}届满（${d.article}）。`);
    endStage(draft, d.league);
    return { ok: true, cycle: draft.finish(), effects: draft.effects };
  }
  // A fixed date or limit passed with its step undone: an overdue alert, never a stage change.
  const overdue = workingDaysAfter(d.on, today, cal).days;
  const alert: OverdueAlert = {
    id: `${d.id}:overdue`,
    deadlineId: d.id,
    league: d.league,
    responsible: responsibleFor(d.league),
    stage: d.stage,
    limitOn: d.on,
    article: d.article,
    raisedOn: today,
    status: 'open',
    resolvedOn: null,
  };
  draft.alerts = [...draft.alerts.filter((a) => a.id !== alert.id), alert];
  draft.effects.push({ type: 'overdueAlert', alert, overdueByWorkingDays: overdue });
  const what = d.stage === 'OBJECTION' ? `异议 ${d.caseId} 的复核` : `“${STAGE_NAMES[d.stage]}”`;
  draft.notify(
    alert.responsible,
    d.league,
    `逾期提醒：${what}应于${d.on}前完成（${d.article}），现已逾期${overdue}个工作日。`,
  );
  return { ok: true, cycle: draft.finish(), effects: draft.effects };
};

const onAct = (
  cycle: Cycle,
  trigger: Extract<Trigger, { type: 'act' }>,
  today: LegalDate,
  cal: WorkingCalendar,
): TransitionResult => {
  const { act } = trigger;
  let league: LeagueCode | null = null;
  if (ACT_ROLES[act] === 'league') {
    if (!trigger.league) return refuse(cycle, 'LEAGUE_REQUIRED', `“${ACT_NAMES[act]}”须指明盟市`);
    if (!isLeagueCode(trigger.league) || !cycle.leagues[trigger.league])
      return refuse(cycle, 'UNKNOWN_LEAGUE', `盟市 ${trigger.league} 不在本评价周期内`);
    league = trigger.league;
  }
  const stages = stagesOf(cycle.kind);
  const track = league ? cycle.leagues[league]! : cycle.region;
  if (!track) return refuse(cycle, 'LEAGUES_NOT_DONE', `尚有盟市未完成报送，自治区阶段未开始`);
  const def = stages[track.stageIndex];
  if (!def || (league && def.scope === 'region'))
    return refuse(cycle, 'ALREADY_DONE', `${league ? jurisdictionName(league) : '自治区'}已完成该阶段`);
  if (def.final) return refuse(cycle, 'CYCLE_FINISHED', '本评价周期已完成');
  const draft = new Draft(cycle, today, cal);
  const here = `当前阶段为“${STAGE_NAMES[def.stage]}”`;

  if (act === 'objectionReceived' || act === 'objectionReviewed')
    return onObjection(draft, trigger, league!, def, track);

  if (def.opensOn === act) {
    if (track.openedOn) return refuse(cycle, 'ALREADY_DONE', `${here}，已于${track.openedOn}开始`);
    draft.setTrack(league, { ...track, openedOn: today });
    if (def.limit?.type === 'fixed' && def.limit.mode === 'start')
      draft.settle(deadlineId(def.stage, 'start', league ?? undefined));
    if (def.ends?.by === 'window') {
      const d = windowDeadline(
        draft,
        def.stage,
        'end',
        'window',
        league,
        today,
        def.ends.workingDays,
        def.ends.article,
      );
      draft.schedule(d);
      draft.notify(
        'participants',
        league,
        `“${STAGE_NAMES[def.stage]}”自${today}起，于${d.on}届满（${def.ends.article}${d.provisional ? '；期限为暂定，官方节假日安排公布后重新计算' : ''}）。`,
      );
      const atRisk = planFrom(cycle.kind, cycle.year, cal, track.stageIndex, d.on, true).filter((p) => p.atRiskBy > 0);
      if (atRisk.length > 0) draft.effects.push({ type: 'atRisk', league, deadlines: atRisk });
    }
    return { ok: true, cycle: draft.finish(), effects: draft.effects };
  }
  if (def.requires === act) {
    if (track.done.includes(act)) return refuse(cycle, 'ALREADY_DONE', `“${ACT_NAMES[act]}”已完成`);
    draft.setTrack(league, { ...track, done: [...track.done, act] });
    return { ok: true, cycle: draft.finish(), effects: draft.effects };
  }
  if (def.ends?.by === 'act' && def.ends.act === act) {
    if (def.opensOn && !track.openedOn)
      return refuse(cycle, 'WINDOW_NOT_OPEN', `${here}，尚未“${ACT_NAMES[def.opensOn]}”`);
    if (def.requires && !track.done.includes(def.requires))
      return refuse(cycle, 'REQUIRES_ACT', `${here}，须先“${ACT_NAMES[def.requires]}”`);
    if (league && cycle.objections.some((o) => o.league === league && o.status === 'open'))
      return refuse(cycle, 'OBJECTIONS_OPEN', `${jurisdictionName(league)}尚有异议未复核`);
    endStage(draft, league);
    return { ok: true, cycle: draft.finish(), effects: draft.effects };
  }
  return refuse(cycle, 'WRONG_STAGE', `${here}，不能“${ACT_NAMES[act]}”`);
};

/** Objections (Art 17(3), 18(4)): received within the confirmation window, each reviewed within N wd. */
const onObjection = (
  draft: Draft,
  trigger: Extract<Trigger, { type: 'act' }>,
  league: LeagueCode,
  def: StageDefinition,
  track: Track,
): TransitionResult => {
  const cycle = draft.base;
  const caseId = trigger.caseId;
  if (!caseId) return refuse(cycle, 'CASE_ID_REQUIRED', '异议须有案件编号（caseId）');
  if (trigger.act === 'objectionReceived') {
    if (!def.objections) return refuse(cycle, 'WRONG_STAGE', `当前阶段为“${STAGE_NAMES[def.stage]}”，不受理异议`);
    if (!track.openedOn) return refuse(cycle, 'WINDOW_NOT_OPEN', '尚未通知确认环境信息和预评结果');
    if (cycle.objections.some((o) => o.caseId === caseId))
      return refuse(cycle, 'ALREADY_DONE', `异议 ${caseId} 已受理`);
    draft.objections = [
      ...draft.objections,
      { caseId, league, receivedOn: draft.today, status: 'open', reviewedOn: null },
    ];
    const d = windowDeadline(
      draft,
      'OBJECTION',
      'review',
      'fixed',
      league,
      draft.today,
      def.objections.reviewWorkingDays,
      def.objections.article,
      caseId,
    );
    draft.schedule(d);
    draft.notify(league, league, `已受理异议 ${caseId}，须于${d.on}前复核并通知参评方（${def.objections.article}）。`);
    return { ok: true, cycle: draft.finish(), effects: draft.effects };
  }
  const objection = cycle.objections.find((o) => o.caseId === caseId && o.league === league);
  if (!objection) return refuse(cycle, 'UNKNOWN_OBJECTION', `异议 ${caseId} 不存在`);
  if (objection.status === 'reviewed') return refuse(cycle, 'ALREADY_DONE', `异议 ${caseId} 已复核`);
  draft.objections = draft.objections.map((o) =>
    o === objection ? { ...o, status: 'reviewed', reviewedOn: draft.today } : o,
  );
  draft.settle(deadlineId('OBJECTION', 'review', league, caseId));
  return { ok: true, cycle: draft.finish(), effects: draft.effects };
};

/** The stage a league or the region is in, by name. */
export const stageOf = (cycle: Cycle, league: LeagueCode | null): StageName | null => {
  const track = league ? cycle.leagues[league] : cycle.region;
  if (!track) return null;
  const def = stagesOf(cycle.kind)[track.stageIndex]!;
  return league && def.scope === 'region' ? null : def.stage;
};

export const openAlerts = (cycle: Cycle): OverdueAlert[] => cycle.alerts.filter((a) => a.status === 'open');
export const scheduledDeadlines = (cycle: Cycle): Deadline[] => cycle.deadlines.filter((d) => d.status === 'scheduled');
