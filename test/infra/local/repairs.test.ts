import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LEAGUE_CODES } from '../../../domain/identifiers/leagues.ts';
import { SqsJsonQueue } from '../../../functions/adapters/sqsJsonQueue.ts';
import type { CreditPlatform, PushBatch } from '../../../functions/ports/creditPlatform.ts';
import { PublishResults } from '../../../functions/publication/publishResults.ts';
import type { CompleteReissue } from '../../../functions/publication/reissuePublished.ts';
import type { LocalRuntime } from '../../../infra/local/runtime.ts';
import { uscc } from '../../support/builders.ts';
import { putOnList } from '../../support/publication.ts';
import { prepareReports } from '../../support/reports.ts';
import { callApi, getScore, postWebhook, putSubject, staffToken, startTestRuntime } from '../../support/runtime.ts';

/** Credit repair after publication (Art 23 ¶2, 24, 27) on the local runtime. */

/** A `record.created` webhook body for a record of an Ordos (150600) enterprise; a fine (ENF_FINE) is 1,000 yuan. */
const ordosRecordCreated = (
  enterpriseId: string,
  eventId: string,
  rule: string,
  occurredOn: string,
  rectifiedOn: string | null,
) => ({
  type: 'record.created',
  record: {
    eventId,
    subject: { kind: 'enterprise', id: enterpriseId },
    rule,
    occurredOn,
    department: '150600-EEB',
    league: '150600',
    rectifiedOn,
    ...(rule === 'ENF_FINE' ? { fineYuan: 1000 } : {}),
  },
});

let rt: LocalRuntime;
const ENT = uscc(801, '150600');
beforeAll(async () => {
  rt = await startTestRuntime();
  rt.clock.set(new Date('2026-09-01T01:00:00Z'));
  const rec = (eventId: string, rule: string, rectifiedOn: string | null) =>
    ordosRecordCreated(ENT, eventId, rule, '2026-03-01', rectifiedOn);
  await postWebhook(rt, rec('RP-1', 'PMT_LEDGER', '2026-04-01'));
  await postWebhook(rt, rec('RP-2', 'EIA_QUALITY', '2026-08-01'));
  await postWebhook(rt, rec('RP-3', 'HW_FAIL', null));
  await postWebhook(rt, rec('RP-4', 'ENF_FINE', '2026-03-05'));
  await rt.drain();
});
afterAll(async () => rt?.stop());

const call = (method: string, path: string, token: string, body?: unknown) => callApi(rt, method, path, token, body);
const self = () => staffToken({ role: 'enterprise', subject: ENT });
const bureau = () => staffToken({ role: 'league', league: '150600' });
const base = `/v1/subjects/enterprise/${ENT}/repairs`;

/**
 * An Ordos enterprise's 2026 result as re-issued on 2027-03-10 after the repair of record `eventId`
 * (Art 23 ¶2): 100 − 0.5 for the one fine left.
 */
const reissuedOn20270310 = (eventId: string) => ({
  status: 'published',
  year: 2026,
  score: 99.5,
  grade: 'A',
  reissue: {
    version: 2,
    reissuedOn: '2027-03-10',
    article: 'Art 23',
    repairs: [{ eventId, repairedOn: '2027-03-10', bureau: '鄂尔多斯市生态环境局' }],
  },
});

describe('credit repair', () => {
  let applicationId: string;

  it('the enterprise applies; the conditions hold; the bureau has 20 working days to verify', async () => {
    expect((await getScore(rt, 'enterprise', ENT, { token: await bureau() })).json.score).toBe(84.5); // 100 − 3 − 10 − 2 − 0.5
    const r = await call('POST', base, await self(), { eventId: 'RP-1', evidence: '已按要求建立环境管理台账并报送' });
    expect(r.status).toBe(201);
    // 2026-09-01 + 20 working days: Sunday 09-20 is worked, Mid-Autumn 09-25..27 is off.
    expect(r.json).toMatchObject({
      eventId: 'RP-1',
      status: 'pending',
      appliedOn: '2026-09-01',
      verifyBy: { on: '2026-09-29', provisional: false },
    });
    applicationId = r.json.id;
    expect(rt.scheduler.pending().some((t) => t.kind === 'repair' && t.deadlineId === applicationId)).toBe(true);
    expect((await call('POST', base, await self(), { eventId: 'RP-1', evidence: '再次申请' })).status).toBe(409);
  });

  it('refuses what the regulation refuses, with its reasons in Chinese', async () => {
    const early = await call('POST', base, await self(), { eventId: 'RP-2', evidence: '已整改' });
    expect(early.status).toBe(422);
    expect(early.json.reasons).toEqual(['整改完成后须等待法定期限，最早可于2026-11-01申请修复（第二十七条）']);
    const unrectified = await call('POST', base, await self(), { eventId: 'RP-3', evidence: '正在整改' });
    expect(unrectified.json.reasons[0]).toContain('尚未完成整改');
    expect((await call('POST', base, await self(), { eventId: 'NOPE', evidence: 'x' })).json.issues[0].path).toBe(
      'eventId',
    );
    expect((await call('POST', base, await self(), { eventId: 'RP-1' })).json.issues[0].path).toBe('evidence');
  });

  it('only the subject itself or its bureau may apply; a practitioner applies through the bureau (Art 25)', async () => {
    expect(
      (
        await call('POST', base, await staffToken({ role: 'enterprise', subject: uscc(802) }), {
          eventId: 'RP-4',
          evidence: 'x',
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await call('POST', base, await staffToken({ role: 'league', league: '150100' }), {
          eventId: 'RP-4',
          evidence: 'x',
        })
      ).status,
    ).toBe(403);
    expect(
      (await call('POST', '/v1/subjects/practitioner/150203199002150023/repairs', await self(), { year: 2026 })).status,
    ).toBe(403);
    expect((await call('POST', '/v1/subjects/nobody/x/repairs', await self(), {})).status).toBe(400);
  });

  it('the bureau rejects only with reasons, and approves: the record is repaired and the score re-evaluated', async () => {
    const decide = (token: string, body: unknown) => call('POST', `${base}/${applicationId}/decision`, token, body);
    expect((await decide(await self(), { decision: 'approve' })).status).toBe(403);
    expect((await decide(await staffToken({ role: 'league', league: '150100' }), { decision: 'approve' })).status).toBe(
      403,
    );
    expect((await decide(await bureau(), { decision: 'reject' })).json.issues[0].path).toBe('reason');
    const approved = await decide(await bureau(), { decision: 'approve' });
    expect(approved).toMatchObject({ status: 200, json: { status: 'approved', decidedOn: '2026-09-01' } });
    expect((await decide(await bureau(), { decision: 'approve' })).status).toBe(409);
    await rt.drain();
    const s = await getScore(rt, 'enterprise', ENT, { token: await bureau() });
    expect(s.json.score).toBe(87.5); // the −3 no longer counts
    expect((s.json.items as { eventId: string; state: string }[]).find((i) => i.eventId === 'RP-1')!.state).toBe(
      'repaired',
    );
    expect(rt.scheduler.pending().some((t) => t.kind === 'repair' && t.deadlineId === applicationId)).toBe(false);
    const audit = await rt.store.auditOf({ kind: 'enterprise', id: ENT });
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['repair.applied', 'repair.approved', 'record.repaired']),
    );
  });

  it('Art 23: a verification not done within 20 working days raises an overdue alert for the bureau', async () => {
    const r = await call('POST', base, await bureau(), { eventId: 'RP-4', evidence: '罚款已缴纳' });
    expect(r.status).toBe(201);
    rt.clock.set(new Date('2026-09-29T16:00:01Z'));
    expect(await rt.tick()).toBe(1);
    const list = await call('GET', base, await bureau());
    expect(list.json.find((a: { id: string }) => a.id === r.json.id)).toMatchObject({
      status: 'pending',
      overdue: true,
    });
    const audit = await rt.store.auditOf({ kind: 'enterprise', id: ENT });
    expect(audit.find((a) => a.action === 'alert.raised')).toMatchObject({
      what: { responsible: '150600', limitOn: '2026-09-29', article: 'Art 23' },
    });
  });
});

describe('repair of an environmental-dishonest individual (Art 25-26)', () => {
  let prt: LocalRuntime;
  const PID = '150203199002150023';
  const pcall = (method: string, path: string, token: string, body?: unknown) =>
    callApi(prt, method, path, token, body);
  beforeAll(async () => {
    prt = await startTestRuntime();
    prt.clock.set(new Date('2026-06-01T01:00:00Z'));
    for (const [i, rule] of ['PR_FRAUD_IN_SERVICE', 'PR_QUALIFICATION_LENDING'].entries())
      await postWebhook(prt, {
        type: 'record.created',
        record: {
          eventId: `PR-${i}`,
          subject: { kind: 'practitioner', id: PID },
          rule,
          occurredOn: `2026-05-0${i + 1}`,
          department: '150200-EEB',
          league: '150200',
        },
      });
    await prt.drain();
    // The practitioner cycle of 2026 runs to NOTIFIED on 2027-05-20 (Art 18).
    const region = await staffToken({ role: 'region' });
    prt.clock.set(new Date('2027-03-01T01:00:00Z'));
    await pcall('POST', '/v1/cycles', region, { kind: 'practitioner', year: 2026 });
    const act = (body: unknown) => pcall('POST', '/v1/cycles/2026/practitioner/acts', region, body);
    for (const league of LEAGUE_CODES) {
      await act({ act: 'listConfirmed', league });
      await act({ act: 'supplementDone', league });
      await act({ act: 'confirmationNotified', league });
    }
    await fetch(`${prt.url}/v1/dev/clock`, { method: 'POST', body: JSON.stringify({ advanceDays: 10 }) });
    await prepareReports(prt, { year: 2026, kind: 'practitioner' }, LEAGUE_CODES);
    for (const league of LEAGUE_CODES) await act({ act: 'reportSent', league });
    await act({ act: 'reviewConfirmed' });
    prt.clock.set(new Date('2027-05-20T01:00:00Z'));
    expect((await act({ act: 'resultsNotified' })).json.region.stage).toBe('NOTIFIED');
  });
  afterAll(async () => prt?.stop());

  const body = {
    year: 2026,
    commitmentSigned: true,
    reportedViolationConfirmed: false,
    volunteerHoursMet: true,
    evidence: '全年志愿服务时长已达标',
  };

  it('refuses before a full year since the rating, and without a contribution, in Chinese', async () => {
    const bureau = await staffToken({ role: 'league', league: '150200' });
    prt.clock.set(new Date('2028-05-19T01:00:00Z'));
    expect((await pcall('POST', `/v1/subjects/practitioner/${PID}/repairs`, bureau, body)).json.reasons).toEqual([
      '须自评定之日起一年内未出现环保信用失信记录，最早可于2028-05-20申请（第二十五条）',
    ]);
    prt.clock.set(new Date('2028-05-22T01:00:00Z'));
    const none = await pcall('POST', `/v1/subjects/practitioner/${PID}/repairs`, bureau, {
      ...body,
      volunteerHoursMet: false,
    });
    expect(none.json.reasons[0]).toContain('第二十六条');
    expect(
      (await pcall('POST', `/v1/subjects/practitioner/${PID}/repairs`, bureau, { ...body, year: 2025 })).json
        .reasons[0],
    ).toContain('尚未通知');
    expect(
      (
        await pcall(
          'POST',
          `/v1/subjects/practitioner/${PID}/repairs`,
          await staffToken({ role: 'league', league: '150100' }),
          body,
        )
      ).status,
    ).toBe(403);
  });

  it('a year later, with the commitment and the volunteer hours: accepted; approval lifts the dishonest status', async () => {
    const bureau = await staffToken({ role: 'league', league: '150200' });
    prt.clock.set(new Date('2028-05-22T01:00:00Z'));
    const applied = await pcall('POST', `/v1/subjects/practitioner/${PID}/repairs`, bureau, body);
    expect(applied).toMatchObject({ status: 201, json: { eventId: 'DISHONEST-2026', status: 'pending' } });
    const before = await getScore(prt, 'practitioner', PID, { token: bureau, query: 'year=2026' });
    expect(before.json).toMatchObject({ dishonest: true, records: 2 });
    expect(
      (
        await pcall('POST', `/v1/subjects/practitioner/${PID}/repairs/${applied.json.id}/decision`, bureau, {
          decision: 'approve',
        })
      ).status,
    ).toBe(200);
    await prt.drain();
    const after = await getScore(prt, 'practitioner', PID, { token: bureau, query: 'year=2026' });
    // Found here: the 2026 snapshot written in 2026 must not outlive a repair made in 2028.
    expect(after.json).toMatchObject({ dishonest: false, records: 0 });
  });
});

describe('Art 23: a repair reaches the published result and the public credit platform', () => {
  let art: LocalRuntime;
  const E = uscc(803, '150600');
  /** The credit platform has no local peer: a fake that keeps one result per idempotency key, as the platform does. */
  const pushes: PushBatch[] = [];
  const kept = new Map<string, string>();
  const platform: CreditPlatform = {
    async push(batch) {
      pushes.push(batch);
      if (!kept.has(batch.batchId)) kept.set(batch.batchId, JSON.stringify(batch));
    },
  };
  const acall = (method: string, path: string, token: string, body?: unknown) =>
    callApi(art, method, path, token, body);
  const repairs = `/v1/subjects/enterprise/${E}/repairs`;
  const officer = () => staffToken({ role: 'league', league: '150600', sub: 'officer-0417' });
  const repair = async (eventId: string, evidence: string) => {
    const applied = await acall('POST', repairs, await staffToken({ role: 'enterprise', subject: E }), {
      eventId,
      evidence,
    });
    expect(applied.status).toBe(201);
    const decided = await acall('POST', `${repairs}/${applied.json.id}/decision`, await officer(), {
      decision: 'approve',
    });
    expect(decided.status).toBe(200);
    await art.drain();
    return applied.json.id as string;
  };
  const rec = (eventId: string, rule: string, occurredOn: string, rectifiedOn: string | null) =>
    ordosRecordCreated(E, eventId, rule, occurredOn, rectifiedOn);

  beforeAll(async () => {
    art = await startTestRuntime({ creditPlatform: platform });
    art.clock.set(new Date('2026-06-01T01:00:00Z'));
    const region = await staffToken({ role: 'region', league: '150000' });
    await putSubject(art, 'enterprise', E, { name: '鄂尔多斯市测试化工有限公司', league: '150600' }, region);
    await putOnList(art, { year: 2026, kind: 'enterprise', league: '150600' }, [
      { code: E, name: '鄂尔多斯市测试化工有限公司' },
    ]);
    await postWebhook(art, rec('RA-1', 'PMT_LEDGER', '2026-03-01', '2026-04-01')); // −3
    await postWebhook(art, rec('RA-2', 'SUP_CITY', '2026-02-01', '2026-03-01')); // −2
    await postWebhook(art, rec('RA-3', 'ENF_FINE', '2026-05-01', null)); // −0.5
    await art.drain();
    // The enterprise cycle of 2026, up to its publicity (Art 16).
    art.clock.set(new Date('2027-01-05T01:00:00Z'));
    const act = (body: unknown) => acall('POST', '/v1/cycles/2026/enterprise/acts', region, body);
    expect((await acall('POST', '/v1/cycles', region, { kind: 'enterprise', year: 2026 })).status).toBe(201);
    for (const league of LEAGUE_CODES) {
      await act({ act: 'listConfirmed', league });
      await act({ act: 'participantsNotified', league });
    }
    await fetch(`${art.url}/v1/dev/clock`, { method: 'POST', body: JSON.stringify({ advanceDays: 40 }) });
    await prepareReports(art, { year: 2026, kind: 'enterprise' }, LEAGUE_CODES);
    for (const league of LEAGUE_CODES) await act({ act: 'reportSent', league });
    await act({ act: 'regionReleased' });
    expect((await act({ act: 'publicityOpened' })).json.region.stage).toBe('PUBLICITY');
    // Art 23 ¶1: repaired during the publicity, confirmed by the league bureau.
    await repair('RA-2', '挂牌督办事项已整改完毕并通过验收');
    await fetch(`${art.url}/v1/dev/clock`, { method: 'POST', body: JSON.stringify({ advanceDays: 14 }) });
    await act({ act: 'reviewConfirmed' });
    await art.drain(); // the final results are frozen before they are published
    expect((await act({ act: 'published' })).json.region.stage).toBe('PUBLISHED');
    await art.drain();
  });
  afterAll(async () => art?.stop());

  it('Art 23 ¶1: a repair during the publicity is in the final published result, marked repaired with its date', async () => {
    const pub = await getScore(art, 'enterprise', E, { query: 'year=2026' });
    expect(pub.json).toMatchObject({ status: 'published', year: 2026, score: 96.5, grade: 'A' }); // 100 − 3 − 0.5
    expect((pub.json.items as Record<string, unknown>[]).find((i) => i.eventId === 'RA-2')).toMatchObject({
      state: 'repaired',
      repairedOn: '2027-02-14',
    });
    expect(pushes).toHaveLength(1);
    expect(pushes[0]).toMatchObject({ year: 2026, entries: [{ uscc: E, score: 96.5, grade: 'A' }] });
    expect(pushes[0]!.correction).toBeUndefined();
  });

  it('Art 23 ¶2: an approved repair after publication re-issues the published result, with the repair and its date', async () => {
    art.clock.set(new Date('2027-03-10T01:00:00Z'));
    const applicationId = await repair('RA-1', '已按要求建立环境管理台账并报送');
    const pub = await getScore(art, 'enterprise', E, { query: 'year=2026' });
    expect(pub.json).toMatchObject(reissuedOn20270310('RA-1'));
    const items = pub.json.items as Record<string, unknown>[];
    expect(items.find((i) => i.eventId === 'RA-1')).toMatchObject({ state: 'repaired', repairedOn: '2027-03-10' });
    expect(items.find((i) => i.eventId === 'RA-2')).toMatchObject({ state: 'repaired', repairedOn: '2027-02-14' });
    expect((await getScore(art, 'enterprise', E)).json).toMatchObject({ year: 2026, score: 99.5 });
    const audit = await art.store.auditOf({ kind: 'enterprise', id: E });
    expect(audit.find((a) => a.action === 'published.reissued')).toMatchObject({
      actor: 'staff:league:150600:officer-0417',
      what: {
        year: 2026,
        version: 2,
        applicationId,
        eventIds: ['RA-1'],
        before: { score: 96.5, grade: 'A' },
        after: { score: 99.5, grade: 'A' },
      },
    });
  });

  it('pushes the corrected result to the public credit platform as a correction under a new idempotency key', async () => {
    expect(pushes).toHaveLength(2);
    const [original, correction] = pushes as [PushBatch, PushBatch];
    expect(correction).toMatchObject({
      kind: 'enterprise',
      year: 2026,
      publishedOn: original.publishedOn,
      correction: { version: 2, reissuedOn: '2027-03-10', repairs: [{ eventId: 'RA-1', repairedOn: '2027-03-10' }] },
      entries: [
        { uscc: E, name: '鄂尔多斯市测试化工有限公司', league: '150600', grade: 'A', score: 99.5, blacklisted: false },
      ],
    });
    expect(correction.batchId).not.toBe(original.batchId);
  });

  it('a re-delivered correction carries the same idempotency key and changes nothing', async () => {
    const correction = pushes[1]!;
    const before = {
      published: await art.store.getPublished({ kind: 'enterprise', id: E }, 2026),
      audit: (await art.store.auditOf({ kind: 'enterprise', id: E })).length,
    };
    await new SqsJsonQueue<PushBatch>(art.sqs, art.queues.find((q) => q.definition.name === 'push')!.url).send([
      correction,
    ]);
    await art.drain();
    expect(pushes).toHaveLength(3);
    expect(pushes[2]).toEqual(correction);
    expect([...kept.keys()]).toEqual([pushes[0]!.batchId, correction.batchId]);
    expect(await art.store.getPublished({ kind: 'enterprise', id: E }, 2026)).toEqual(before.published);
    expect((await art.store.auditOf({ kind: 'enterprise', id: E })).length).toBe(before.audit);
  });
});

describe('Art 23 ¶2: a stored approval reaches the public even when its re-issue fails at once', () => {
  let crt: LocalRuntime;
  const E = uscc(804, '150600');
  const ref = { kind: 'enterprise' as const, id: E };
  const pushes: PushBatch[] = [];
  const platform: CreditPlatform = { push: async (batch) => void pushes.push(batch) };
  /** Fails the re-issue the decision request runs right after storing the decision (a crash, a DynamoDB error). */
  let failNext = false;
  const wrapReissue = (inner: CompleteReissue): CompleteReissue => ({
    complete: async (app, at) => {
      if (failNext) {
        failNext = false;
        throw new Error('DynamoDB unavailable');
      }
      return inner.complete(app, at);
    },
  });
  const ccall = (method: string, path: string, token: string, body?: unknown) =>
    callApi(crt, method, path, token, body);
  const repairs = `/v1/subjects/enterprise/${E}/repairs`;
  const corrections = () => pushes.filter((p) => p.correction !== undefined);
  let applicationId: string;

  beforeAll(async () => {
    crt = await startTestRuntime({ creditPlatform: platform, wrapReissue });
    crt.clock.set(new Date('2026-06-01T01:00:00Z'));
    await putSubject(
      crt,
      'enterprise',
      E,
      { name: '乌海市测试焦化有限公司', league: '150600' },
      await staffToken({ role: 'region', league: '150000' }),
    );
    const rec = (eventId: string, rule: string, rectifiedOn: string | null) =>
      ordosRecordCreated(E, eventId, rule, '2026-03-01', rectifiedOn);
    await postWebhook(crt, rec('RC-1', 'PMT_LEDGER', '2026-04-01')); // −3
    await postWebhook(crt, rec('RC-2', 'ENF_FINE', null)); // −0.5
    await crt.drain();
    // The year's result as published (Art 16(5)).
    expect(
      await new PublishResults(crt.store).execute({
        type: 'publish',
        kind: 'enterprise',
        year: 2026,
        publishedOn: '2027-02-26',
        subjects: [ref],
      }),
    ).toBe(1);
    crt.clock.set(new Date('2027-03-10T01:00:00Z'));
    const applied = await ccall('POST', repairs, await staffToken({ role: 'enterprise', subject: E }), {
      eventId: 'RC-1',
      evidence: '已按要求建立环境管理台账并报送',
    });
    expect(applied.status).toBe(201);
    applicationId = applied.json.id as string;
  });
  afterAll(async () => crt?.stop());

  it('the decision is stored and answered (202) with its re-issue pending; the public still sees the first issue', async () => {
    failNext = true;
    const decided = await ccall(
      'POST',
      `${repairs}/${applicationId}/decision`,
      await staffToken({ role: 'league', league: '150600', sub: 'officer-0522' }),
      { decision: 'approve' },
    );
    expect(decided.status).toBe(202);
    expect(decided.json).toMatchObject({
      id: applicationId,
      status: 'approved',
      decidedOn: '2027-03-10',
      decidedBy: 'staff:league:150600:officer-0522',
      reissuePending: true,
    });
    await crt.drain();
    expect((await crt.store.repairApplications(ref)).find((a) => a.id === applicationId)).toMatchObject({
      status: 'approved',
      reissuePending: true,
    });
    const pub = await getScore(crt, 'enterprise', E, { query: 'year=2026' });
    expect(pub.json).toMatchObject({ status: 'published', score: 96.5 });
    expect(pub.json).not.toHaveProperty('reissue');
    expect(corrections()).toHaveLength(0);
  });

  it('the nightly run completes the re-issue: the public sees the repaired result, and one correction is pushed', async () => {
    await crt.nightly();
    const pub = await getScore(crt, 'enterprise', E, { query: 'year=2026' });
    expect(pub.json).toMatchObject(reissuedOn20270310('RC-1'));
    expect((pub.json.items as Record<string, unknown>[]).find((i) => i.eventId === 'RC-1')).toMatchObject({
      state: 'repaired',
      repairedOn: '2027-03-10',
    });
    expect(corrections()).toHaveLength(1);
    expect(corrections()[0]).toMatchObject({
      year: 2026,
      correction: { version: 2, reissuedOn: '2027-03-10' },
      entries: [{ uscc: E, score: 99.5, grade: 'A' }],
    });
    expect((await crt.store.repairApplications(ref)).find((a) => a.id === applicationId)).toMatchObject({
      status: 'approved',
      reissuePending: false,
    });
    const audit = await crt.store.auditOf(ref);
    expect(audit.find((a) => a.action === 'published.reissued')).toMatchObject({
      actor: 'staff:league:150600:officer-0522',
      what: { year: 2026, version: 2, applicationId },
    });
    expect(audit.filter((a) => a.action === 'repair.reissue-completed')).toHaveLength(1);
  });

  it('another night changes nothing and pushes nothing again', async () => {
    const before = await crt.store.getPublished(ref, 2026);
    await crt.nightly();
    expect(await crt.store.getPublished(ref, 2026)).toEqual(before);
    expect(corrections()).toHaveLength(1);
  });
});
