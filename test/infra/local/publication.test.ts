import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LEAGUE_CODES } from '../../../domain/identifiers/leagues.ts';
import { documentClient } from '../../../functions/adapters/dynamoDocument.ts';
import { DynamoNotices } from '../../../functions/adapters/dynamoNotices.ts';
import { type CreditPlatform, CreditPlatformError, type PushBatch } from '../../../functions/ports/creditPlatform.ts';
import type { LocalRuntime } from '../../../infra/local/runtime.ts';
import { residentId, uscc } from '../../support/builders.ts';
import { putOnList } from '../../support/publication.ts';
import { prepareReports } from '../../support/reports.ts';
import { callApi, getScore, postWebhook, putSubject, staffToken, startTestRuntime } from '../../support/runtime.ts';

/** Publication (Art 16(5)): the region's `published` act makes the year's results public. */
let rt: LocalRuntime;
let region: string;
/** The credit platform has no local peer: a fake that refuses the first push, then keeps what it gets. */
const received: PushBatch[] = [];
let refusals = 0;
const platform: CreditPlatform = {
  async push(batch) {
    if (refusals++ === 0) throw new CreditPlatformError('platform busy');
    received.push(batch);
  },
};
const ENT = uscc(901, '150300');
const SUSPENDED = uscc(902, '150300');
/** Registered, with a record, but not on the year's list of participants. */
const UNLISTED = uscc(903, '150300');
beforeAll(async () => {
  rt = await startTestRuntime({ creditPlatform: platform });
  rt.clock.set(new Date('2026-12-01T01:00:00Z'));
  region = await staffToken({ role: 'region', league: '150000' });
  await putSubject(rt, 'enterprise', ENT, { name: '乌海市测试焦化有限公司', league: '150300' }, region);
  await putSubject(
    rt,
    'enterprise',
    SUSPENDED,
    { name: '乌海市测试建材有限公司', league: '150300', suspended: { reason: '涉嫌环境污染罪，公安机关立案侦查' } },
    region,
  );
  await postWebhook(rt, {
    type: 'record.created',
    record: {
      eventId: 'PB-1',
      subject: { kind: 'enterprise', id: ENT },
      rule: 'SUP_CITY',
      occurredOn: '2026-06-01',
      department: '150300-EEB',
      league: '150300',
    },
  });
  await putSubject(rt, 'enterprise', UNLISTED, { name: '乌海市测试化工有限公司', league: '150300' }, region);
  await putOnList(rt, { year: 2026, kind: 'enterprise', league: '150300' }, [
    { code: ENT, name: '乌海市测试焦化有限公司' },
    { code: SUSPENDED, name: '乌海市测试建材有限公司' },
  ]);
  await postWebhook(rt, {
    type: 'record.created',
    record: {
      eventId: 'PB-2',
      subject: { kind: 'practitioner', id: residentId(9) },
      rule: 'PR_FRAUD_IN_SERVICE',
      occurredOn: '2026-06-01',
      department: '150300-EEB',
      league: '150300',
    },
  });
  await rt.drain();
});
afterAll(async () => rt?.stop());

const post = (path: string, body: unknown) => callApi(rt, 'POST', path, region, body);
const clock = (body: unknown) => fetch(`${rt.url}/v1/dev/clock`, { method: 'POST', body: JSON.stringify(body) });

describe('publishing a year’s results', () => {
  it('nothing is public before publication', async () => {
    expect((await getScore(rt, 'enterprise', ENT)).status).toBe(404);
  });

  it('after the region publishes, the public sees the final result; suspended subjects and practitioners stay out', async () => {
    rt.clock.set(new Date('2027-01-05T01:00:00Z'));
    expect((await post('/v1/cycles', { kind: 'enterprise', year: 2026 })).status).toBe(201);
    const act = (body: unknown) => post('/v1/cycles/2026/enterprise/acts', body);
    for (const league of LEAGUE_CODES) {
      await act({ act: 'listConfirmed', league });
      await act({ act: 'participantsNotified', league });
    }
    await clock({ advanceDays: 40 }); // every FILING window closes (Art 20)
    // A record of the next year, known before the 2026 results are published.
    await postWebhook(rt, {
      type: 'record.created',
      record: {
        eventId: 'PB-2027',
        subject: { kind: 'enterprise', id: ENT },
        rule: 'HW_BASIC',
        occurredOn: '2027-02-10',
        department: '150300-EEB',
        league: '150300',
      },
    });
    await rt.drain();
    await prepareReports(rt, { year: 2026, kind: 'enterprise' }, LEAGUE_CODES);
    for (const league of LEAGUE_CODES) expect((await act({ act: 'reportSent', league })).status).toBe(200);
    await act({ act: 'regionReleased' });
    await act({ act: 'publicityOpened' });
    await clock({ advanceDays: 14 }); // the 7-working-day publicity closes (Art 16(3))
    await act({ act: 'reviewConfirmed' });
    await rt.drain(); // the final results are frozen before they are published
    const published = await act({ act: 'published' });
    expect(published.json.region.stage).toBe('PUBLISHED');
    await rt.drain();
    const pub = await getScore(rt, 'enterprise', ENT);
    expect(pub).toMatchObject({ status: 200, json: { status: 'published', year: 2026, score: 98, grade: 'A' } });
    expect((await getScore(rt, 'enterprise', ENT, { query: 'year=2026' })).json.grade).toBe('A');
    expect((await getScore(rt, 'enterprise', SUSPENDED)).status).toBe(404);
    expect((await getScore(rt, 'practitioner', residentId(9))).status).toBe(404);
  });

  it('Art 16(5): each published unit is told its result in writing; a unit without a published grade is not', async () => {
    const notices = new DynamoNotices(documentClient(rt.dynamo), rt.tableName);
    const told = await notices.notice({ kind: 'enterprise', id: ENT }, 'results-2026-enterprise');
    expect(told).toMatchObject({
      kind: 'results',
      league: '150300',
      year: 2026,
      title: '2026年度环保信用评价结果通知',
    });
    expect(told?.body).toContain('评分98分，A级（环保诚信单位）');
    // Art 32: the unit never filed (未填报), so its A comes without incentives, and the notice says so.
    expect(told?.body).toContain('依照第三十二条的规定，不享受第二十九条规定的激励性措施');
    expect(told?.body).not.toContain('可对贵单位采取第二十九条规定的激励性措施');
    expect(await notices.notice({ kind: 'enterprise', id: SUSPENDED }, 'results-2026-enterprise')).toBeNull();
    expect(await notices.notice({ kind: 'enterprise', id: UNLISTED }, 'results-2026-enterprise')).toBeNull();
  });

  it('Art 16(1): a registered subject that is not on the year’s list of participants is not published', async () => {
    expect((await getScore(rt, 'enterprise', UNLISTED, { token: region })).json.grade).toBe('A');
    expect((await getScore(rt, 'enterprise', UNLISTED)).status).toBe(404);
    expect(await rt.store.getPublished({ kind: 'enterprise', id: UNLISTED }, 2026)).toBeNull();
  });

  it('Art 19: the published result of 2026 lists the records of 2026, not a record of 2027', async () => {
    const pub = await getScore(rt, 'enterprise', ENT, { query: 'year=2026' });
    expect((pub.json.items as { eventId: string }[]).map((i) => i.eventId)).toEqual(['PB-1']);
    const staff = await getScore(rt, 'enterprise', ENT, { token: region, query: 'year=2027' });
    expect(
      (staff.json.items as { eventId: string; state: string }[]).find((i) => i.eventId === 'PB-2027'),
    ).toMatchObject({ state: 'counted' });
  });

  it('pushes the published results to the public credit platform, retrying a refusal (Art 16(6))', async () => {
    expect(refusals).toBe(2);
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({
      kind: 'enterprise',
      year: 2026,
      entries: [
        { uscc: ENT, name: '乌海市测试焦化有限公司', league: '150300', grade: 'A', score: 98, blacklisted: false },
      ],
    });
  });
});
