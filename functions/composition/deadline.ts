import type { FireDeadline } from '../cycles/fireDeadline.ts';
import { createDeadlineHandler } from '../deadline/handler.ts';
import { type FiringEdges, fireDeadline } from './cycles.ts';
import type { Edges } from './edges.ts';

/** The target of EventBridge Scheduler's one-time deadline schedules. `fire` may be given to share one. */
export const composeDeadline = (e: FiringEdges & Pick<Edges, 'logger'>, fire: FireDeadline = fireDeadline(e)) =>
  createDeadlineHandler(fire, e.logger('deadline'));
