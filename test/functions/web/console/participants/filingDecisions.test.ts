import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoCycleStore } from '../../../../../functions/adapters/dynamoCycleStore.ts';
import { documentClient } from '../../../../../functions/adapters/dynamoDocument.ts';
import { DynamoParticipants } from '../../../../../functions/adapters/dynamoParticipants.ts';
import { DynamoPractitionerFilings } from '../../../../../functions/adapters/dynamoPractitionerFilings.ts';
import { DynamoProfiles } from '../../../../../functions/adapters/dynamoProfiles.ts';
import { ParticipantLists } from '../../../../../functions/participants/participantLists.ts';
import { RegisterListed } from '../../../../../functions/participants/registerListed.ts';
import type { PractitionerFiling } from '../../../../../functions/ports/practitionerFilings.ts';
import { AdjustableClock } from '../../../../../functions/shared/clock.ts';
import { FilingDecisions } from '../../../../../functions/web/console/participants/filingDecisions.ts';
import { residentId, uscc } from '../../../../support/builders.ts';
import { type FreshRecordQueue, freshRecordQueue } from '../../../../support/recordQueue.ts';
import { freshTable } from '../../../../support/table.ts';

/** The league bureau lists, or declines, the practitioners their employers filed (Art 18(1)). */
let client: DynamoDBClient;
let records: FreshRecordQueue;
let register: RegisterListed;
let filings: DynamoPractitionerFilings;
let participants: DynamoParticipants;
let decisions: FilingDecisions;
const clock = new AdjustableClock();
clock.freeze(new Date('2027-03-02T02:00:00Z'));
const ordos = { type: 'staff' as const, claims: { role: 'league' as const, league: '150600' } };
const baotou = { type: 'staff' as const, claims: { role: 'league' as const, league: '150200' } };
const list = { year: 2026, kind: 'practitioner' as const, league: '150600' as const };
const EMPLOYER = { kind: 'agency' as const, code: uscc(51, '150600'), name: '鄂尔多斯市监测有限公司' };
const filing = (n: number): PractitionerFiling => ({
  year: 2026,
  league: '150600',
  employer: EMPLOYER,
  residentId: residentId(n, '150602'),
  name: `从业人员${n}`,
  position: '监测员',
  status: 'pending',
  filedAt: `2027-02-0${n}T00:00:00.000Z`,
  filedBy: `staff:agency:${EMPLOYER.code}`,
  reason: null,
  decidedBy: null,
  decidedAt: null,
});
const key = (n: number) => ({
  employerKind: 'agency',
  employerCode: EMPLOYER.code,
  residentId: residentId(n, '150602'),
});

beforeAll(async () => {
  const fresh = await freshTable('filing-decisions');
  client = fresh.client;
  const doc = documentClient(client);
  filings = new DynamoPractitionerFilings(doc, fresh.table);
  participants = new DynamoParticipants(doc, fresh.table);
  records = await freshRecordQueue('filing-decisions');
  register = new RegisterListed(new DynamoProfiles(doc, fresh.table), records.queue);
  const lists = new ParticipantLists(participants, new DynamoCycleStore(client, fresh.table), clock, register);
  decisions = new FilingDecisions(filings, lists, clock);
  for (const n of [1, 2, 3]) await filings.file(filing(n));
});
afterAll(() => {
  client?.destroy();
  records?.destroy();
});

describe('deciding the practitioners employers filed (Art 18(1))', () => {
  it('is the league bureau’s (or the region’s) to do (Art 8)', async () => {
    expect(await decisions.filed(baotou, list)).toEqual({ status: 'forbidden' });
    expect(await decisions.list(baotou, list, key(1), '', '')).toEqual({ status: 'forbidden' });
    expect(await decisions.decline({ type: 'public' }, list, key(1), '理由')).toMatchObject({ status: 'unauthorized' });
    const filed = await decisions.filed(ordos, list);
    expect(filed.status === 'ok' && filed.value.map((f) => f.name)).toEqual(['从业人员1', '从业人员2', '从业人员3']);
    expect(await decisions.filed(ordos, { ...list, kind: 'agency' })).toEqual({ status: 'ok', value: [] });
  });

  it('listing puts the person on the list of practitioners with its employer, through the audited list, once', async () => {
    const out = await decisions.list(ordos, list, key(1), '', '');
    expect(out).toMatchObject({ status: 'ok', value: { status: 'listed', decidedBy: 'staff:league:150600' } });
    expect(await participants.participants(list)).toEqual([
      {
        kind: 'practitioner',
        code: residentId(1, '150602'),
        name: '从业人员1',
        league: '150600',
        basis: '6.6',
        sites: [],
        categories: [],
        employer: { kind: 'agency', code: EMPLOYER.code },
      },
    ]);
    expect(await participants.auditOfList(list)).toEqual([
      expect.objectContaining({
        action: 'participant.added',
        what: expect.objectContaining({ code: residentId(1, '150602') }),
      }),
    ]);
    expect(await decisions.list(ordos, list, key(1), '', '')).toMatchObject({
      status: 'conflict',
      code: 'FILING_DECIDED',
    });
    expect(await decisions.list(ordos, list, key(9), '', '')).toEqual({ status: 'notFound' });
    expect(await decisions.list(ordos, { ...list, kind: 'agency' }, key(2), '', '')).toMatchObject({
      status: 'invalid',
    });
  });

  it('declining needs a reason, which stays on the filing; without one nothing changes', async () => {
    expect(await decisions.decline(ordos, list, key(2), ' ')).toEqual({
      status: 'invalid',
      issues: [{ path: '未列入理由', message: '不列入参评名单须填写理由' }],
    });
    expect(
      await filings.filing({ year: 2026, league: '150600', employer: EMPLOYER, residentId: residentId(2, '150602') }),
    ).toMatchObject({
      status: 'pending',
    });
    const out = await decisions.decline(ordos, list, key(2), '已离职');
    expect(out).toMatchObject({ status: 'ok', value: { status: 'declined', reason: '已离职' } });
    expect(
      await filings.filing({ year: 2026, league: '150600', employer: EMPLOYER, residentId: residentId(2, '150602') }),
    ).toMatchObject({
      status: 'declined',
      reason: '已离职',
      decidedBy: 'staff:league:150600',
      decidedAt: '2027-03-02T02:00:00.000Z',
    });
    expect((await participants.participants(list)).map((e) => e.code)).not.toContain(residentId(2, '150602'));
    const trail = (await participants.auditOfList(list)).map((a) => [a.action, a.what.code, a.why]);
    // Both entries were written at the same frozen instant: their order in the trail is not the point.
    expect(trail).toHaveLength(2);
    expect(trail).toEqual(
      expect.arrayContaining([
        ['participant.added', residentId(1, '150602'), null],
        ['practitioner.declined', residentId(2, '150602'), '已离职'],
      ]),
    );
  });

  it('after the list is confirmed, listing needs a reason (Art 18(1): confirmed by 31 March)', async () => {
    const frozen = new FilingDecisions(
      filings,
      new ParticipantLists(
        participants,
        { getCycle: async () => ({ leagues: { '150600': { stageIndex: 1 } } }) as never },
        clock,
        register,
      ),
      clock,
    );
    expect(await frozen.list(ordos, list, key(3), '6.7', '')).toEqual({
      status: 'invalid',
      issues: [{ path: '理由', message: '参评名单已确定，修改须填写理由' }],
    });
    const out = await frozen.list(ordos, list, key(3), '6.7', '用人单位补报');
    expect(out).toMatchObject({ status: 'ok', value: { status: 'listed', reason: '用人单位补报' } });
    const audit = await participants.auditOfList(list);
    expect(audit.find((a) => a.what.code === residentId(3, '150602'))).toMatchObject({
      why: '用人单位补报',
      afterConfirmation: true,
    });
    expect((await participants.participants(list)).find((e) => e.code === residentId(3, '150602'))?.basis).toBe('6.7');
  });
});
