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
import {
  EMPLOYER,
  employerCaller,
  OTHER_UNIT,
  P_RECORD_A,
  P_RECORD_B,
  PERSON,
  seedPractitionerConfirmation,
} from '../../support/practitionerObjections.ts';
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

describe('a practitioner’s confirmation, read and made by the unit that filed it (Art 18(1), 18(4))', () => {
  let prt: LocalRuntime;
  let pu: ReturnType<typeof objectionUseCasesOn>;
  const of = { residentId: PERSON.residentId, year: 2025 };
  beforeAll(async () => {
    prt = await startTestRuntime();
    await seedPractitionerConfirmation(prt);
    pu = objectionUseCasesOn(prt);
  }, 120_000);
  afterAll(async () => prt?.stop());

  it('the employer sees the practitioner’s records, its pre-grade (环保失信个人) and the Art 18(4) window', async () => {
    const out = await pu.confirmation.execute(employerCaller(), of);
    expect(out.status).toBe('ok');
    if (out.status !== 'ok') return;
    expect(out.value.self).toEqual({ kind: 'practitioner', id: PERSON.residentId });
    expect(out.value.name).toBe(PERSON.name);
    expect(out.value.cycle).toEqual({ year: 2025, kind: 'practitioner' });
    expect(out.value.window).toMatchObject({ open: true, opensOn: '2026-04-01', article: 'Art 18(4)' });
    expect(out.value.result?.items.map((i) => i.eventId).sort()).toEqual([P_RECORD_B, P_RECORD_A].sort());
    expect((out.value.result as { dishonest?: boolean } | null)?.dishonest).toBe(true);
  });

  it('another unit and a bureau are refused, and the employer’s own confirmation stays its own', async () => {
    expect(await pu.confirmation.execute(employerCaller(OTHER_UNIT), of)).toEqual({ status: 'forbidden' });
    expect(await pu.confirmation.execute(leagueCaller(), of)).toEqual({ status: 'forbidden' });
    expect(await pu.confirmation.confirm(employerCaller(OTHER_UNIT), 2025, PERSON.residentId)).toEqual({
      status: 'forbidden',
    });
    const own = await pu.confirmation.execute(employerCaller());
    expect(own.status === 'ok' && own.value.self).toEqual({ kind: 'agency', id: EMPLOYER });
  });

  it('确认无误 for the practitioner is stored once under the practitioner, by the employer’s user', async () => {
    const out = await pu.confirmation.confirm(employerCaller(), 2025, PERSON.residentId);
    expect(out).toMatchObject({
      status: 'ok',
      value: {
        subject: { kind: 'practitioner', id: PERSON.residentId },
        kind: 'practitioner',
        league: ORDOS,
        confirmedBy: `staff:agency:${EMPLOYER}`,
      },
    });
    const view = await pu.confirmation.execute(employerCaller(), of);
    expect(view.status === 'ok' && view.value.confirmation?.confirmedBy).toBe(`staff:agency:${EMPLOYER}`);
  });
});
