import { type Effect, type Trigger, transition } from '../../domain/cycles/cycle.ts';
import type { CycleKind } from '../../domain/cycles/definitions.ts';
import type { LeagueCode } from '../../domain/identifiers/leagues.ts';
import type { CycleStore } from '../ports/cycleStore.ts';
import type { StaffClaims } from '../ports/identity.ts';
import { actorOf } from '../shared/auth.ts';
import { type Conflict, conflict, type NotFound, notFound, type Outcome, ok } from '../shared/errors.ts';
import type { RecordActRequest } from './contracts.ts';
import { type CycleTransitions, MAX_ATTEMPTS } from './cycleTransitions.ts';
import { type CycleView, cycleView } from './cycleView.ts';

/** Publishes a year's results when the region records `published` (Art 16(5), 17(7)); the number of messages planned. */
export type PublishYear = (kind: CycleKind, year: number, publishedOn: string) => Promise<number>;

/**
 * `POST /v1/cycles/{year}/{kind}/acts`: an act of Art 16-18, already authorised for the caller's
 * role (`cycle.act` in shared/policy.ts). The domain decides whether the act fits the stage; a
 * refusal is a 409 with the domain's code (`WRONG_STAGE`, `OBJECTIONS_OPEN`…).
 */
export class RecordAct {
  constructor(
    private readonly cycles: CycleStore,
    private readonly transitions: CycleTransitions,
    private readonly publish: PublishYear,
  ) {}

  async execute(
    claims: StaffClaims,
    cycleOf: { readonly year: number; readonly kind: CycleKind },
    request: RecordActRequest,
    why: string | null,
  ): Promise<Outcome<CycleView & { effects: readonly Effect[] }, NotFound | Conflict>> {
    const { act, league, caseId } = request;
    const trigger: Trigger = {
      type: 'act',
      act,
      ...(league !== undefined ? { league: league as LeagueCode } : {}),
      ...(caseId !== undefined ? { caseId } : {}),
    };
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const cycle = await this.cycles.getCycle(cycleOf.year, cycleOf.kind);
      if (!cycle) return notFound;
      const cal = await this.transitions.calendar();
      const r = transition(cycle, trigger, this.transitions.now(), cal);
      if (!r.ok) return conflict(r.refusal.code, r.refusal.message);
      if (await this.transitions.commit(cycle, r.cycle, r.effects, actorOf(claims), `act.${act}`, why)) {
        if (act === 'published') await this.publish(cycle.kind, cycle.year, this.transitions.today());
        return ok({ ...cycleView(r.cycle, cal, this.transitions.today()), effects: r.effects });
      }
    }
    return conflict('BUSY', '评价周期正被他人修改，请稍后重试');
  }
}
