import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../../infra/local/runtime.ts';
import {
  agencyCaller,
  leagueCaller,
  OBJECTING_AGENCY,
  ORDOS,
  objectionUseCasesOn,
  RECORD_A,
  seedConfirmation,
} from '../../support/objections.ts';
import { callApi, dumpTable, getScore, staffToken, startTestRuntime } from '../../support/runtime.ts';

/** Supplement and verification (Art 17(2), 18(2) "谁产生、谁补充、谁核实"). */
let rt: LocalRuntime;
let u: ReturnType<typeof objectionUseCasesOn>;
const AGENCY = { kind: 'agency' as const, id: OBJECTING_AGENCY };
const supplement = {
  subject: { kind: 'agency', id: OBJECTING_AGENCY },
  rule: 'AG_OBSTRUCTION',
  occurredOn: '2025-09-01',
  department: '鄂尔多斯市市场监督管理局',
  fineYuan: null,
  summary: '拒绝配合检查',
};
beforeAll(async () => {
  rt = await startTestRuntime();
  await seedConfirmation(rt, OBJECTING_AGENCY, 'SUPPLEMENT');
  u = objectionUseCasesOn(rt);
}, 120_000);
afterAll(async () => rt?.stop());

describe('supplementing and verifying records', () => {
  let eventId = '';
  it('in SUPPLEMENT the league adds a record from another department; the score follows', async () => {
    const out = await u.supplement.supplement(leagueCaller(), supplement);
    expect(out.status).toBe('ok');
    eventId = out.status === 'ok' ? out.value.eventId : '';
    expect(eventId).toMatch(/^SUP-150600-[0-9a-f]{16}$/);
    await rt.drain();
    const token = await staffToken({ role: 'league', league: ORDOS });
    const score = (await getScore(rt, 'agency', OBJECTING_AGENCY, { token, query: 'year=2025' })).json as {
      score: number;
    };
    expect(score.score).toBe(70);
    const before = await dumpTable(rt);
    expect(await u.supplement.supplement(leagueCaller(), supplement)).toEqual({ status: 'ok', value: { eventId } });
    await rt.drain();
    expect(await dumpTable(rt)).toBe(before);
  });

  it('only the league’s bureau supplements; a bad field is named and nothing is stored', async () => {
    expect(await u.supplement.supplement(leagueCaller('150100'), supplement)).toEqual({ status: 'forbidden' });
    expect(await u.supplement.supplement(agencyCaller(), supplement)).toEqual({ status: 'forbidden' });
    const before = await dumpTable(rt);
    const out = await u.supplement.supplement(leagueCaller(), { ...supplement, occurredOn: '2025-13-01' });
    expect(out.status === 'invalid' && out.issues.map((i) => i.path)).toEqual(['occurredOn']);
    expect(await u.supplement.supplement(leagueCaller(), { ...supplement, department: ' ' })).toMatchObject({
      status: 'invalid',
      issues: [{ path: 'department' }],
    });
    expect(await dumpTable(rt)).toBe(before);
  });

  it('marks a record verified once, audited; each record shows who produced, supplemented and verified it', async () => {
    const first = await u.supplement.verify(leagueCaller(), 'agency', OBJECTING_AGENCY, RECORD_A);
    expect(first).toMatchObject({ status: 'ok', value: { verifiedBy: 'staff:league:150600' } });
    const again = await u.supplement.verify(leagueCaller(), 'agency', OBJECTING_AGENCY, RECORD_A);
    expect(again.status === 'ok' && first.status === 'ok' && again.value.verifiedAt).toBe(
      first.status === 'ok' && first.value.verifiedAt,
    );
    expect(await u.supplement.verify(leagueCaller(), 'agency', OBJECTING_AGENCY, 'NO-SUCH')).toEqual({
      status: 'notFound',
    });
    const rows = await u.supplement.provenance(leagueCaller(), AGENCY);
    expect(rows.find((r) => r.eventId === RECORD_A)).toMatchObject({
      department: '150600-EEB',
      supplementedBy: null,
      source: 'nmg-enforcement',
      verified: { verifiedBy: 'staff:league:150600' },
    });
    expect(rows.find((r) => r.eventId === eventId)).toMatchObject({
      department: '鄂尔多斯市市场监督管理局',
      supplementedBy: ORDOS,
      verified: null,
    });
    expect(await u.supplement.provenance(leagueCaller('150100'), AGENCY)).toEqual([]);
    const audit = await rt.store.auditOf(AGENCY);
    expect(audit.filter((e) => e.action === 'record.verified')).toHaveLength(1);
  });

  it('after the supplement stage a record can no longer be supplemented', async () => {
    const region = await staffToken({ role: 'region', league: '150000' });
    await callApi(rt, 'POST', '/v1/cycles/2025/agency/acts', region, { act: 'supplementDone', league: ORDOS });
    const out = await u.supplement.supplement(leagueCaller(), { ...supplement, occurredOn: '2025-09-02' });
    expect(out).toMatchObject({ status: 'conflict', code: 'WRONG_STAGE' });
  });
});
