import type { Cycle } from '../../domain/cycles/cycle.ts';
import { legalDateOfInstant } from '../../domain/dates.ts';
import type { LeagueCode } from '../../domain/identifiers/leagues.ts';
import {
  disputedRecords,
  type Objection,
  type ObjectionWindow,
  reviewDeadlineOf,
  windowFor,
} from '../../domain/objections/objection.ts';
import type { ListedEmployers } from '../lookup/listedEmployers.ts';
import type { LookupScore } from '../lookup/lookupScore.ts';
import type { CycleStore } from '../ports/cycleStore.ts';
import type { ObjectionStore, RecordsConfirmation } from '../ports/objections.ts';
import type { ProfileStore, SubjectRef } from '../ports/store.ts';
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
import { confirmingSubject, type OnBehalf } from './confirmingSubject.ts';

type LookupBody = Extract<Awaited<ReturnType<LookupScore['execute']>>, { status: 'ok' }>['body'];

export interface ObjectionWithLimit extends Objection {
  /** The review limit on the cycle's deadline path; null until the cycle has received it. */
  readonly reviewBy: { readonly on: string; readonly article: string; readonly overdue: boolean } | null;
}

export interface ConfirmationView {
  /** The participant confirmed for: the signed-in unit, or a practitioner it filed (Art 18(4)). */
  readonly self: SubjectRef;
  /** The participant's name (a practitioner's as its employer filed it). */
  readonly name: string;
  readonly league: LeagueCode;
  /** The cycle the participant confirms in; null when none of its kind runs in its league. */
  readonly cycle: { readonly year: number; readonly kind: Cycle['kind'] } | null;
  readonly window: ObjectionWindow;
  /** The participant's live result of the cycle's year (its records with points, its pre-grade). */
  readonly result: LookupBody | null;
  readonly objections: readonly ObjectionWithLimit[];
  readonly confirmation: RecordsConfirmation | null;
  /** Records under an open objection (有异议（复核中）). */
  readonly disputed: ReadonlySet<string>;
}

export type ConfirmationRefusal = Unauthorized | Forbidden | NotFound | Conflict;

/**
 * The cycle a participant confirms in: the one whose league stage is CONFIRMATION, else the newest;
 * for a practitioner its employer filed, the cycle of the year it was filed for.
 */
const cycleFor = (
  cycles: readonly Cycle[],
  self: SubjectRef,
  league: LeagueCode,
  now: string,
  year?: number,
): Cycle | null => {
  const mine = cycles
    .filter((c) => c.kind === self.kind && c.leagues[league] && (year === undefined || c.year === year))
    .sort((a, b) => b.year - a.year);
  return mine.find((c) => windowFor(c, league, now).open) ?? mine[0] ?? null;
};

/**
 * The participant's confirmation (Art 17(3), 18(4)): its records with points and its pre-grade as the
 * domain evaluates them, the objection deadline, its objections with their status and outcome, and
 * whether it has confirmed (确认无误). `confirm` stores the confirmation once, audited. `onBehalf`: the
 * unit's practitioner of that year, once listed (Art 18(1), 18(4)), read and confirmed by the unit.
 */
export class ReadConfirmation {
  constructor(
    private readonly store: ProfileStore,
    private readonly objections: ObjectionStore,
    private readonly cycles: CycleStore,
    private readonly lookup: Pick<LookupScore, 'execute'>,
    private readonly clock: Clock,
    private readonly employers?: Pick<ListedEmployers, 'filingOf'>,
  ) {}

  async execute(caller: Caller, onBehalf?: OnBehalf): Promise<Outcome<ConfirmationView, ConfirmationRefusal>> {
    const me = await confirmingSubject(caller, this.store, this.employers, onBehalf);
    if (me.status !== 'ok') return me;
    const { subject: self, league, name } = me.value;
    const now = this.clock.now().toISOString();
    const cycle = cycleFor(await this.cycles.listCycles(), self, league, now, onBehalf?.year);
    const all = await this.objections.objectionsOfSubject(self);
    const mine = cycle ? all.filter((o) => o.cycle.year === cycle.year && o.cycle.kind === cycle.kind) : [];
    const found = cycle
      ? await this.lookup.execute(caller, { kind: self.kind, id: self.id, year: String(cycle.year) })
      : null;
    return ok({
      self,
      name,
      league,
      cycle: cycle ? { year: cycle.year, kind: cycle.kind } : null,
      window: cycle
        ? windowFor(cycle, league, this.clock.now().toISOString())
        : { open: false, reason: '本年度评价周期尚未开始' },
      result: found?.status === 'ok' ? found.body : null,
      objections: mine.map((o) => ({ ...o, reviewBy: cycle ? reviewDeadlineOf(cycle, o) : null })),
      confirmation: cycle ? await this.objections.confirmation(self, cycle.year, cycle.kind) : null,
      disputed: disputedRecords(mine),
    });
  }

  /** 确认无误: within the window only (Art 17(3), 18(4)); confirming twice changes nothing. */
  async confirm(
    caller: Caller,
    year: number,
    onBehalf?: string,
  ): Promise<Outcome<RecordsConfirmation, ConfirmationRefusal>> {
    const me = await confirmingSubject(
      caller,
      this.store,
      this.employers,
      onBehalf === undefined ? undefined : { residentId: onBehalf, year },
    );
    if (me.status !== 'ok') return me;
    const { subject: self, league, claims } = me.value;
    const kind = self.kind;
    const existing = await this.objections.confirmation(self, year, kind);
    if (existing) return ok(existing);
    const cycle = await this.cycles.getCycle(year, kind);
    if (!cycle) return notFound;
    // Enterprises have no confirmation stage (Art 16); they may only object in publicity.
    if (kind === 'enterprise') return conflict('WRONG_STAGE', '企业评价没有确认环节，可在公示期间提出异议');
    const window = windowFor(cycle, league, this.clock.now().toISOString());
    if (!window.open) return conflict('WINDOW_CLOSED', window.reason);
    const at = this.clock.now().toISOString();
    const confirmation: RecordsConfirmation = {
      subject: self,
      year,
      kind,
      league,
      confirmedAt: at,
      confirmedBy: actorOf(claims),
    };
    await this.objections.confirm(confirmation, {
      subject: self,
      at,
      actor: confirmation.confirmedBy,
      action: 'records.confirmed',
      what: { year, on: legalDateOfInstant(this.clock.now()) },
      why: null,
    });
    return ok((await this.objections.confirmation(self, year, kind)) ?? confirmation);
  }
}
