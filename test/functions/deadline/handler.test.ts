import { describe, expect, it } from 'vitest';
import { createDeadlineHandler } from '../../../functions/deadline/handler.ts';
import type { DeadlineTarget } from '../../../functions/ports/scheduler.ts';
import { PoisonMessageError } from '../../../functions/shared/errors.ts';
import { createLogger } from '../../../functions/shared/logger.ts';

/** The target of the one-time deadline schedules. */
describe('the deadline handler', () => {
  const fired: DeadlineTarget[] = [];
  const handler = createDeadlineHandler(
    {
      execute: async (t) => {
        fired.push(t);
        return { status: 'ignored', reason: 'DEADLINE_NOT_SCHEDULED' };
      },
    },
    createLogger('deadline'),
  );

  it('hands a deadline to its use case and answers its outcome', async () => {
    const target: DeadlineTarget = {
      kind: 'cycle',
      owner: { kind: 'cycle', year: 2025, cycleKind: 'agency' },
      deadlineId: 'LISTING.end@150100',
      at: '2026-03-31T15:59:59.000Z',
    };
    const input = {
      kind: 'cycle',
      owner: 'CYCLE#2025#agency',
      deadlineId: 'LISTING.end@150100',
      at: '2026-03-31T15:59:59.000Z',
    };
    expect(await handler(input)).toEqual({ status: 'ignored', reason: 'DEADLINE_NOT_SCHEDULED' });
    expect(fired).toEqual([target]);
  });

  it('reads a subject’s deadline from the input its schedule carries', async () => {
    const input = {
      kind: 'repair',
      owner: 'SUBJECT#enterprise#91150100MA0000001X',
      deadlineId: 'REPAIR#a-1',
      at: '2026-03-31T15:59:59.000Z',
    };
    await handler(input);
    expect(fired.at(-1)).toEqual({
      kind: 'repair',
      owner: { kind: 'subject', subject: { kind: 'enterprise', id: '91150100MA0000001X' } },
      deadlineId: 'a-1',
      at: input.at,
    });
    fired.pop();
  });

  it('fails on a deadline whose owner does not fit its kind', async () => {
    const failure = handler({
      kind: 'cycle',
      owner: 'SUBJECT#enterprise#91150100MA0000001X',
      deadlineId: 'x',
      at: '2026-03-31T15:59:59.000Z',
    }).catch((e: unknown) => e);
    expect(await failure).toBeInstanceOf(PoisonMessageError);
  });

  it('fails on an input that is not a deadline, naming the field, so the schedule’s retries and DLQ keep it', async () => {
    const failure = handler({ kind: 'meeting', owner: 'x', deadlineId: 'y', at: 'z' }).catch((e: unknown) => e);
    expect(await failure).toBeInstanceOf(PoisonMessageError);
    expect(((await failure) as Error).message).toContain('kind');
    expect(fired).toHaveLength(1);
  });
});
