import type { CycleKind } from '../../domain/cycles/definitions.ts';
import type { CycleStore } from '../ports/cycleStore.ts';
import { type NotFound, notFound, type Outcome, ok } from '../shared/errors.ts';
import type { CycleTransitions } from './cycleTransitions.ts';
import { type CycleView, cycleView } from './cycleView.ts';

/** `GET /v1/cycles/{year}/{kind}` (the region and league bureaus): where the cycle stands. */
export class ReadCycle {
  constructor(
    private readonly cycles: CycleStore,
    private readonly transitions: CycleTransitions,
  ) {}

  async execute(year: number, kind: CycleKind): Promise<Outcome<CycleView, NotFound>> {
    const cycle = await this.cycles.getCycle(year, kind);
    return cycle ? ok(cycleView(cycle, await this.transitions.calendar(), this.transitions.today())) : notFound;
  }
}
