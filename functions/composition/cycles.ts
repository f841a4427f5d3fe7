import type { CycleKind } from '../../domain/cycles/definitions.ts';
import { CycleTransitions } from '../cycles/cycleTransitions.ts';
import { FireDeadline } from '../cycles/fireDeadline.ts';
import { LoadCalendar } from '../cycles/loadCalendar.ts';
import { OpenCycle } from '../cycles/openCycle.ts';
import { ReadCycle } from '../cycles/readCycle.ts';
import { RecordAct } from '../cycles/recordAct.ts';
import type { CyclesApiUseCases } from '../cycles-api/handler.ts';
import type { ProfileStore, RepairApplicationStore, SubjectDirectory } from '../ports/store.ts';
import { planPublication } from '../publication/publishResults.ts';
import { FlagOverdueRepair } from '../repairs/flagOverdueRepair.ts';
import type { Edges, StoreEdge } from './edges.ts';

type TransitionEdges = Pick<Edges, 'cycleStore' | 'scheduler' | 'clock'>;
type PlanningEdges = Pick<Edges, 'rescoreQueue'> & StoreEdge<SubjectDirectory>;

/** Plans a year's publication when the region records `published`: one rescore-queue message per batch. */
const planPublicationOf =
  (e: PlanningEdges) =>
  (kind: CycleKind, year: number, publishedOn: string): Promise<number> =>
    planPublication(e.store, kind, year, publishedOn, (m) => e.rescoreQueue.send(m));

const transitionsOf = (e: TransitionEdges): CycleTransitions =>
  new CycleTransitions(e.cycleStore, e.scheduler, e.clock);

/** The cycles API's use cases; the region's `published` act plans the year's publication (Art 16(5), 17(7)). */
export const cyclesApiUseCases = (e: TransitionEdges & PlanningEdges): CyclesApiUseCases => {
  const transitions = transitionsOf(e);
  return {
    openCycle: new OpenCycle(e.cycleStore, transitions),
    readCycle: new ReadCycle(e.cycleStore, transitions),
    recordAct: new RecordAct(e.cycleStore, transitions, planPublicationOf(e)),
    loadCalendar: new LoadCalendar(e.cycleStore, transitions),
  };
};

export type FiringEdges = TransitionEdges &
  Pick<Edges, 'recordQueue'> &
  StoreEdge<ProfileStore & RepairApplicationStore>;

/** Fires a due deadline: a cycle's, a credit warning's (Art 22) or a repair's verification limit (Art 23). */
export const fireDeadline = (e: FiringEdges): FireDeadline => {
  // The repair deadlines' side only: it raises an overdue alert and re-issues nothing (no push queue).
  const repairs = new FlagOverdueRepair(e.store, e.cycleStore, e.clock);
  return new FireDeadline(e.cycleStore, transitionsOf(e), e.recordQueue, (target) => repairs.verificationDue(target));
};
