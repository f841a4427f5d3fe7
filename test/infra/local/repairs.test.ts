import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../../infra/local/runtime.ts';
import { uscc } from '../../support/builders.ts';
import { LEAGUE_CODES } from '../../../domain/identifiers/leagues.ts';
import { getScore, postWebhook, staffToken, startTestRuntime } from '../../support/runtime.ts';

/** Credit repair after publication (Art 23 ¶2, 24, 27) on the local runtime. */
let rt: LocalRuntime;
const ENT = uscc(801, '150600');
beforeAll(async () => {
  rt = await startTestRuntime();
  rt.clock.set(new Date('2026-09-01T01:00:00Z'));
  const rec = (eventId: string, rule: string, rectifiedOn: string | null) => ({
    type: 'record.created',
    record: { eventId, subject: { kind: 'enterprise', id: ENT }, rule, occurredOn: '2026-03-01', department: '150600-EEB', league: '150600', rectifiedOn, ...(rule === 'ENF_FINE' ? { fineYuan: 1000 } : {}) },
  });
  await postWebhook(rt, rec('RP-1', 'PMT_LEDGER', '2026-04-01'));
  await postWebhook(rt, rec('RP-2', 'EIA_QUALITY', '2026-08-01'));
  await postWebhook(rt, rec('RP-3', 'HW_FAIL', null));
  await postWebhook(rt, rec('RP-4', 'ENF_FINE', '2026-03-05'));
  await rt.drain();
});
afterAll(async () => rt?.stop());

const call = async (method: string, path: string, token: string, body?: unknown) => {
  const res = await fetch(`${rt.url}${path}`, { method, headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: res.status, json: (await res.json()) as Record<string, any> };
};
const self = () => staffToken({ role: 'enterprise', subject: ENT });
const bureau = () => staffToken({ role: 'league', league: '150600' });
const base = `/v1/subjects/enterprise/${ENT}/repairs`;

describe('credit repair', () => {
  let applicationId: string;

  it('the enterprise applies; the conditions hold; the bureau has 20 working days to verify', async () => {
    expect((await getScore(rt, 'enterprise', ENT, { token: await bureau() })).json.score).toBe(84.5); // 100 − 3 − 10 − 2 − 0.5
    const r = await call('POST', base, await self(), { eventId: 'RP-1', evidence: '已按要求建立环境管理台账并报送' });
    expect(r.status).toBe(201);
    // 2026-09-01 + 20 working days: Sunday 09-20 is worked, Mid-Autumn 09-25..27 is off.
    expect(r.json).toMatchObject({ eventId: 'RP-1', status: 'pending', appliedOn: '2026-09-01', verifyBy: { on: '2026-09-29', provisional: false } });
    applicationId = r.json.id;
    expect(rt.scheduler.pending().some((t) => t.deadlineId === `REPAIR#${applicationId}`)).toBe(true);
    expect((await call('POST', base, await self(), { eventId: 'RP-1', evidence: '再次申请' })).status).toBe(409);
  });

  it('refuses what the regulation refuses, with its reasons in Chinese', async () => {
    const early = await call('POST', base, await self(), { eventId: 'RP-2', evidence: '已整改' });
    expect(early.status).toBe(422);
    expect(early.json.reasons).toEqual(['整改完成后须等待法定期限，最早可于2026-11-01申请修复（第二十七条）']);
    const unrectified = await call('POST', base, await self(), { eventId: 'RP-3', evidence: '正在整改' });
    expect(unrectified.json.reasons[0]).toContain('尚未完成整改');
    expect((await call('POST', base, await self(), { eventId: 'NOPE', evidence: 'x' })).json.issues[0].path).toBe('eventId');
    expect((await call('POST', base, await self(), { eventId: 'RP-1' })).json.issues[0].path).toBe('evidence');
  });

  it('only the subject itself or its bureau may apply; a practitioner applies through the bureau (Art 25)', async () => {
    expect((await call('POST', base, await staffToken({ role: 'enterprise', subject: uscc(802) }), { eventId: 'RP-4', evidence: 'x' })).status).toBe(403);
    expect((await call('POST', base, await staffToken({ role: 'league', league: '150100' }), { eventId: 'RP-4', evidence: 'x' })).status).toBe(403);
    expect((await call('POST', '/v1/subjects/practitioner/150203199002150023/repairs', await self(), { year: 2026 })).status).toBe(403);
    expect((await call('POST', '/v1/subjects/nobody/x/repairs', await self(), {})).status).toBe(400);
  });

  it('the bureau rejects only with reasons, and approves: the record is repaired and the score re-evaluated', async () => {
    const decide = (token: string, body: unknown) => call('POST', `${base}/${applicationId}/decision`, token, body);
    expect((await decide(await self(), { decision: 'approve' })).status).toBe(403);
    expect((await decide(await staffToken({ role: 'league', league: '150100' }), { decision: 'approve' })).status).toBe(403);
    expect((await decide(await bureau(), { decision: 'reject' })).json.issues[0].path).toBe('reason');
    const approved = await decide(await bureau(), { decision: 'approve' });
    expect(approved).toMatchObject({ status: 200, json: { status: 'approved', decidedOn: '2026-09-01' } });
    expect((await decide(await bureau(), { decision: 'approve' })).status).toBe(409);
    await rt.drain();
    const s = await getScore(rt, 'enterprise', ENT, { token: await bureau() });
    expect(s.json.score).toBe(87.5); // the −3 no longer counts
    expect((s.json.items as { eventId: string; state: string }[]).find((i) => i.eventId === 'RP-1')!.state).toBe('repaired');
    expect(rt.scheduler.pending().some((t) => t.deadlineId === `REPAIR#${applicationId}`)).toBe(false);
    const audit = await rt.store.auditOf({ kind: 'enterprise', id: ENT });
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['repair.applied', 'repair.approved', 'record.repaired']));
  });

  it('Art 23: a verification not done within 20 working days raises an overdue alert for the bureau', async () => {
    const r = await call('POST', base, await bureau(), { eventId: 'RP-4', evidence: '罚款已缴纳' });
    expect(r.status).toBe(201);
    rt.clock.set(new Date('2026-09-29T16:00:01Z'));
    expect(await rt.tick()).toBe(1);
    const list = await call('GET', base, await bureau());
    expect(list.json.find((a: { id: string }) => a.id === r.json.id)).toMatchObject({ status: 'pending', overdue: true });
    const audit = await rt.store.auditOf({ kind: 'enterprise', id: ENT });
    expect(audit.find((a) => a.action === 'alert.raised')).toMatchObject({ what: { responsible: '150600', limitOn: '2026-09-29', article: 'Art 23' } });
  });
});

describe('repair of an environmental-dishonest individual (Art 25-26)', () => {
  let prt: LocalRuntime;
  const PID = '150203199002150023';
  const pcall = async (method: string, path: string, token: string, body?: unknown) => {
    const res = await fetch(`${prt.url}${path}`, { method, headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: body === undefined ? undefined : JSON.stringify(body) });
    return { status: res.status, json: (await res.json()) as Record<string, any> };
  };
  beforeAll(async () => {
    prt = await startTestRuntime();
    prt.clock.set(new Date('2026-06-01T01:00:00Z'));
    for (const [i, rule] of ['PR_FRAUD_IN_SERVICE', 'PR_QUALIFICATION_LENDING'].entries())
      await postWebhook(prt, { type: 'record.created', record: { eventId: `PR-${i}`, subject: { kind: 'practitioner', id: PID }, rule, occurredOn: '2026-05-0' + (i + 1), department: '150200-EEB', league: '150200' } });
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
    for (const league of LEAGUE_CODES) await act({ act: 'reportSent', league });
    await act({ act: 'reviewConfirmed' });
    prt.clock.set(new Date('2027-05-20T01:00:00Z'));
    expect((await act({ act: 'resultsNotified' })).json.region.stage).toBe('NOTIFIED');
  });
  afterAll(async () => prt?.stop());

  const body = { year: 2026, commitmentSigned: true, reportedViolationConfirmed: false, volunteerHoursMet: true, evidence: '全年志愿服务时长已达标' };

  it('refuses before a full year since the rating, and without a contribution, in Chinese', async () => {
    const bureau = await staffToken({ role: 'league', league: '150200' });
    prt.clock.set(new Date('2028-05-19T01:00:00Z'));
    expect((await pcall('POST', `/v1/subjects/practitioner/${PID}/repairs`, bureau, body)).json.reasons).toEqual(['须自评定之日起一年内未出现环保信用失信记录，最早可于2028-05-20申请（第二十五条）']);
    prt.clock.set(new Date('2028-05-22T01:00:00Z'));
    const none = await pcall('POST', `/v1/subjects/practitioner/${PID}/repairs`, bureau, { ...body, volunteerHoursMet: false });
    expect(none.json.reasons[0]).toContain('第二十六条');
    expect((await pcall('POST', `/v1/subjects/practitioner/${PID}/repairs`, bureau, { ...body, year: 2025 })).json.reasons[0]).toContain('尚未通知');
    expect((await pcall('POST', `/v1/subjects/practitioner/${PID}/repairs`, await staffToken({ role: 'league', league: '150100' }), body)).status).toBe(403);
  });

  it('a year later, with the commitment and the volunteer hours: accepted; approval lifts the dishonest status', async () => {
    const bureau = await staffToken({ role: 'league', league: '150200' });
    prt.clock.set(new Date('2028-05-22T01:00:00Z'));
    const applied = await pcall('POST', `/v1/subjects/practitioner/${PID}/repairs`, bureau, body);
    expect(applied).toMatchObject({ status: 201, json: { eventId: 'DISHONEST-2026', status: 'pending' } });
    const before = await getScore(prt, 'practitioner', PID, { token: bureau, query: 'year=2026' });
    expect(before.json).toMatchObject({ dishonest: true, records: 2 });
    expect((await pcall('POST', `/v1/subjects/practitioner/${PID}/repairs/${applied.json.id}/decision`, bureau, { decision: 'approve' })).status).toBe(200);
    await prt.drain();
    const after = await getScore(prt, 'practitioner', PID, { token: bureau, query: 'year=2026' });
    // Found here: the 2026 snapshot written in 2026 must not outlive a repair made in 2028.
    expect(after.json).toMatchObject({ dishonest: false, records: 0 });
  });
});
