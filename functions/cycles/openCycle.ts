import { openCycle } from '../../domain/cycles/cycle.ts';
import type { CycleStore } from '../ports/cycleStore.ts';
import type { StaffClaims } from '../ports/identity.ts';
import { actorOf } from '../shared/auth.ts';
import { type Conflict, conflict, type Outcome, ok } from '../shared/errors.ts';
import type { OpenCycleRequest } from './contracts.ts';
import type { CycleTransitions } from './cycleTransitions.ts';
import { type CycleView, cycleView } from './cycleView.ts';

const EXISTS = conflict('CYCLE_EXISTS', '该评价周期已开启');

/**
 * `POST /v1/cycles` (the region, Art 8): opens the cycle of an evaluation year — every league
 * listing, the fixed dates of Art 16-18 scheduled. A cycle is opened once.
 */
export class OpenCycle {
  constructor(
    private readonly cycles: CycleStore,
    private readonly transitions: CycleTransitions,
  ) {}

  async execute(claims: StaffClaims, { kind, year }: OpenCycleRequest): Promise<Outcome<CycleView, Conflict>> {
    if (await this.cycles.getCycle(year, kind)) return EXISTS;
    const cal = await this.transitions.calendar();
    const { cycle, effects } = openCycle(kind, year, this.transitions.now(), cal);
    if (!(await this.transitions.commit(null, cycle, effects, actorOf(claims), 'cycle.opened', null))) return EXISTS;
    return ok(cycleView(cycle, cal, this.transitions.today()));
  }
}
