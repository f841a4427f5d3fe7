import type { Logger } from '@aws-lambda-powertools/logger';
import * as z from 'zod/mini';
import { validate } from '../../domain/validation.ts';
import type { CycleService } from '../cycles/cycleService.ts';
import { PoisonMessageError } from '../shared/errors.ts';
import { eventHandler } from '../shared/middleware.ts';

const targetSchema = z.object({ kind: z.enum(['cycle', 'warning', 'repair']), owner: z.string(), deadlineId: z.string(), at: z.string() });

/**
 * `deadline`: invoked by a one-time EventBridge Scheduler schedule with its deadline as input.
 * Applies it only if still due and unchanged; anything else changes nothing (safe twice or late).
 * An input that is not a deadline fails, so the schedule's retries and DLQ keep it for a person.
 */
export const createDeadlineHandler = (service: CycleService, logger: Logger) =>
  eventHandler(async (event: unknown): Promise<{ status: string; reason?: string }> => {
    const parsed = validate(targetSchema, event);
    if (!parsed.ok) throw new PoisonMessageError(`not a deadline: ${JSON.stringify(parsed.issues)}`);
    const outcome = await service.fire(parsed.value);
    logger.info('deadline', { ...parsed.value, ...outcome });
    return outcome;
  });
