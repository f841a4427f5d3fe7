import { ReceiveMessageCommand, SendMessageCommand } from '@aws-sdk/client-sqs';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../../infra/local/runtime.ts';
import { uscc } from '../../support/builders.ts';
import { prepareReports } from '../../support/reports.ts';
import { callApi, getScore, postWebhook, staffToken, startTestRuntime } from '../../support/runtime.ts';

/** The yearly cycles end to end on the local runtime (Art 16-18, 20): stages move by themselves on legal deadlines. */

let rt: LocalRuntime;
let region: string;
beforeAll(async () => {
  rt = await startTestRuntime();
  rt.clock.set(new Date('2026-03-02T01:00:00Z'));
  region = await staffToken({ role: 'region', league: '150000' });
});
afterAll(async () => rt?.stop());

const api = (method: string, path: string, body?: unknown, token = region) => callApi(rt, method, path, token, body);
const moveClock = (body: unknown) =>
  fetch(`${rt.url}/v1/dev/clock`, { method: 'POST', body: JSON.stringify(body) }).then(
    (r) => r.json() as Promise<{ now: string; fired: number }>,
  );
const cycle = async () => (await api('GET', '/v1/cycles/2025/agency')).json;
const leagueStage = (c: Record<string, any>, league: string) =>
  c.leagues.find((l: { league: string }) => l.league === league).stage;
const act = (body: Record<string, unknown>, token = region) => api('POST', '/v1/cycles/2025/agency/acts', body, token);

describe('an agency cycle, opened and run by moving the clock', () => {
  it('only the region opens a cycle; it starts with every league listing and the fixed dates scheduled', async () => {
    expect(
      (
        await api(
          'POST',
          '/v1/cycles',
          { kind: 'agency', year: 2025 },
          await staffToken({ role: 'league', league: '150100' }),
        )
      ).status,
    ).toBe(403);
    expect((await api('POST', '/v1/cycles', { kind: 'agency', year: 'x' })).json.issues[0].path).toBe('year');
    const opened = await api('POST', '/v1/cycles', { kind: 'agency', year: 2025 });
    expect(opened.status).toBe(201);
    expect(opened.json.leagues).toHaveLength(12);
    expect(leagueStage(opened.json, '150100')).toBe('LISTING');
    expect(opened.json.deadlines.find((d: { id: string }) => d.id === 'LISTING.end@150100')).toMatchObject({
      on: '2026-03-31',
      article: 'Art 17(1)',
      schedule: 'scheduled',
      provisional: false,
    });
    expect((await api('POST', '/v1/cycles', { kind: 'agency', year: 2025 })).status).toBe(409);
    // 12 leagues × (LISTING.end, REPORTED.end) + PUBLICITY.start + PUBLISHED.start
    expect(rt.scheduler.pending()).toHaveLength(26);
  });

  it('each act by its role: a league bureau acts for its own league only', async () => {
    const other = await staffToken({ role: 'league', league: '150200' });
    expect((await act({ act: 'listConfirmed', league: '150100' }, other)).status).toBe(403);
    expect((await act({ act: 'publicityOpened' }, await staffToken({ role: 'league', league: '150100' }))).status).toBe(
      403,
    );
    const mine = await staffToken({ role: 'league', league: '150100' });
    expect((await act({ act: 'listConfirmed', league: '150100' }, mine)).status).toBe(200);
    const wrong = await act({ act: 'reportSent', league: '150100' }, mine);
    expect(wrong).toMatchObject({ status: 409, json: { code: 'WRONG_STAGE' } });
    expect((await act({ act: 'nonsense', league: '150100' })).json.issues[0].path).toBe('act');
  });

  it('a fixed date passing raises an overdue alert to the league that has not acted, and moves nothing', async () => {
    const moved = await moveClock({ now: '2026-04-01T01:00:00Z' });
    expect(moved.fired).toBe(11); // every league but Hohhot missed LISTING.end
    const c = await cycle();
    expect(leagueStage(c, '150200')).toBe('LISTING');
    expect(c.alerts.find((a: { id: string }) => a.id === 'LISTING.end@150200:overdue')).toMatchObject({
      responsible: '150200',
      responsibleName: '包头市生态环境局',
      article: 'Art 17(1)',
      limitOn: '2026-03-31',
      overdueByWorkingDays: 1,
    });
    expect(c.alerts.some((a: { responsible: string }) => a.responsible === '150100')).toBe(false);
  });

  it('windows close by themselves and move the stage; late acts resolve alerts', async () => {
    for (const league of [
      '150200',
      '150300',
      '150400',
      '150500',
      '150600',
      '150700',
      '150800',
      '150900',
      '152200',
      '152500',
      '152900',
    ])
      await act({ act: 'listConfirmed', league }, region);
    expect((await cycle()).alerts).toEqual([]);
    for (const league of Object.keys(
      Object.fromEntries((await cycle()).leagues.map((l: { league: string }) => [l.league, 1])),
    ))
      await act({ act: 'participantsNotified', league });
    let c = await cycle();
    expect(c.deadlines.find((d: { id: string }) => d.id === 'FILING.end@150100')).toMatchObject({
      on: '2026-04-30',
      article: 'Art 20',
      type: 'window',
    });
    await moveClock({ now: '2026-04-30T15:59:58Z' });
    expect(leagueStage(await cycle(), '150100')).toBe('FILING');
    await moveClock({ now: '2026-04-30T16:00:00Z' });
    c = await cycle();
    expect(leagueStage(c, '150100')).toBe('SUPPLEMENT');
    expect(c.deadlines.find((d: { id: string }) => d.id === 'SUPPLEMENT.end@150100')).toMatchObject({
      on: '2026-05-18',
      article: 'Art 17(2)',
    });
  });

  it('a deadline delivered twice, late, or after a cancel changes nothing', async () => {
    const c = await cycle();
    const fired = c.deadlines.find((d: { id: string }) => d.id === 'FILING.end@150100');
    const target = {
      kind: 'cycle' as const,
      owner: { kind: 'cycle' as const, year: 2025, cycleKind: 'agency' as const },
      deadlineId: fired.id,
      at: fired.at,
    };
    expect(await rt.cycles.fire(target)).toEqual({ status: 'ignored', reason: 'DEADLINE_NOT_SCHEDULED' });
    await act({ act: 'supplementDone', league: '150100' });
    const cancelled = (await cycle()).deadlines.find((d: { id: string }) => d.id === 'SUPPLEMENT.end@150100');
    expect(cancelled.schedule).toBe('cancelled');
    const before = await cycle();
    expect(await rt.cycles.fire({ ...target, deadlineId: cancelled.id, at: cancelled.at })).toEqual({
      status: 'ignored',
      reason: 'DEADLINE_NOT_SCHEDULED',
    });
    expect((await cycle()).version).toBe(before.version);
  });

  it('a lost schedule is caught by the nightly sweep within a day', async () => {
    // Every other league: supplement not done; lose Baotou's schedule.
    rt.scheduler.forget({
      kind: 'cycle',
      owner: { kind: 'cycle', year: 2025, cycleKind: 'agency' },
      deadlineId: 'SUPPLEMENT.end@150200',
    });
    rt.clock.set(new Date('2026-05-19T01:00:00Z'));
    await rt.tick();
    let c = await cycle();
    expect(c.alerts.some((a: { id: string }) => a.id === 'SUPPLEMENT.end@150200:overdue')).toBe(false);
    expect(c.alerts.some((a: { id: string }) => a.id === 'SUPPLEMENT.end@150300:overdue')).toBe(true);
    const night = await rt.nightly();
    expect(night.swept).toBeGreaterThanOrEqual(1);
    c = await cycle();
    expect(c.alerts.find((a: { id: string }) => a.id === 'SUPPLEMENT.end@150200:overdue')).toMatchObject({
      article: 'Art 17(2)',
    });
  });

  it('the rest of the cycle runs to PUSHED and leaves no schedule behind', async () => {
    const leagues: string[] = (await cycle()).leagues.map((l: { league: string }) => l.league);
    for (const league of leagues.filter((l) => l !== '150100')) await act({ act: 'supplementDone', league });
    for (const league of leagues) await act({ act: 'confirmationNotified', league });
    await act({ act: 'objectionReceived', league: '150100', caseId: 'OBJ-1' });
    await moveClock({ advanceDays: 8 });
    let c = await cycle();
    expect(leagueStage(c, '150100')).toBe('REPORTED');
    expect((await act({ act: 'reportSent', league: '150100' })).json.code).toBe('OBJECTIONS_OPEN');
    await act({ act: 'objectionReviewed', league: '150100', caseId: 'OBJ-1' });
    expect((await act({ act: 'reportSent', league: '150100' })).json.code).toBe('REPORT_NOT_PREPARED');
    await prepareReports(rt, { year: 2025, kind: 'agency' }, leagues);
    for (const league of leagues) await act({ act: 'reportSent', league });
    c = await cycle();
    expect(c.region.stage).toBe('PUBLICITY');
    await act({ act: 'publicityOpened' });
    await moveClock({ advanceDays: 12 });
    expect((await cycle()).region.stage).toBe('REVIEW');
    await act({ act: 'reviewConfirmed' });
    await rt.drain(); // the final results are frozen before they are published
    await act({ act: 'published' });
    await act({ act: 'platformAcknowledged' });
    c = await cycle();
    expect(c.region.stage).toBe('PUSHED');
    expect(c.alerts).toEqual([]);
    expect(c.deadlines.filter((d: { schedule: string }) => d.schedule === 'scheduled')).toEqual([]);
    expect(
      rt.scheduler
        .pending()
        .filter((t) => t.owner.kind === 'cycle' && t.owner.year === 2025 && t.owner.cycleKind === 'agency'),
    ).toEqual([]);
    expect(await rt.cycleStore.dueDeadlines('2099-01-01T00:00:00Z')).toEqual([]);
  });
});

describe('a cycle opened late', () => {
  it('fires the fixed dates already past at once, without scheduling anything in the past', async () => {
    const opened = await api('POST', '/v1/cycles', { kind: 'enterprise', year: 2024 });
    expect(opened.status).toBe(201);
    const c = (await api('GET', '/v1/cycles/2024/enterprise')).json;
    // Every date of 2025 is past: 12 LISTING.end, 12 GRADING.end, PUBLICITY.start, PUBLISHED.start.
    expect(c.alerts).toHaveLength(26);
    expect(
      rt.scheduler
        .pending()
        .filter((t) => t.owner.kind === 'cycle' && t.owner.year === 2024 && t.owner.cycleKind === 'enterprise'),
    ).toEqual([]);
  });
});

describe('loading an official calendar later (I11)', () => {
  it('recomputes the provisional deadlines and moves their schedules; only the region may load one', async () => {
    rt.clock.set(new Date('2027-01-04T01:00:00Z'));
    expect((await api('POST', '/v1/cycles', { kind: 'practitioner', year: 2026 })).status).toBe(201);
    await api('POST', '/v1/cycles/2026/practitioner/acts', { act: 'listConfirmed', league: '150100' });
    let c = (await api('GET', '/v1/cycles/2026/practitioner')).json;
    expect(c.deadlines.find((d: { id: string }) => d.id === 'SUPPLEMENT.end@150100')).toMatchObject({
      on: '2027-01-18',
      provisional: true,
    });
    const body = { holidays: [{ date: '2027-01-05', name: '测试假日' }], workdays: [] };
    expect(
      (await api('PUT', '/v1/calendars/2027', body, await staffToken({ role: 'league', league: '150100' }))).status,
    ).toBe(403);
    expect(
      (
        await api('PUT', '/v1/calendars/2027', {
          holidays: [{ date: '2027-01-09', name: '周六' }],
          workdays: [{ date: '2027-01-09', name: '调休' }],
        })
      ).status,
    ).toBe(400);
    const loaded = await api('PUT', '/v1/calendars/2027', body);
    expect(loaded.status).toBe(200);
    expect(loaded.json.moved).toContainEqual({
      cycle: 'CYCLE#2026#practitioner',
      id: 'SUPPLEMENT.end@150100',
      from: '2027-01-18',
      to: '2027-01-19',
      provisional: false,
    });
    c = (await api('GET', '/v1/cycles/2026/practitioner')).json;
    expect(c.deadlines.find((d: { id: string }) => d.id === 'SUPPLEMENT.end@150100')).toMatchObject({
      on: '2027-01-19',
      provisional: false,
    });
    expect(
      rt.scheduler
        .pending()
        .find(
          (t) =>
            t.deadlineId === 'SUPPLEMENT.end@150100' &&
            t.owner.kind === 'cycle' &&
            t.owner.year === 2026 &&
            t.owner.cycleKind === 'practitioner',
        )!.at,
    ).toBe('2027-01-19T15:59:59.000Z');
  });
});

describe('credit warnings (Art 22, I8) and the nightly rescoring', () => {
  const ENT = uscc(501, '150100');

  it('a warning whose deadline passes unrectified starts to count at once', async () => {
    rt.clock.set(new Date('2027-02-01T01:00:00Z'));
    await postWebhook(rt, {
      type: 'record.created',
      record: {
        eventId: 'W-1',
        subject: { kind: 'enterprise', id: ENT },
        rule: 'PMT_LEDGER',
        occurredOn: '2027-02-01',
        department: '150100-EEB',
        league: '150100',
        warning: { issuedOn: '2027-02-01', deadline: '2027-02-10' },
      },
    });
    await rt.drain();
    let s = await getScore(rt, 'enterprise', ENT, { token: region });
    expect(s.json).toMatchObject({
      score: 100,
      pending: [expect.objectContaining({ eventId: 'W-1', state: 'warning', deadline: '2027-02-10' })],
    });
    await moveClock({ now: '2027-02-10T16:00:05Z' });
    s = await getScore(rt, 'enterprise', ENT, { token: region });
    expect(s.json.score).toBe(97);
    const snapshot = await rt.store.getSnapshot({ kind: 'enterprise', id: ENT }, 2027);
    expect(snapshot!.asOf).toBe('2027-02-11');
  });

  it('repairs a snapshot edited behind the system’s back and counts the drift', async () => {
    const snapshot = (await rt.store.getSnapshot({ kind: 'enterprise', id: ENT }, 2027))!;
    const doc = DynamoDBDocumentClient.from(rt.dynamo);
    const forged = { ...snapshot, result: JSON.stringify({ ...snapshot.result, score: 100, grade: 'A' }) };
    await doc.send(
      new PutCommand({
        TableName: rt.tableName,
        Item: { PK: `SUBJECT#enterprise#${ENT}`, SK: 'SNAPSHOT#2027', snapshot: forged, version: snapshot.version },
      }),
    );
    expect((await getScore(rt, 'enterprise', ENT, { token: region })).json.score).toBe(100);
    const night = await rt.nightly();
    expect(night.drift).toBe(1);
    expect((await getScore(rt, 'enterprise', ENT, { token: region })).json.score).toBe(97);
    expect(
      (await rt.store.auditOf({ kind: 'enterprise', id: ENT })).some((a) => a.action === 'snapshot.drift-repaired'),
    ).toBe(true);
    // Nothing changed since: the next run writes nothing (every stored result is still within its stable period).
    expect(await rt.nightly()).toMatchObject({ drift: 0, changed: 0 });
  });

  it('converges in one night when a practitioner’s staff link changes the employer’s score (no false drift)', async () => {
    const agency = uscc(601, '150200');
    const staffIds = ['150203199001010011', '150203199001010038', '150203199001010054'];
    // Stored as an earlier system would have left them (items as the store writes them): practitioners
    // registered with records, no staff links yet.
    const doc = DynamoDBDocumentClient.from(rt.dynamo);
    await doc.send(
      new PutCommand({
        TableName: rt.tableName,
        Item: {
          PK: `SUBJECT#agency#${agency}`,
          SK: 'PROFILE',
          profile: {
            subject: { kind: 'agency', id: agency, name: '测试机构', league: '150200', categories: ['eia'] },
            registration: 'registered',
            version: 1,
            updatedAt: '2027-01-01T00:00:00Z',
          },
          version: 1,
          GSI1PK: 'LEAGUE#150200#agency',
          GSI1SK: `SUBJECT#${agency}`,
        },
      }),
    );
    for (const [i, pid] of staffIds.entries()) {
      await doc.send(
        new PutCommand({
          TableName: rt.tableName,
          Item: {
            PK: `SUBJECT#practitioner#${pid}`,
            SK: 'PROFILE',
            profile: {
              subject: { kind: 'practitioner', id: pid, employer: { kind: 'agency', id: agency } },
              registration: 'registered',
              version: 1,
              updatedAt: '2027-01-01T00:00:00Z',
            },
            version: 1,
            GSI1PK: 'LEAGUE#none#practitioner',
            GSI1SK: `SUBJECT#${pid}`,
          },
        }),
      );
      const r = {
        eventId: `ST-${i}`,
        subject: { kind: 'practitioner', id: pid, siteId: null },
        rule: 'PR_FRAUD_IN_SERVICE',
        occurredOn: '2027-01-20',
        department: '150200-EEB',
        league: '150200',
        fineYuan: null,
        clientEventId: null,
        legalBasis: null,
        caseNo: null,
        summary: null,
        warning: null,
        rectifiedOn: null,
        repairedOn: null,
        revokedOn: null,
      };
      await doc.send(
        new PutCommand({
          TableName: rt.tableName,
          Item: {
            PK: `SUBJECT#practitioner#${pid}`,
            SK: `RECORD#ST-${i}`,
            stored: { record: r, contentHash: `h${i}`, source: 'test', receivedAt: '2027-01-20T00:00:00Z' },
            contentHash: `h${i}`,
          },
        }),
      );
    }
    const first = await rt.nightly();
    expect(first.drift).toBe(0);
    expect((await getScore(rt, 'agency', agency, { token: region })).json.score).toBe(80);
    rt.clock.set(new Date('2027-02-11T18:00:00Z'));
    expect((await rt.nightly()).drift).toBe(0);
  });

  it('a poison rescore message ends in the dead-letter queue without blocking the rest', async () => {
    const rescore = rt.queues.find((q) => q.definition.name === 'rescore')!;
    await rt.sqs.send(
      new SendMessageCommand({ QueueUrl: rescore.url, MessageBody: '{"type":"rescore","subjects":"nope"}' }),
    );
    const night = await rt.nightly();
    expect(night.subjects).toBeGreaterThan(0);
    const dlq = await rt.sqs.send(
      new ReceiveMessageCommand({ QueueUrl: rescore.dlqUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 1 }),
    );
    expect((dlq.Messages ?? []).map((m) => m.Body)).toContain('{"type":"rescore","subjects":"nope"}');
  });
});
