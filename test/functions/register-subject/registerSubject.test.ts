import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SubjectRef } from '../../../functions/ports/store.ts';
import type { LocalRuntime } from '../../../infra/local/runtime.ts';
import { uscc } from '../../support/builders.ts';
import { putSubject, staffToken, startTestRuntime } from '../../support/runtime.ts';

/**
 * Who may register a subject (Art 16(1), 17(1), 18(1); docs/authorization.md): a registered
 * subject's league is the registered one; an unregistered subject's league is that of its records;
 * a subject nothing is known about is unclaimed, and a league bureau may register it in its league.
 */
let rt: LocalRuntime;
beforeAll(async () => {
  rt = await startTestRuntime();
  rt.clock.freeze(new Date('2026-11-20T02:00:00Z'));
});
afterAll(async () => rt?.stop());

const league = (code: string) => staffToken({ role: 'league', league: code });
const body = (leagueCode: string) => ({ name: '测试化工有限公司', league: leagueCode, sites: [] });

/** A subject known only from its records, as the ingest worker keeps it. */
const keepUnregistered = async (ref: SubjectRef, recordsLeague: string) => {
  const subject = { kind: 'enterprise', id: ref.id, name: '（未登记）', league: recordsLeague, sites: [] };
  await rt.store.putProfile(
    { subject: subject as never, registration: 'unregistered', version: 1, updatedAt: '2026-05-01T00:00:00Z' },
    null,
    {
      subject: ref,
      at: '2026-05-01T00:00:00Z',
      actor: 'system',
      action: 'subject.created-unregistered',
      what: {},
      why: null,
    },
  );
};

describe('an unregistered subject belongs to the league of its records', () => {
  it('another league bureau cannot take it over (403), and nothing changes', async () => {
    const ref = { kind: 'enterprise' as const, id: uscc(401, '150600') };
    await keepUnregistered(ref, '150600');
    const r = await putSubject(rt, 'enterprise', ref.id, body('150100'), await league('150100'));
    expect(r.status).toBe(403);
    expect(await rt.store.getProfile(ref)).toMatchObject({
      registration: 'unregistered',
      version: 1,
      subject: { league: '150600' },
    });
  });

  it('the league of its records registers it, and the region may too', async () => {
    const ref = { kind: 'enterprise' as const, id: uscc(402, '150600') };
    await keepUnregistered(ref, '150600');
    expect((await putSubject(rt, 'enterprise', ref.id, body('150600'), await league('150600'))).status).toBe(200);
    expect(await rt.store.getProfile(ref)).toMatchObject({ registration: 'registered', subject: { league: '150600' } });
    const other = { kind: 'enterprise' as const, id: uscc(403, '150600') };
    await keepUnregistered(other, '150600');
    expect(
      (
        await putSubject(
          rt,
          'enterprise',
          other.id,
          body('150200'),
          await staffToken({ role: 'region', league: '150000' }),
        )
      ).status,
    ).toBe(200);
  });

  it('records known only to the region’s own department leave it to the region', async () => {
    const ref = { kind: 'enterprise' as const, id: uscc(404, '150600') };
    await keepUnregistered(ref, '150000');
    expect((await putSubject(rt, 'enterprise', ref.id, body('150600'), await league('150600'))).status).toBe(403);
  });
});

describe('unclaimed and registered subjects', () => {
  it('a league bureau registers an unclaimed subject in its own league, not in another', async () => {
    const id = uscc(405, '150100');
    expect((await putSubject(rt, 'enterprise', id, body('150600'), await league('150100'))).status).toBe(403);
    expect(await rt.store.getProfile({ kind: 'enterprise', id })).toBeNull();
    expect((await putSubject(rt, 'enterprise', id, body('150100'), await league('150100'))).status).toBe(201);
  });

  it('a registered subject is updated only by its league or the region, and a league cannot move it away', async () => {
    const id = uscc(406, '150100');
    expect((await putSubject(rt, 'enterprise', id, body('150100'), await league('150100'))).status).toBe(201);
    expect((await putSubject(rt, 'enterprise', id, body('150200'), await league('150200'))).status).toBe(403);
    expect((await putSubject(rt, 'enterprise', id, body('150200'), await league('150100'))).status).toBe(403);
    expect(await rt.store.getProfile({ kind: 'enterprise', id })).toMatchObject({
      version: 1,
      subject: { league: '150100' },
    });
  });
});
