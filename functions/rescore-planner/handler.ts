import { eventHandler } from '../shared/middleware.ts';
import type { Logger } from '../shared/structuredLogger.ts';
import type { NightlyPlan, PlanNightlyRun } from './planNightlyRun.ts';

/** `rescore-planner`: invoked by the 02:00 Asia/Shanghai EventBridge Scheduler cron. */
export const createRescorePlannerHandler = (useCase: Pick<PlanNightlyRun, 'execute'>, logger: Logger) =>
  eventHandler(async (_event: unknown): Promise<NightlyPlan> => {
    const plan = await useCase.execute();
    logger.info('nightly run planned', plan);
    return plan;
  }, logger);
