import { describe, expect, it } from 'vitest';
import type { Objection } from '../../../domain/objections/objection.ts';
import type { RecordAct } from '../../../functions/cycles/recordAct.ts';
import { ObjectionActs } from '../../../functions/objections/objectionActs.ts';

/** The cycle's acts of one objection are safe to record again (its case id is the objection's id). */
const o = {
  id: 'agency-X-2025-000000000000',
  cycle: { year: 2025, kind: 'agency' },
  league: '150600',
} as unknown as Objection;
const claims = { role: 'league' as const, league: '150600' };

const recorder = (answers: Record<string, { status: string; code?: string; message?: string }[]>) => {
  const seen: string[] = [];
  const act: Pick<RecordAct, 'execute'> = {
    execute: async (_c, cycle, request) => {
      seen.push(`${request.act}:${request.caseId}:${request.league}:${cycle.year}`);
      return (answers[request.act]!.shift() ?? { status: 'ok', value: {} }) as never;
    },
  };
  return { act, seen };
};

describe('the acts of an objection', () => {
  it('an act already on the cycle counts as recorded', async () => {
    const { act } = recorder({ objectionReceived: [{ status: 'conflict', code: 'ALREADY_DONE', message: '已受理' }] });
    expect(await new ObjectionActs(act).received(claims, o)).toEqual({ ok: true });
  });

  it('a review of an objection the cycle never received records its receipt first', async () => {
    const { act, seen } = recorder({
      objectionReviewed: [{ status: 'conflict', code: 'UNKNOWN_OBJECTION', message: '不存在' }, { status: 'ok' }],
      objectionReceived: [{ status: 'ok' }],
    });
    expect(await new ObjectionActs(act).reviewed(claims, o)).toEqual({ ok: true });
    expect(seen).toEqual([
      `objectionReviewed:${o.id}:150600:2025`,
      `objectionReceived:${o.id}:150600:2025`,
      `objectionReviewed:${o.id}:150600:2025`,
    ]);
  });

  it('any other refusal is passed on with the domain’s code', async () => {
    const { act } = recorder({
      objectionReceived: [{ status: 'conflict', code: 'WRONG_STAGE', message: '当前阶段不受理异议' }],
    });
    expect(await new ObjectionActs(act).received(claims, o)).toEqual({
      ok: false,
      code: 'WRONG_STAGE',
      message: '当前阶段不受理异议',
    });
  });
});
