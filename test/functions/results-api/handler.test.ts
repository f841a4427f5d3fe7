import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../../infra/local/runtime.ts';
import { residentId } from '../../support/builders.ts';
import { PUBLISHED_ON, SEEDED, seedPublishedResults } from '../../support/resultsUse.ts';
import { callApi, staffToken, startTestRuntime } from '../../support/runtime.ts';

/** The API of the results' uses: the sampling list for staff, the measures lookup for anyone. */
let rt: LocalRuntime;
beforeAll(async () => {
  rt = await startTestRuntime();
  rt.clock.set(new Date('2026-09-01T02:00:00Z'));
  await seedPublishedResults(rt.store);
});
afterAll(async () => rt?.stop());

const publicGet = async (path: string) => {
  const res = await fetch(`${rt.url}${path}`);
  return {
    status: res.status,
    json: (await res.json()) as Record<string, any>,
    cache: res.headers.get('cache-control'),
  };
};

describe('GET /v1/sampling/{year} (Art 28)', () => {
  it('gives a league bureau its league’s list with ratios, and refuses another league with 403', async () => {
    const token = await staffToken({ role: 'league', league: '150300' });
    const r = await callApi(rt, 'GET', '/v1/sampling/2025?basePermille=100', token);
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ year: 2025, league: '150300', basePermille: 100 });
    expect(r.json.rows.find((x: { id: string }) => x.id === SEEDED.blacklisted.id)).toMatchObject({
      blacklisted: true,
      ratioPermille: 200,
    });
    const other = await callApi(rt, 'GET', '/v1/sampling/2025?league=150600', token);
    expect(other.status).toBe(403);
    expect(other.json.error).toContain('无权');
  });

  it('needs a staff token, and names a bad base ratio in Chinese', async () => {
    expect((await publicGet('/v1/sampling/2025')).status).toBe(401);
    const token = await staffToken({ role: 'region', league: '150000' });
    const bad = await callApi(rt, 'GET', '/v1/sampling/2025?basePermille=5000', token);
    expect(bad.status).toBe(400);
    expect(bad.json.error).toContain('基础抽查比例');
  });
});

describe('GET /v1/subjects/{kind}/{id}/measures (Art 29–31)', () => {
  it('answers anyone whether a D agency may be hired (Art 31(2)), cacheable', async () => {
    const r = await publicGet(`/v1/subjects/agency/${SEEDED.agencyD.id}/measures`);
    expect(r.status).toBe(200);
    expect(r.cache).toBe('public, max-age=300');
    expect(r.json).toMatchObject({
      procurementAllowed: false,
      grade: 'D',
      year: 2025,
      publishedOn: PUBLISHED_ON[2025],
    });
  });

  it('never answers for a practitioner (Art 18(6), 35)', async () => {
    const r = await publicGet(`/v1/subjects/practitioner/${residentId(3)}/measures`);
    expect(r.status).toBe(404);
  });
});
