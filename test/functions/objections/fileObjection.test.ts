import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoCommitments } from '../../../functions/adapters/dynamoCommitments.ts';
import { documentClient } from '../../../functions/adapters/dynamoDocument.ts';
import { DynamoPractitionerFilings } from '../../../functions/adapters/dynamoPractitionerFilings.ts';
import { CycleTransitions } from '../../../functions/cycles/cycleTransitions.ts';
import { RecordAct } from '../../../functions/cycles/recordAct.ts';
import { LookupScore } from '../../../functions/lookup/lookupScore.ts';
import { FileObjection } from '../../../functions/objections/fileObjection.ts';
import { ObjectionActs } from '../../../functions/objections/objectionActs.ts';
import { FilePractitioners } from '../../../functions/practitioners/filePractitioners.ts';
import type { LocalRuntime } from '../../../infra/local/runtime.ts';
import { residentId, uscc } from '../../support/builders.ts';
import {
  agencyCaller,
  leagueCaller,
  OBJECTING_AGENCY,
  ORDOS,
  objectionUseCasesOn,
  RECORD_A,
  RECORD_B,
  seedConfirmation,
  seedPublicity,
} from '../../support/objections.ts';
import {
  EMPLOYER,
  employerCaller,
  OTHER_UNIT,
  P_RECORD_A,
  PERSON,
  seedPractitionerConfirmation,
} from '../../support/practitionerObjections.ts';
import { dumpTable, startTestRuntime } from '../../support/runtime.ts';

/** Filing an objection (Art 17(3)): within the confirmation window, stored first, then received by the cycle. */
let rt: LocalRuntime;
let u: ReturnType<typeof objectionUseCasesOn>;
const CYCLE = { year: 2025, kind: 'agency' as const };
const objection = (over: Record<string, unknown> = {}) => ({
  records: [RECORD_A],
  preGrade: false,
  reasons: '该通报已撤回',
  evidenceFiles: [],
  ...over,
});

beforeAll(async () => {
  rt = await startTestRuntime();
  await seedConfirmation(rt);
  u = objectionUseCasesOn(rt);
}, 120_000);
afterAll(async () => rt?.stop());

const cycleObjections = async () => (await rt.cycleStore.getCycle(2025, 'agency'))!.objections;

describe('filing an objection', () => {
  it('only the participant itself objects; a bureau cannot', async () => {
    expect(await u.file.execute(leagueCaller(), CYCLE, objection())).toEqual({ status: 'forbidden' });
    expect(await u.file.execute({ type: 'public' }, CYCLE, objection())).toMatchObject({ status: 'unauthorized' });
  });

  it('refuses an objection without reasons or to a record not its own, naming the fields, and stores nothing', async () => {
    const before = await dumpTable(rt);
    const out = await u.file.execute(agencyCaller(), CYCLE, objection({ reasons: ' ', records: ['SOMEONE-ELSES'] }));
    expect(out.status).toBe('invalid');
    expect(out.status === 'invalid' && out.issues.map((i) => i.path).sort()).toEqual(['reasons', 'records']);
    const files = await u.file.execute(agencyCaller(), CYCLE, objection({ evidenceFiles: ['evidence/agency/X/1'] }));
    expect(files.status === 'invalid' && files.issues.map((i) => i.path)).toEqual(['evidenceFiles']);
    expect(await dumpTable(rt)).toBe(before);
  });

  it('stores the objection, audited, and the cycle receives it with its review limit (10 working days)', async () => {
    const out = await u.file.execute(agencyCaller(), CYCLE, objection());
    expect(out.status).toBe('ok');
    if (out.status !== 'ok') return;
    expect(out.value).toMatchObject({ filed: true, objection: { status: 'open', records: [RECORD_A], league: ORDOS } });
    const id = out.value.objection.id;
    expect((await cycleObjections()).find((o) => o.caseId === id)).toMatchObject({ status: 'open', league: ORDOS });
    const cycle = (await rt.cycleStore.getCycle(2025, 'agency'))!;
    expect(cycle.deadlines.find((d) => d.id === `OBJECTION.review@${ORDOS}#${id}`)).toMatchObject({
      status: 'scheduled',
      article: 'Art 17(3)',
    });
    const audit = await rt.store.auditOf({ kind: 'agency', id: OBJECTING_AGENCY });
    expect(audit.find((e) => e.action === 'objection.filed')).toMatchObject({ why: '该通报已撤回' });
  });

  it('the same objection submitted again changes nothing', async () => {
    const before = await dumpTable(rt);
    const again = await u.file.execute(agencyCaller(), CYCLE, objection({ reasons: ' 该通报已撤回 ' }));
    expect(again).toMatchObject({ status: 'ok', value: { filed: false } });
    expect(await dumpTable(rt)).toBe(before);
  });

  it('an objection stored before a crash is received by the cycle when submitted again', async () => {
    const crashing = new ObjectionActs({
      execute: async () => {
        throw new Error('crash after the objection was stored');
      },
    });
    const lookup = new LookupScore(rt.store, rt.clock);
    const first = new FileObjection(rt.store, u.objections, rt.cycleStore, crashing, lookup, rt.clock);
    const input = objection({ records: [RECORD_B] });
    await expect(first.execute(agencyCaller(), CYCLE, input)).rejects.toThrow('crash');
    const stored = await u.objections.objectionsOfSubject({ kind: 'agency', id: OBJECTING_AGENCY });
    const id = stored.find((o) => o.records.includes(RECORD_B))!.id;
    expect((await cycleObjections()).some((o) => o.caseId === id)).toBe(false);
    const acts = new ObjectionActs(
      new RecordAct(rt.cycleStore, new CycleTransitions(rt.cycleStore, rt.scheduler, rt.clock), async () => 0),
    );
    const retry = new FileObjection(rt.store, u.objections, rt.cycleStore, acts, lookup, rt.clock);
    expect(await retry.execute(agencyCaller(), CYCLE, input)).toMatchObject({ status: 'ok', value: { filed: false } });
    expect((await cycleObjections()).find((o) => o.caseId === id)?.status).toBe('open');
  });

  it('once the window has closed (5 working days, Art 17(3)) an objection is refused', async () => {
    rt.clock.set(new Date('2026-04-20T02:00:00Z'));
    const out = await u.file.execute(agencyCaller(), CYCLE, objection({ reasons: '迟到的异议' }));
    expect(out).toMatchObject({ status: 'conflict', code: 'WINDOW_CLOSED' });
  });
});

describe('an enterprise’s objection during publicity (Art 16(3), Art 8)', () => {
  const ENTERPRISE = uscc(903, ORDOS);
  const enterprise = { type: 'staff' as const, claims: { role: 'enterprise' as const, subject: ENTERPRISE } };
  const region = { type: 'staff' as const, claims: { role: 'region' as const } };

  it('is filed while the region’s publicity is open, for the region’s review group only', async () => {
    await seedPublicity(rt, ENTERPRISE);
    const out = await u.file.execute(
      enterprise,
      { year: 2025, kind: 'enterprise' },
      {
        records: ['PUB-OBJ-1'],
        preGrade: false,
        reasons: '该记录已撤销',
        evidenceFiles: [],
      },
    );
    expect(out).toMatchObject({
      status: 'ok',
      value: { filed: true, objection: { kind: 'publicity', league: ORDOS } },
    });
    const id = out.status === 'ok' ? out.value.objection.id : '';
    const forRegion = await u.list.execute(region);
    expect(forRegion.status === 'ok' && forRegion.value.objections.find((o) => o.id === id)?.kind).toBe('publicity');
    const forLeague = await u.list.execute(leagueCaller());
    expect(forLeague.status === 'ok' && forLeague.value.objections.some((o) => o.id === id)).toBe(false);
    expect((await rt.cycleStore.getCycle(2025, 'enterprise'))!.objections).toEqual([]);
    expect(await u.review.execute(region, id, [])).toMatchObject({ status: 'conflict', code: 'REVIEW_GROUP' });
  });
});

describe('a unit objects for a practitioner it filed (Art 18(1), 18(4))', () => {
  let prt: LocalRuntime;
  let pu: ReturnType<typeof objectionUseCasesOn>;
  const PCYCLE = { year: 2025, kind: 'practitioner' as const };
  const forPerson = (over: Record<string, unknown> = {}) => ({
    records: [P_RECORD_A],
    preGrade: false,
    reasons: '该资质出借记录系误登记，本人未出借资质。',
    evidenceFiles: [],
    ...over,
  });

  beforeAll(async () => {
    prt = await startTestRuntime();
    await seedPractitionerConfirmation(prt);
    pu = objectionUseCasesOn(prt);
  }, 120_000);
  afterAll(async () => prt?.stop());

  it('another unit, even of the same league, cannot object for the practitioner, and nothing is stored', async () => {
    const before = await dumpTable(prt);
    expect(await pu.file.execute(employerCaller(OTHER_UNIT), PCYCLE, forPerson(), PERSON.residentId)).toEqual({
      status: 'forbidden',
    });
    expect(await pu.file.execute(leagueCaller(), PCYCLE, forPerson(), PERSON.residentId)).toEqual({
      status: 'forbidden',
    });
    expect(await dumpTable(prt)).toBe(before);
  });

  it('a practitioner filed but not listed by the bureau is not objected for', async () => {
    const other = residentId(32, '150602');
    const doc = documentClient(prt.dynamo);
    const filed = await new FilePractitioners(
      prt.store,
      new DynamoPractitionerFilings(doc, prt.tableName),
      new DynamoCommitments(doc, prt.tableName),
      prt.clock,
    ).file(employerCaller(), { kind: 'agency', id: EMPLOYER }, { name: '赵敏', residentId: other, position: '技术员' });
    expect(filed.status).toBe('ok');
    expect(await pu.file.execute(employerCaller(), PCYCLE, forPerson({ records: [], preGrade: true }), other)).toEqual({
      status: 'forbidden',
    });
  });

  it('the employer objects: the objection is the practitioner’s, filed by the employer’s user, with a 5-working-day review limit', async () => {
    const out = await pu.file.execute(employerCaller(), PCYCLE, forPerson(), PERSON.residentId);
    expect(out).toMatchObject({
      status: 'ok',
      value: {
        filed: true,
        objection: {
          kind: 'confirmation',
          subject: { kind: 'practitioner', id: PERSON.residentId },
          subjectName: PERSON.name,
          league: ORDOS,
          records: [P_RECORD_A],
          filedBy: `staff:agency:${EMPLOYER}`,
        },
      },
    });
    const id = out.status === 'ok' ? out.value.objection.id : '';
    expect(id).toMatch(/^practitioner-/);
    const cycle = (await prt.cycleStore.getCycle(2025, 'practitioner'))!;
    expect(cycle.objections.find((o) => o.caseId === id)?.status).toBe('open');
    expect(cycle.deadlines.find((d) => d.id === `OBJECTION.review@${ORDOS}#${id}`)).toMatchObject({
      status: 'scheduled',
      article: 'Art 18(4)',
    });
    const audit = await prt.store.auditOf({ kind: 'practitioner', id: PERSON.residentId });
    expect(audit.find((e) => e.action === 'objection.filed')).toMatchObject({ actor: `staff:agency:${EMPLOYER}` });
  });

  it('a record that is not the practitioner’s is refused by name', async () => {
    const out = await pu.file.execute(
      employerCaller(),
      PCYCLE,
      forPerson({ records: ['OBJ-NOTIFIED-1'] }),
      PERSON.residentId,
    );
    expect(out.status === 'invalid' && out.issues.map((i) => i.path)).toEqual(['records']);
  });
});
