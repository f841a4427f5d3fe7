// Composition root of `deadline` on AWS Lambda (invoked by EventBridge Scheduler).
import { cycleService } from '../shared/cycleComposition.ts';
import { createLogger } from '../shared/logger.ts';
import { createDeadlineHandler } from './handler.ts';

export const handler = createDeadlineHandler(cycleService, createLogger('deadline'));
