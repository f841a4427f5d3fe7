import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffClaims } from '../../../functions/ports/identity.ts';
import { UNAUTHORIZED_MESSAGES } from '../../../functions/shared/http.ts';
import type { LocalRuntime } from '../../../infra/local/runtime.ts';
import { record, uscc } from '../../support/builders.ts';
import { staffToken, startTestRuntime } from '../../support/runtime.ts';

/** The bureau's list of claims set aside, and re-driving one (GET /v1/ingest/stuck, POST …/redrive). */
let rt: LocalRuntime;
beforeAll(async () => {
  rt = await startTestRuntime();
  rt.clock.freeze(new Date('2026-11-20T02:00:00Z'));
  const ENT = uscc(701, '150400');
  const r = record({
    eventId: 'STUCK-1',
    rule: 'PMT_LEDGER',
    subject: { kind: 'enterprise', id: ENT, siteId: null },
    league: '150400',
    department: '150400-EEB',
  });
  await rt.store.reserveClaims(
    'd-stuck',
    [
      {
        claim: {
          eventId: 'STUCK-1',
          subject: { kind: 'enterprise', id: ENT },
          contentHash: 'h',
          occurredOn: r.occurredOn,
          rectifiedOn: null,
          revokedOn: null,
          applied: false,
          source: 'nmg-enforcement',
          claimedAt: '2026-11-20T01:00:00.000Z',
        },
        league: '150400',
        message: {
          type: 'record.created',
          record: r,
          contentHash: 'h',
          source: 'nmg-enforcement',
          receivedAt: '2026-11-20T01:00:00.000Z',
        },
      },
    ],
    '2026-11-20T01:00:00.000Z',
  );
  await rt.store.commitDelivery('d-stuck', '2026-11-20T01:00:00.000Z');
  await rt.store.setAside(
    { eventId: 'STUCK-1', entry: 'created' },
    'ConcurrentUpdateError: subject kept changing',
    '2026-11-20T01:30:00.000Z',
  );
});
afterAll(async () => rt?.stop());

const call = async (method: string, path: string, claims?: StaffClaims) => {
  const res = await fetch(`${rt.url}${path}`, {
    method,
    headers: claims ? { authorization: `Bearer ${await staffToken(claims)}` } : {},
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
};

describe('stuck claims', () => {
  it('the region and the league of the record see a stuck claim with its cause; others do not', async () => {
    const regionView = await call('GET', '/v1/ingest/stuck', { role: 'region', league: '150000' });
    expect(regionView).toMatchObject({
      status: 200,
      json: {
        items: [
          expect.objectContaining({
            eventId: 'STUCK-1',
            error: 'ConcurrentUpdateError: subject kept changing',
            league: '150400',
          }),
        ],
      },
    });
    expect((await call('GET', '/v1/ingest/stuck', { role: 'league', league: '150400' })).json.items).toHaveLength(1);
    expect((await call('GET', '/v1/ingest/stuck', { role: 'league', league: '150100' })).json.items).toEqual([]);
    expect((await call('GET', '/v1/ingest/stuck', { role: 'enterprise', subject: uscc(701, '150400') })).status).toBe(
      403,
    );
    expect((await call('GET', '/v1/ingest/stuck')).status).toBe(401);
  });

  it('another league cannot tell a stuck eventId exists; a bad eventId is named', async () => {
    expect((await call('POST', '/v1/ingest/stuck/STUCK-1/redrive', { role: 'league', league: '150100' })).status).toBe(
      404,
    );
    expect((await call('POST', '/v1/ingest/stuck/NOPE-1/redrive', { role: 'league', league: '150100' })).status).toBe(
      404,
    );
    const bad = await call('POST', `/v1/ingest/stuck/${encodeURIComponent('a b')}/redrive`, {
      role: 'region',
      league: '150000',
    });
    expect(bad.status).toBe(400);
    expect((bad.json.issues as { path: string }[])[0]!.path).toBe('eventId');
  });

  it('re-driving sends it again, and once applied it leaves the list', async () => {
    expect(await call('POST', '/v1/ingest/stuck/STUCK-1/redrive', { role: 'league', league: '150400' })).toMatchObject({
      status: 202,
      json: { redriven: 1 },
    });
    await rt.drain();
    expect((await rt.store.getClaims(['STUCK-1'])).get('STUCK-1')!.applied).toBe(true);
    expect((await call('GET', '/v1/ingest/stuck', { role: 'region', league: '150000' })).json.items).toEqual([]);
  });
});

describe('401 wording', () => {
  it('says why, in the words of every other staff route: a missing token and a malformed one differ', async () => {
    const missing = await fetch(`${rt.url}/v1/ingest/stuck`);
    const malformed = await fetch(`${rt.url}/v1/ingest/stuck`, { headers: { authorization: 'Token abc' } });
    expect([missing.status, malformed.status]).toEqual([401, 401]);
    expect(await missing.json()).toEqual({ error: UNAUTHORIZED_MESSAGES.token.missing, reason: 'missing' });
    expect(await malformed.json()).toEqual({ error: UNAUTHORIZED_MESSAGES.token.malformed, reason: 'malformed' });
  });
});
