import { describe, expect, it } from 'vitest';
import type { RepairApplication } from '../../../functions/ports/store.ts';
import { decisionResponse, describeError, respond } from '../../../functions/repairs-api/responses.ts';
import type { Logger } from '../../../functions/shared/structuredLogger.ts';

const decided = { id: 'A-1', status: 'approved' } as RepairApplication;
const logged = () => {
  const lines: { message: string; extra: unknown }[] = [];
  return {
    lines,
    logger: { error: (message: string, extra: unknown) => lines.push({ message, extra }) } as unknown as Logger,
  };
};

describe('answers of the repairs routes', () => {
  it('maps each outcome to its HTTP answer, in Chinese', () => {
    expect(respond({ status: 'ok', value: decided }, 201).statusCode).toBe(201);
    expect(respond({ status: 'notFound' })).toMatchObject({ statusCode: 404 });
    expect(JSON.parse(respond({ status: 'refused', reasons: ['甲'] }).body)).toEqual({
      error: '不符合信用修复条件：甲',
      reasons: ['甲'],
    });
    expect(respond({ status: 'forbidden' }).statusCode).toBe(403);
    expect(respond({ status: 'conflict', message: '该申请已予以修复' })).toMatchObject({ statusCode: 409 });
  });

  it('accepts a decision whose re-issue failed (202) and logs the failure by name and message only', () => {
    const { lines, logger } = logged();
    const error = Object.assign(new Error('timeout'), { name: 'StoreError', stack: 'secret stack' });
    const res = decisionResponse(
      { status: 'ok', value: decided, reissueDeferred: { applicationId: 'A-1', error } },
      logger,
    );
    expect(res.statusCode).toBe(202);
    expect(lines).toEqual([
      {
        message: 're-issue after a repair decision failed; the nightly run will complete it',
        extra: { applicationId: 'A-1', error: { name: 'StoreError', message: 'timeout' } },
      },
    ]);
    expect(describeError('plain')).toBe('plain');
  });

  it('answers a decision stored with its re-issue done 200, logging nothing', () => {
    const { lines, logger } = logged();
    expect(decisionResponse({ status: 'ok', value: decided }, logger).statusCode).toBe(200);
    expect(decisionResponse({ status: 'notFound' }, logger).statusCode).toBe(404);
    expect(lines).toEqual([]);
  });
});
