import { type Effect, type Trigger, transition } from '../../domain/cycles/cycle.ts';
import type { CycleKind } from '../../domain/cycles/definitions.ts';
import type { LeagueCode } from '../../domain/identifiers/leagues.ts';
import type { CycleStore } from '../ports/cycleStore.ts';
import type { StaffClaims } from '../ports/identity.ts';
import { NO_REPORT_GATE, type ReportGate } from '../reports/reportGate.ts';
import { actorOf } from '../shared/auth.ts';
import { type Conflict, conflict, type NotFound, notFound, type Outcome, ok } from '../shared/errors.ts';
import type { RecordActRequest } from './contracts.ts';
import { type CycleTransitions, MAX_ATTEMPTS } from './cycleTransitions.ts';
import { type CycleView, cycleView } from './cycleView.ts';

/** Publishes a year's results when the region records `published` (Art 16(5), 17(7)); the number of messages planned. */
export type PublishYear = (kind: CycleKind, year: number, publishedOn: string) => Promise<number>;

/** The acts that notify a league's participants in writing: the participants' notice (Art 20), the confirmation notice (Art 17(3)). */
export type NotifyingAct = 'participantsNotified' | 'confirmationNotified';
const NOTIFYING_ACTS: readonly string[] = ['participantsNotified', 'confirmationNotified'] satisfies NotifyingAct[];

/**
 * Issues the notices of a league once it recorded a notifying act: idempotent, so it runs again
 * when the act is recorded again (docs/notices.md).
 */
export type NotifyParticipants = (
  of: { readonly year: number; readonly kind: CycleKind; readonly league: LeagueCode },
  actor: string,
  act: NotifyingAct,
) => Promise<unknown>;

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
    private readonly notifyParticipants: NotifyParticipants = async () => undefined,
    /** The league reports' conditions on `reportSent` and `regionReleased` (docs/reports.md). */
    private readonly reports: ReportGate = NO_REPORT_GATE,
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
      const notified = NOTIFYING_ACTS.includes(act) && trigger.league !== undefined;
      if (!r.ok) {
        // Recorded again after a failure: the notices the first time did not issue are issued now.
        if (notified && r.refusal.code === 'ALREADY_DONE')
          await this.notifyParticipants(
            { year: cycle.year, kind: cycle.kind, league: trigger.league! },
            actorOf(claims),
            act as NotifyingAct,
          );
        // Recorded again after a failure: the report the first time did not mark sent is marked now.
        if (r.refusal.code === 'ALREADY_DONE') await this.reports.recorded(cycle, act, trigger.league, actorOf(claims));
        return conflict(r.refusal.code, r.refusal.message);
      }
      const gate = await this.reports.refusal(cycle, act, trigger.league);
      if (gate) return conflict(gate.code, gate.message);
      if (await this.transitions.commit(cycle, r.cycle, r.effects, actorOf(claims), `act.${act}`, why)) {
        await this.reports.recorded(cycle, act, trigger.league, actorOf(claims));
        if (act === 'published') await this.publish(cycle.kind, cycle.year, this.transitions.today());
        if (notified)
          await this.notifyParticipants(
            { year: cycle.year, kind: cycle.kind, league: trigger.league! },
            actorOf(claims),
            act as NotifyingAct,
          );
        return ok({ ...cycleView(r.cycle, cal, this.transitions.today()), effects: r.effects });
      }
    }
    return conflict('BUSY', '评价周期正被他人修改，请稍后重试');
  }
}
