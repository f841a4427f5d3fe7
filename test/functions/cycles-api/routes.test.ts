import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../../infra/local/runtime.ts';
import { residentId, uscc } from '../../support/builders.ts';
import { callApi, dumpTable, staffToken, startTestRuntime } from '../../support/runtime.ts';

/** A league's list of participants through the cycles API (Art 16(1), 17(1)): the template's rows, checked whole. */
let rt: LocalRuntime;
let ordos: string;
let region: string;
const path = '/v1/cycles/2026/agency/participants/150600';
const A = uscc(501, '150600');
const B = uscc(502, '150600');
const row = (code: string, name: string, over: Record<string, string> = {}) => ({
  code,
  name,
  league: '150600',
  basis: '6.5',
  categories: '环境监测服务机构',
  ...over,
});

beforeAll(async () => {
  rt = await startTestRuntime();
  ordos = await staffToken({ role: 'league', league: '150600' });
  region = await staffToken({ role: 'region', league: '150000' });
});
afterAll(async () => rt?.stop());

describe('the list of participants in the API', () => {
  it('refuses a list with bad rows whole, naming each row and column, and stores nothing', async () => {
    const before = await dumpTable(rt);
    const r = await callApi(rt, 'POST', path, ordos, {
      rows: [row(A, '鄂尔多斯市甲监测有限公司'), row('91150600MA0N00000X', '乙'), row(B, '丙', { basis: '6.1' })],
    });
    expect(r.status).toBe(422);
    expect(r.json.issues.map((i: { path: string }) => i.path)).toEqual(['rows[1].code', 'rows[2].basis']);
    expect(r.json.issues[0].message).toContain('统一社会信用代码');
    expect(await dumpTable(rt)).toBe(before);
  });

  it('imports valid rows; the same rows again change nothing', async () => {
    const rows = [
      row(A, '鄂尔多斯市甲监测有限公司'),
      row(B, '鄂尔多斯市乙环评有限公司', { categories: '环评服务机构' }),
    ];
    const first = await callApi(rt, 'POST', path, ordos, { rows });
    expect(first).toMatchObject({ status: 200, json: { added: 2, changed: 0, unchanged: 0 } });
    const before = await dumpTable(rt);
    const again = await callApi(rt, 'POST', path, ordos, { rows });
    expect(again).toMatchObject({ status: 200, json: { added: 0, changed: 0, unchanged: 2 } });
    expect(await dumpTable(rt)).toBe(before);
    const list = await callApi(rt, 'GET', path, region);
    expect(list.status).toBe(200);
    expect(list.json).toMatchObject({ year: 2026, kind: 'agency', league: '150600', confirmed: false });
    expect(list.json.entries.map((e: { code: string; categories: string[] }) => [e.code, e.categories])).toEqual(
      [
        [A, ['monitoring']],
        [B, ['eia']],
      ].sort(),
    );
  });

  it('another league’s bureau may neither read nor import it', async () => {
    const hohhot = await staffToken({ role: 'league', league: '150100' });
    expect((await callApi(rt, 'GET', path, hohhot)).status).toBe(403);
    expect((await callApi(rt, 'POST', path, hohhot, { rows: [row(A, '甲')] })).status).toBe(403);
  });

  it('a body that is not rows, or an unknown league, is a 400 naming the field', async () => {
    const bad = await callApi(rt, 'POST', path, ordos, { rows: 'A,B' });
    expect(bad.status).toBe(400);
    expect(bad.json.issues[0].path).toBe('rows');
    const league = await callApi(rt, 'GET', '/v1/cycles/2026/agency/participants/159999', ordos);
    expect(league.status).toBe(400);
    expect(league.json.issues[0].path).toBe('league');
  });

  it('Art 18(6): the region sees a practitioner’s resident ID masked, the league in full', async () => {
    const P = residentId(77);
    const employer = uscc(503, '150600');
    const pPath = '/v1/cycles/2026/practitioner/participants/150600';
    const r = await callApi(rt, 'POST', pPath, ordos, {
      rows: [{ code: P, name: '张三', league: '150600', basis: '6.6', employer, employerKind: '第三方服务机构' }],
    });
    expect(r.status).toBe(200);
    expect((await callApi(rt, 'GET', pPath, ordos)).json.entries[0].code).toBe(P);
    const masked = (await callApi(rt, 'GET', pPath, region)).json.entries[0].code;
    expect(masked).not.toBe(P);
    expect(masked).toContain('*');
  });
});
