import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../../infra/local/runtime.ts';
import { residentId, uscc } from '../../support/builders.ts';
import { callApi, staffToken, startTestRuntime } from '../../support/runtime.ts';
import { registerProfile } from '../../support/store.ts';

/** Repairs name a subject: outside one's jurisdiction, a missing subject answers like another league's. */
let rt: LocalRuntime;
const OTHERS = uscc(701, '150600');
beforeAll(async () => {
  rt = await startTestRuntime();
  await registerProfile(
    rt.store,
    { kind: 'enterprise', id: OTHERS, name: '鄂尔多斯市测试有限公司', league: '150600', sites: [] },
    '2026-01-01T00:00:00Z',
    'staff:region:150000',
  );
});
afterAll(async () => rt?.stop());

const call = (method: string, path: string, token: string, body?: unknown) =>
  callApi<{ error: string; issues?: { path: string }[] }>(rt, method, path, token, body);

describe('repairs outside one’s jurisdiction', () => {
  it.each([
    ['GET', 'repairs', undefined],
    ['POST', 'repairs', { eventId: 'E-1', evidence: '已整改' }],
    ['POST', 'repairs/a1/decision', { decision: 'approve' }],
  ])('%s …/%s: a missing subject and another league’s answer the same 403', async (method, tail, body) => {
    const token = await staffToken({ role: 'league', league: '150100' });
    const missing = await call(method, `/v1/subjects/enterprise/${uscc(702, '150600')}/${tail}`, token, body);
    const existing = await call(method, `/v1/subjects/enterprise/${OTHERS}/${tail}`, token, body);
    expect(missing.status).toBe(403);
    expect(existing).toEqual(missing);
  });

  it('a subject id that is not a USCC is a 400 naming id, not a store error', async () => {
    const r = await call(
      'GET',
      `/v1/subjects/enterprise/${'9'.repeat(3000)}/repairs`,
      await staffToken({ role: 'region', league: '150000' }),
    );
    expect(r.status).toBe(400);
    expect(r.json.issues).toEqual([expect.objectContaining({ path: 'id' })]);
  });
});

describe('person-written texts of a repair are bounded (docs/input-bounds.md)', () => {
  it('a decision’s reason over 500 characters (MAX_REASON_LENGTH) is a 400 naming reason, and nothing is stored', async () => {
    const token = await staffToken({ role: 'league', league: '150600' });
    const r = await call('POST', `/v1/subjects/enterprise/${OTHERS}/repairs/a1/decision`, token, {
      decision: 'reject',
      reason: '理'.repeat(150_000),
    });
    expect(r.status).toBe(400);
    expect(r.json.issues).toEqual([expect.objectContaining({ path: 'reason' })]);
    expect(r.json.error).toContain('reason');
  });

  it('a reason or an evidence text with control characters is a 400 naming the field', async () => {
    const token = await staffToken({ role: 'league', league: '150600' });
    const decision = await call('POST', `/v1/subjects/enterprise/${OTHERS}/repairs/a1/decision`, token, {
      decision: 'reject',
      reason: '不予修复\u0000',
    });
    expect([decision.status, decision.json.issues?.map((i) => i.path)]).toEqual([400, ['reason']]);
    const apply = await call('POST', `/v1/subjects/enterprise/${OTHERS}/repairs`, token, {
      eventId: 'E-1',
      evidence: '已整改\u0007',
    });
    expect([apply.status, apply.json.issues?.map((i) => i.path)]).toEqual([400, ['evidence']]);
  });

  it('every problem of a practitioner’s application is reported at once, each naming its field', async () => {
    const token = await staffToken({ role: 'league', league: '150600' });
    const r = await call('POST', `/v1/subjects/practitioner/${residentId(703, '150600')}/repairs`, token, {
      year: '2026',
      commitmentSigned: 'yes',
      evidence: '',
    });
    expect(r.status).toBe(400);
    expect(r.json.issues?.map((i) => i.path).sort()).toEqual([
      'commitmentSigned',
      'evidence',
      'reportedViolationConfirmed',
      'volunteerHoursMet',
      'year',
    ]);
  });
});
