import * as z from 'zod/mini';
import { describeIssues, validate } from '../../domain/validation.ts';
import { deadlineOfWire } from '../adapters/keys.ts';
import type { FireDeadline } from '../cycles/fireDeadline.ts';
import { PoisonMessageError } from '../shared/errors.ts';
import { eventHandler } from '../shared/middleware.ts';
import type { Logger } from '../shared/structuredLogger.ts';

/** What a deadline's one-time schedule delivers (its input): the deadline's wire form (adapters/keys.ts) and the instant it is due. */
export const deadlineTarget = z.object({
  kind: z.enum(['cycle', 'warning', 'repair']),
  owner: z.string(),
  deadlineId: z.string(),
  at: z.string(),
});

/**
 * `deadline`: invoked by a one-time EventBridge Scheduler schedule with its deadline as input.
 * Applies it only if still due and unchanged; anything else changes nothing (safe twice or late).
 * An input that is not a deadline fails, so the schedule's retries and DLQ keep it for a person.
 */
export const createDeadlineHandler = (fireDeadline: Pick<FireDeadline, 'execute'>, logger: Logger) =>
  eventHandler(async (event: unknown): Promise<{ status: string; reason?: string }> => {
    const parsed = validate(deadlineTarget, event);
    if (!parsed.ok) throw new PoisonMessageError(`not a deadline: ${describeIssues(parsed.issues)}`);
    const target = deadlineOfWire(parsed.value);
    if (!target)
      throw new PoisonMessageError(
        `not a deadline: owner ${parsed.value.owner} does not fit kind ${parsed.value.kind}`,
      );
    const outcome = await fireDeadline.execute(target);
    logger.info('deadline', { ...parsed.value, ...outcome });
    return outcome;
  });
