import type { FireDeadline } from '../cycles/fireDeadline.ts';
import type { SubjectDirectory } from '../ports/store.ts';
import { createRescorePlannerHandler } from '../rescore-planner/handler.ts';
import { PlanNightlyRun } from '../rescore-planner/planNightlyRun.ts';
import { type FiringEdges, fireDeadline, markLateFilingsOf } from './cycles.ts';
import type { Edges, StoreEdge } from './edges.ts';
import { type SweptStore, sweepOutbox } from './ingestSweeper.ts';

/** Scan segments of the nightly listing of subjects. */
const SEGMENTS = 4;

type PlannerEdges = FiringEdges &
  Pick<Edges, 'rescoreQueue' | 'sweepOlderThanSeconds'> &
  StoreEdge<SubjectDirectory & SweptStore>;

/**
 * The nightly run: sweep the outbox, fire missed deadlines, fan the subjects out to the rescore queue.
 * `fire` may be given to share one with the deadline function (the local runtime does).
 */
export const planNightlyRun = (
  e: PlannerEdges,
  fire: Pick<FireDeadline, 'execute'> = fireDeadline(e),
): PlanNightlyRun => {
  const sweep = sweepOutbox(e);
  const late = markLateFilingsOf(e);
  return new PlanNightlyRun(
    e.store,
    e.cycleStore,
    fire,
    e.rescoreQueue,
    e.clock,
    SEGMENTS,
    () => sweep.execute(),
    (of, closesAt) => late.execute(of, closesAt),
    e.participants,
  );
};

export const composeRescorePlanner = (e: PlannerEdges & Pick<Edges, 'logger'>) =>
  createRescorePlannerHandler(planNightlyRun(e), e.logger('rescore-planner'));
