import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoCreditStore } from '../../../functions/adapters/dynamoStore.ts';
import type { EventClaim, StoredSnapshot } from '../../../functions/ports/store.ts';
import { freshTable } from '../../support/table.ts';
import { ENTERPRISE_ID, record } from '../../support/builders.ts';

/** The record store's guarantees, on real DynamoDB Local. */
let client: DynamoDBClient;
let store: DynamoCreditStore;
beforeAll(async () => {
  const fresh = await freshTable('store');
  client = fresh.client;
  store = new DynamoCreditStore(client, fresh.table);
});
afterAll(() => client?.destroy());

const ref = { kind: 'enterprise' as const, id: ENTERPRISE_ID };
const claim = (eventId: string, over: Partial<EventClaim> = {}): EventClaim => ({
  eventId, subject: ref, contentHash: 'h1', occurredOn: '2026-03-01', rectifiedOn: null, revokedOn: null, applied: false, source: 'test', claimedAt: '2026-03-01T00:00:00Z', ...over,
});
const snapshot = (version: number, score: number): StoredSnapshot => ({
  year: 2026, league: '150100', asOf: '2026-06-01', stableThrough: '2026-06-30', version, computedAt: '2026-06-01T00:00:00Z',
  result: { subject: { kind: 'enterprise', id: ENTERPRISE_ID, name: '甲', league: '150100' }, score } as never,
});

describe('event claims', () => {
  it('an eventId is claimed once; the second claim says so', async () => {
    expect(await store.claimEvent(claim('C-1'))).toBe(true);
    expect(await store.claimEvent(claim('C-1', { contentHash: 'h2' }))).toBe(false);
    expect((await store.getClaims(['C-1', 'NOPE'])).get('C-1')).toMatchObject({ contentHash: 'h1' });
  });

  it('a lifecycle date is claimed once: the same date is a duplicate, another a conflict', async () => {
    expect((await store.claimLifecycle('C-1', 'rectifiedOn', '2026-04-01')).outcome).toBe('claimed');
    expect((await store.claimLifecycle('C-1', 'rectifiedOn', '2026-04-01')).outcome).toBe('duplicate');
    expect((await store.claimLifecycle('C-1', 'rectifiedOn', '2026-04-02')).outcome).toBe('conflict');
    expect((await store.claimLifecycle('NOPE', 'revokedOn', '2026-04-02')).outcome).toBe('unknown');
  });

  it('reads more than a hundred claims at once', async () => {
    const ids = Array.from({ length: 130 }, (_, i) => `B-${i}`);
    for (const id of ids) await store.claimEvent(claim(id));
    expect((await store.getClaims(ids)).size).toBe(130);
  });
});

describe('a subject’s record and snapshot in one guarded transaction', () => {
  const stored = { record: record({ eventId: 'R-1', rule: 'PMT_LEDGER' }), contentHash: 'x1', source: 'test', receivedAt: '2026-03-01T00:00:00Z' };

  it('writes a record with its snapshot, and refuses a stale snapshot version', async () => {
    expect(await store.commitSubject({ subject: ref, newRecord: stored, snapshots: [{ snapshot: snapshot(1, 97), expectedVersion: null }], audit: [] })).toBe(true);
    // A concurrent writer that read no snapshot loses: nothing of its change is written.
    const other = { ...stored, record: record({ eventId: 'R-2', rule: 'HW_BASIC' }), contentHash: 'x2' };
    expect(await store.commitSubject({ subject: ref, newRecord: other, snapshots: [{ snapshot: snapshot(1, 96), expectedVersion: null }], audit: [] })).toBe(false);
    const partition = await store.loadSubject(ref);
    expect(partition.records.map((r) => r.record.eventId)).toEqual(['R-1']);
    expect(partition.snapshots[0]).toMatchObject({ version: 1, result: { score: 97 } });
  });

  it('accepts an identical redelivery of the record, refuses other content under its eventId', async () => {
    expect(await store.commitSubject({ subject: ref, newRecord: stored, snapshots: [{ snapshot: snapshot(2, 97), expectedVersion: 1 }], audit: [] })).toBe(true);
    expect(await store.commitSubject({ subject: ref, newRecord: { ...stored, contentHash: 'other' }, snapshots: [], audit: [] })).toBe(false);
  });

  it('sets a lifecycle date only when it is unset or the same', async () => {
    expect(await store.commitSubject({ subject: ref, recordUpdate: { eventId: 'R-1', field: 'rectifiedOn', on: '2026-05-01' }, snapshots: [], audit: [] })).toBe(true);
    expect(await store.commitSubject({ subject: ref, recordUpdate: { eventId: 'R-1', field: 'rectifiedOn', on: '2026-05-01' }, snapshots: [], audit: [] })).toBe(true);
    expect(await store.commitSubject({ subject: ref, recordUpdate: { eventId: 'R-1', field: 'rectifiedOn', on: '2026-05-02' }, snapshots: [], audit: [] })).toBe(false);
    expect((await store.loadSubject(ref)).records[0]!.record.rectifiedOn).toBe('2026-05-01');
  });

  it('keeps results in their field order and finds agencies that cite a record', async () => {
    const agency = { kind: 'agency' as const, id: '91150200MA0P12345J' };
    await store.commitSubject({ subject: agency, snapshots: [], audit: [], reference: { clientEventId: 'R-1', eventId: 'AG-1' } });
    expect(await store.referencesTo('R-1')).toEqual([agency]);
    expect(Object.keys((await store.getSnapshot(ref, 2026))!.result)).toEqual(['subject', 'score']);
  });

  it('lists every subject by the league index of their profiles, in segments', async () => {
    const audit = (s: { kind: 'enterprise' | 'practitioner'; id: string }) => ({ subject: s, at: '2026-01-01T00:00:00Z', actor: 'test', action: 'x', what: {}, why: null });
    await store.putProfile({ subject: { kind: 'enterprise', id: ENTERPRISE_ID, name: '甲', league: '150100' }, registration: 'registered', version: 1, updatedAt: 'x' }, null, audit(ref));
    const pid = '150203199002150023';
    await store.putProfile({ subject: { kind: 'practitioner', id: pid }, registration: 'registered', version: 1, updatedAt: 'x' }, null, audit({ kind: 'practitioner', id: pid }));
    const all = (await Promise.all([0, 1, 2].map((s) => store.listSubjects(s, 3)))).flat();
    expect(all.sort((a, b) => a.kind.localeCompare(b.kind))).toEqual([ref, { kind: 'practitioner', id: pid }]);
  });

  it('reports whether a staff link changed', async () => {
    const agency = { kind: 'agency' as const, id: '91150200MA0P12345J' };
    const link = { practitionerId: '150203199002150023', firstCountedOn: { '2026': '2026-03-01' } };
    expect(await store.putStaffLink(agency, link)).toBe(true);
    expect(await store.putStaffLink(agency, link)).toBe(false);
    expect(await store.putStaffLink(agency, { ...link, firstCountedOn: { '2026': null } })).toBe(true);
  });
});
