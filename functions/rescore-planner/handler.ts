import type { Logger } from '@aws-lambda-powertools/logger';
import type { PlanNightlyRun } from './planNightlyRun.ts';
import { eventHandler } from '../shared/middleware.ts';

/** `rescore-planner`: invoked by the 02:00 Asia/Shanghai EventBridge Scheduler cron. */
export const createRescorePlannerHandler = (useCase: PlanNightlyRun, logger: Logger) =>
  eventHandler(async (_event: unknown): Promise<{ runId: string; swept: number; subjects: number; messages: number }> => {
    const plan = await useCase.execute();
    logger.info('nightly run planned', plan);
    return plan;
  });
