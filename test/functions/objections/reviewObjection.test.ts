import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CycleTransitions } from '../../../functions/cycles/cycleTransitions.ts';
import { RecordAct } from '../../../functions/cycles/recordAct.ts';
import { ObjectionActs } from '../../../functions/objections/objectionActs.ts';
import { ReviewObjection } from '../../../functions/objections/reviewObjection.ts';
import type { LocalRuntime } from '../../../infra/local/runtime.ts';
import {
  agencyCaller,
  fileAgencyObjection,
  leagueCaller,
  OBJECTING_AGENCY,
  ORDOS,
  objectionUseCasesOn,
  RECORD_A,
  RECORD_B,
  seedConfirmation,
} from '../../support/objections.ts';
import {
  employerCaller,
  P_RECORD_A,
  PERSON,
  seedPractitionerConfirmation,
} from '../../support/practitionerObjections.ts';
import { dumpTable, getScore, staffToken, startTestRuntime } from '../../support/runtime.ts';

/** The league's review of an objection (Art 17(3)): per record upheld, corrected or revoked, the score and notice follow. */
let rt: LocalRuntime;
let u: ReturnType<typeof objectionUseCasesOn>;
const AGENCY = { kind: 'agency' as const, id: OBJECTING_AGENCY };

const file = (records: string[], reasons: string) => fileAgencyObjection(u, { records, preGrade: true, reasons });
const score = async () => {
  const token = await staffToken({ role: 'league', league: ORDOS });
  return (await getScore(rt, 'agency', OBJECTING_AGENCY, { token, query: 'year=2025' })).json as {
    score: number;
    items: { eventId: string; state: string; occurredOn: string }[];
  };
};
const acts = () =>
  new ObjectionActs(
    new RecordAct(rt.cycleStore, new CycleTransitions(rt.cycleStore, rt.scheduler, rt.clock), async () => 0),
  );

beforeAll(async () => {
  rt = await startTestRuntime();
  await seedConfirmation(rt);
  u = objectionUseCasesOn(rt);
}, 120_000);
afterAll(async () => rt?.stop());

describe('reviewing an objection', () => {
  let id = '';
  it('only the league’s own bureau (or the region) reviews it', async () => {
    id = await file([RECORD_A, RECORD_B], '两条信息均有误');
    const review = [{ target: RECORD_A, outcome: 'upheld' as const, reasons: '维持' }];
    expect(await u.review.execute(leagueCaller('150100'), id, review)).toEqual({ status: 'forbidden' });
    expect(await u.review.execute(agencyCaller(), id, review)).toEqual({ status: 'forbidden' });
    expect(await u.review.execute(leagueCaller(), 'agency-nonsense', review)).toEqual({ status: 'notFound' });
  });

  it('refuses a review that leaves a record undecided or gives no reasons, and changes nothing', async () => {
    const before = await dumpTable(rt);
    const out = await u.review.execute(leagueCaller(), id, [
      { target: RECORD_A, outcome: 'revoked', reasons: '' },
      { target: 'preGrade', outcome: 'upheld', reasons: '维持' },
    ]);
    expect(out.status === 'invalid' && out.issues.map((i) => i.path).sort()).toEqual([
      `reviews.${RECORD_B}`,
      `reviews.${RECORD_A}.reasons`,
    ]);
    expect(await dumpTable(rt)).toBe(before);
  });

  it('refuses a correction the webhook would refuse, naming the field, before anything is stored', async () => {
    const before = await dumpTable(rt);
    const out = await u.review.execute(leagueCaller(), id, [
      { target: RECORD_A, outcome: 'revoked', reasons: '通报已撤回' },
      {
        target: RECORD_B,
        outcome: 'corrected',
        reasons: '日期有误',
        correction: { rule: 'AG_INTERVIEWED', occurredOn: '2025-02-30', fineYuan: null, summary: null },
      },
      { target: 'preGrade', outcome: 'upheld', reasons: '维持' },
    ]);
    expect(out.status === 'invalid' && out.issues.map((i) => i.path)).toEqual([`reviews.${RECORD_B}.occurredOn`]);
    expect(await dumpTable(rt)).toBe(before);
  });

  it('revokes one record and corrects the other through their lifecycle; the score, the cycle and the notice follow', async () => {
    expect((await score()).score).toBe(80);
    const out = await u.review.execute(leagueCaller(), id, [
      { target: RECORD_A, outcome: 'revoked', reasons: '通报已撤回' },
      {
        target: RECORD_B,
        outcome: 'corrected',
        reasons: '约谈日期有误',
        correction: { rule: 'AG_INTERVIEWED', occurredOn: '2025-07-15', fineYuan: null, summary: '约谈日期更正' },
      },
      { target: 'preGrade', outcome: 'upheld', reasons: '按复核后的信息评定' },
    ]);
    expect(out).toMatchObject({ status: 'ok', value: { status: 'reviewed', reviewedBy: 'staff:league:150600' } });
    await rt.drain();
    const after = await score();
    // RECORD_A revoked (−10 no longer counts); RECORD_B replaced by its correction (still −10).
    expect(after.score).toBe(90);
    expect(after.items.find((i) => i.eventId === RECORD_A)?.state).toBe('revoked');
    expect(after.items.find((i) => i.eventId === RECORD_B)?.state).toBe('revoked');
    expect(after.items.find((i) => i.eventId === `${RECORD_B}.c1`)).toMatchObject({
      state: 'counted',
      occurredOn: '2025-07-15',
    });
    const corrected = (await rt.store.loadRecords([`${RECORD_B}.c1`])).get(`${RECORD_B}.c1`);
    expect(corrected).toMatchObject({ summary: '约谈日期更正', department: `${ORDOS}-EEB` });
    const cycle = (await rt.cycleStore.getCycle(2025, 'agency'))!;
    expect(cycle.objections.find((o) => o.caseId === id)?.status).toBe('reviewed');
    expect(cycle.deadlines.find((d) => d.id === `OBJECTION.review@${ORDOS}#${id}`)?.status).toBe('cancelled');
    const notice = await u.notices.notice(AGENCY, `objection-${id}`);
    expect(notice).toMatchObject({ kind: 'objectionReview', league: ORDOS, year: 2025 });
    expect(notice?.body).toContain('撤销。理由：通报已撤回');
    const audit = await rt.store.auditOf(AGENCY);
    expect(audit.find((e) => e.action === 'record.revoked')?.actor).toBe('staff:league:150600');
  });

  it('the same review posted again changes nothing', async () => {
    await rt.drain();
    const before = await dumpTable(rt);
    const again = await u.review.execute(leagueCaller(), id, []);
    expect(again).toMatchObject({ status: 'ok', value: { status: 'reviewed' } });
    await rt.drain();
    expect(await dumpTable(rt)).toBe(before);
  });

  it('a review stored before a crash is completed when posted again: the act and the notice follow', async () => {
    const second = await file([], '预评等级有误');
    const crashing = new ObjectionActs({
      execute: async () => {
        throw new Error('crash after the review was stored');
      },
    });
    const first = new ReviewObjection(u.objections, rt.store, u.revise, crashing, u.notices, rt.clock);
    const review = [{ target: 'preGrade', outcome: 'upheld' as const, reasons: '维持' }];
    await expect(first.execute(leagueCaller(), second, review)).rejects.toThrow('crash');
    expect((await u.objections.objection(AGENCY, second))?.status).toBe('reviewed');
    expect(await u.notices.notice(AGENCY, `objection-${second}`)).toBeNull();
    const retry = new ReviewObjection(u.objections, rt.store, u.revise, acts(), u.notices, rt.clock);
    expect(await retry.execute(leagueCaller(), second, review)).toMatchObject({ status: 'ok' });
    const cycle = (await rt.cycleStore.getCycle(2025, 'agency'))!;
    expect(cycle.objections.find((o) => o.caseId === second)?.status).toBe('reviewed');
    expect(await u.notices.notice(AGENCY, `objection-${second}`)).not.toBeNull();
  });
});

describe('reviewing a practitioner’s objection its employer filed (Art 18(4))', () => {
  let prt: LocalRuntime;
  let pu: ReturnType<typeof objectionUseCasesOn>;
  beforeAll(async () => {
    prt = await startTestRuntime();
    await seedPractitionerConfirmation(prt);
    pu = objectionUseCasesOn(prt);
  }, 120_000);
  afterAll(async () => prt?.stop());

  it('the employer cannot review it; the league revokes the record, the result follows and the notice goes to the practitioner', async () => {
    const filed = await pu.file.execute(
      employerCaller(),
      { year: 2025, kind: 'practitioner' },
      { records: [P_RECORD_A], preGrade: false, reasons: '未出借资质', evidenceFiles: [] },
      PERSON.residentId,
    );
    if (filed.status !== 'ok') throw new Error(JSON.stringify(filed));
    const id = filed.value.objection.id;
    const review = [{ target: P_RECORD_A, outcome: 'revoked' as const, reasons: '经核实未出借资质' }];
    expect(await pu.review.execute(employerCaller(), id, review)).toEqual({ status: 'forbidden' });
    expect(await pu.review.execute(leagueCaller(), id, review)).toMatchObject({
      status: 'ok',
      value: { status: 'reviewed' },
    });
    await prt.drain();
    const token = await staffToken({ role: 'league', league: ORDOS });
    const result = (await getScore(prt, 'practitioner', PERSON.residentId, { token, query: 'year=2025' })).json as {
      dishonest: boolean;
    };
    expect(result.dishonest).toBe(false);
    const notice = await pu.notices.notice({ kind: 'practitioner', id: PERSON.residentId }, `objection-${id}`);
    expect(notice).toMatchObject({ kind: 'objectionReview', toName: PERSON.name, year: 2025 });
    expect(notice?.body).toContain('第十八条第四项');
    expect(notice?.body).not.toContain(PERSON.residentId);
    const cycle = (await prt.cycleStore.getCycle(2025, 'practitioner'))!;
    expect(cycle.objections.find((o) => o.caseId === id)?.status).toBe('reviewed');
  });
});
