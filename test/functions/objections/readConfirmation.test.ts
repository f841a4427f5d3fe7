import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../../infra/local/runtime.ts';
import { uscc } from '../../support/builders.ts';
import {
  agencyCaller,
  leagueCaller,
  OBJECTING_AGENCY,
  ORDOS,
  objectionUseCasesOn,
  RECORD_A,
  seedConfirmation,
} from '../../support/objections.ts';
import { putSubject, staffToken, startTestRuntime } from '../../support/runtime.ts';

/** The participant's confirmation page data (Art 17(3)): records, pre-grade, deadline, objections, 确认无误. */
let rt: LocalRuntime;
let u: ReturnType<typeof objectionUseCasesOn>;
beforeAll(async () => {
  rt = await startTestRuntime();
  await seedConfirmation(rt);
  u = objectionUseCasesOn(rt);
}, 120_000);
afterAll(async () => rt?.stop());

describe('the participant’s confirmation', () => {
  it('shows its records with points, its pre-grade and the objection deadline of its league’s window', async () => {
    const out = await u.confirmation.execute(agencyCaller());
    expect(out.status).toBe('ok');
    if (out.status !== 'ok') return;
    expect(out.value.cycle).toEqual({ year: 2025, kind: 'agency' });
    expect(out.value.window).toMatchObject({ open: true, opensOn: '2026-04-01', article: 'Art 17(3)' });
    expect(out.value.result?.items.map((i) => [i.eventId, i.points]).sort()).toEqual([
      ['OBJ-INTERVIEWED-1', -10],
      [RECORD_A, -10],
    ]);
    expect(out.value.confirmation).toBeNull();
    expect(await u.confirmation.execute(leagueCaller())).toEqual({ status: 'forbidden' });
  });

  it('marks a record under an open objection as disputed', async () => {
    await u.file.execute(
      agencyCaller(),
      { year: 2025, kind: 'agency' },
      {
        records: [RECORD_A],
        preGrade: false,
        reasons: '有误',
        evidenceFiles: [],
      },
    );
    const out = await u.confirmation.execute(agencyCaller());
    expect(out.status === 'ok' && [...out.value.disputed]).toEqual([RECORD_A]);
    expect(out.status === 'ok' && out.value.objections[0]?.reviewBy?.article).toBe('Art 17(3)');
  });

  it('确认无误 is stored once, audited, and only within the window', async () => {
    const first = await u.confirmation.confirm(agencyCaller(), 2025);
    expect(first).toMatchObject({
      status: 'ok',
      value: { year: 2025, confirmedBy: `staff:agency:${OBJECTING_AGENCY}` },
    });
    const again = await u.confirmation.confirm(agencyCaller(), 2025);
    expect(again.status === 'ok' && first.status === 'ok' && again.value.confirmedAt).toBe(
      first.status === 'ok' && first.value.confirmedAt,
    );
    const audit = await rt.store.auditOf({ kind: 'agency', id: OBJECTING_AGENCY });
    expect(audit.filter((e) => e.action === 'records.confirmed')).toHaveLength(1);
    const late = uscc(902, ORDOS);
    await putSubject(
      rt,
      'agency',
      late,
      { name: '逾期确认的机构', league: ORDOS, categories: ['monitoring'] },
      await staffToken({ role: 'region' }),
    );
    rt.clock.set(new Date('2026-05-20T02:00:00Z'));
    expect(await u.confirmation.confirm(agencyCaller(late), 2025)).toMatchObject({
      status: 'conflict',
      code: 'WINDOW_CLOSED',
    });
    expect(await u.confirmation.confirm(agencyCaller(late), 2024)).toEqual({ status: 'notFound' });
  });
});
