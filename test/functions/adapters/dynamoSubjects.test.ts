import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoAuditLog } from '../../../functions/adapters/dynamoAudit.ts';
import { DynamoClaims } from '../../../functions/adapters/dynamoClaims.ts';
import { documentClient } from '../../../functions/adapters/dynamoDocument.ts';
import { DynamoSubjectRecords } from '../../../functions/adapters/dynamoSubjects.ts';
import type { SnapshotCommit, StoredRecord, StoredSnapshot } from '../../../functions/ports/store.ts';
import { enterprise, uscc } from '../../support/builders.ts';
import { pendingClaim, storedLedgerRecord } from '../../support/claims.ts';
import { countDynamo } from '../../support/dynamoCounter.ts';
import { freshTable } from '../../support/table.ts';

let client: DynamoDBClient;
let subjects: DynamoSubjectRecords;
let claims: DynamoClaims;
let table: string;
beforeAll(async () => {
  const fresh = await freshTable('subjects');
  client = fresh.client;
  table = fresh.table;
  subjects = new DynamoSubjectRecords(documentClient(client), fresh.table);
  claims = new DynamoClaims(documentClient(client), fresh.table);
});
afterAll(() => client?.destroy());

const ref = { kind: 'enterprise' as const, id: uscc(11) };
const claim = (eventId: string) => pendingClaim(ref, eventId);
const stored = (eventId: string) => storedLedgerRecord(ref, eventId);

describe('a subject’s partition', () => {
  it('commits a record, its profile if absent and its claim applied in one write, and reads them back', async () => {
    expect(await claims.claimEvent(claim('SUB-1'))).toBe(true);
    const profile = {
      subject: enterprise({ id: ref.id }),
      registration: 'unregistered' as const,
      version: 1,
      updatedAt: 'x',
    };
    expect(
      await subjects.commitSubject({
        subject: ref,
        newRecord: stored('SUB-1'),
        profileIfAbsent: profile,
        eventApplied: 'SUB-1',
        snapshots: [],
        audit: [],
      }),
    ).toBe(true);
    const partition = await subjects.loadSubject(ref);
    expect(partition.profile?.registration).toBe('unregistered');
    expect(partition.records.map((r) => r.record.eventId)).toEqual(['SUB-1']);
    expect((await claims.getClaims(['SUB-1'])).get('SUB-1')?.applied).toBe(true);
    // A second profile-if-absent fails the whole change: nothing of it is written.
    expect(
      await subjects.commitSubject({
        subject: ref,
        newRecord: stored('SUB-9'),
        profileIfAbsent: profile,
        snapshots: [],
        audit: [],
      }),
    ).toBe(false);
    expect((await subjects.loadSubject(ref)).records).toHaveLength(1);
  });

  it('keeps a new record’s own audit entry on the record’s item, one item fewer, and the trail shows it', async () => {
    const own = { kind: 'enterprise' as const, id: uscc(15) };
    expect(await claims.claimEvent({ ...claim('SUB-AUD'), subject: own })).toBe(true);
    const entry = (action: string, at: string, eventId: string) => ({
      subject: own,
      at,
      actor: 'webhook:test',
      action,
      what: { eventId },
      why: null,
    });
    const counter = countDynamo(client);
    expect(
      await subjects.commitSubject({
        subject: own,
        newRecord: { ...stored('SUB-AUD'), record: { ...stored('SUB-AUD').record, subject: { ...own, siteId: null } } },
        eventApplied: 'SUB-AUD',
        snapshots: [],
        audit: [
          entry('record.created', '2026-03-01T00:00:02Z', 'SUB-AUD'),
          entry('subject.created-unregistered', '2026-03-01T00:00:01Z', 'SUB-AUD'),
        ],
      }),
    ).toBe(true);
    // The record, the claim and the one entry not about the record itself.
    expect(counter.take().itemsWritten).toBe(3);
    const trail = await new DynamoAuditLog(documentClient(client), table).auditOf(own);
    expect(trail.map((e) => e.action)).toEqual(['subject.created-unregistered', 'record.created']);
    expect(trail[1]).toEqual(entry('record.created', '2026-03-01T00:00:02Z', 'SUB-AUD'));
    expect((await subjects.loadSubject(own)).records.map((r) => r.record.eventId)).toEqual(['SUB-AUD']);
  });

  it('loads the records of applied claims only, wherever their subject is', async () => {
    expect(await claims.claimEvent(claim('SUB-2'))).toBe(true);
    const loaded = await subjects.loadRecords(['SUB-1', 'SUB-2', 'SUB-1', 'NO-SUCH']);
    expect([...loaded.keys()]).toEqual(['SUB-1']);
    expect(loaded.get('SUB-1')?.rule).toBe('PMT_LEDGER');
  });

  it('finds the agencies that cite a record, each once', async () => {
    const agencyRef = { kind: 'agency' as const, id: uscc(12, '150200') };
    for (const eventId of ['A-1', 'A-2'])
      expect(
        await subjects.commitSubject({
          subject: agencyRef,
          reference: { clientEventId: 'SUB-1', eventId },
          snapshots: [],
          audit: [],
        }),
      ).toBe(true);
    expect(await subjects.referencesTo('SUB-1')).toEqual([agencyRef]);
    expect(await subjects.referencesTo('SUB-2')).toEqual([]);
  });

  it('checks in the same transaction whether an agency cites the event: true, or ‘cited’ with the change written all the same', async () => {
    const own = { kind: 'enterprise' as const, id: uscc(16) };
    const agencyRef = { kind: 'agency' as const, id: uscc(17, '150200') };
    const commit = (eventId: string) =>
      subjects.commitSubject({
        subject: own,
        newRecord: { ...stored(eventId), record: { ...stored(eventId).record, subject: { ...own, siteId: null } } },
        snapshots: [],
        audit: [],
        citationCheck: eventId,
      });
    expect(await commit('CIT-1')).toBe(true);
    expect(
      await subjects.commitSubject({
        subject: agencyRef,
        reference: { clientEventId: 'CIT-2', eventId: 'CIT-A' },
        snapshots: [],
        audit: [],
      }),
    ).toBe(true);
    expect(await commit('CIT-2')).toBe('cited');
    expect((await subjects.loadSubject(own)).records.map((r) => r.record.eventId).sort()).toEqual(['CIT-1', 'CIT-2']);
    expect(await subjects.referencesTo('CIT-2')).toEqual([agencyRef]);
  });

  it('says whether a staff link changed, and removes it', async () => {
    const agencyRef = { kind: 'agency' as const, id: uscc(13, '150200') };
    const link = { practitionerId: '150203199002150023', firstCountedOn: { '2026': '2026-03-01' } };
    expect(await subjects.putStaffLink(agencyRef, link)).toBe(true);
    expect(await subjects.putStaffLink(agencyRef, link)).toBe(false);
    await subjects.deleteStaffLink(agencyRef, link.practitionerId);
    expect((await subjects.loadSubject(agencyRef)).staff).toEqual([]);
  });

  it('writes a staff link only when it changed', async () => {
    const agencyRef = { kind: 'agency' as const, id: uscc(14, '150200') };
    const link = { practitionerId: '150203199002150031', firstCountedOn: { '2025': null, '2026': '2026-03-01' } };
    const counter = countDynamo(client);
    expect(await subjects.putStaffLink(agencyRef, link)).toBe(true);
    expect(counter.take().itemsWritten).toBe(1);
    // The same link, its years in another order: nothing is written.
    expect(
      await subjects.putStaffLink(agencyRef, { ...link, firstCountedOn: { '2026': '2026-03-01', '2025': null } }),
    ).toBe(false);
    expect(counter.take().itemsWritten).toBe(0);
    expect(await subjects.putStaffLink(agencyRef, { ...link, firstCountedOn: { '2025': null, '2026': null } })).toBe(
      true,
    );
    expect(counter.take().itemsWritten).toBe(1);
    expect((await subjects.loadSubject(agencyRef)).staff).toEqual([
      { ...link, firstCountedOn: { '2025': null, '2026': null } },
    ]);
  });
});

describe('several messages of one subject in one commit', () => {
  const own = { kind: 'enterprise' as const, id: uscc(18) };
  const mine = (eventId: string): StoredRecord => ({
    ...stored(eventId),
    record: { ...stored(eventId).record, subject: { ...own, siteId: null } },
  });
  const empty = {
    subject: own,
    newRecords: [],
    recordUpdates: [],
    snapshots: [],
    eventsApplied: [],
    lifecyclesApplied: [],
    references: [],
    audit: [],
    citationChecks: [],
  };

  it('writes every record and claim once, two lifecycle dates of one record in one update, and says which checked events are cited', async () => {
    for (const id of ['BAT-1', 'BAT-2', 'BAT-3']) expect(await claims.claimEvent(claim(id))).toBe(true);
    expect(
      await subjects.commitSubjectBatch({ ...empty, newRecords: [mine('BAT-1')], eventsApplied: ['BAT-1'] }),
    ).toEqual({
      status: 'committed',
      cited: new Set(),
    });
    expect(
      await subjects.commitSubject({
        subject: { kind: 'agency', id: uscc(19, '150200') },
        reference: { clientEventId: 'BAT-3', eventId: 'BAT-A' },
        snapshots: [],
        audit: [],
      }),
    ).toBe(true);
    const counter = countDynamo(client);
    const committed = await subjects.commitSubjectBatch({
      ...empty,
      newRecords: [mine('BAT-2'), mine('BAT-3')],
      recordUpdates: [{ eventId: 'BAT-1', fields: { rectifiedOn: '2026-04-01', revokedOn: '2026-05-01' } }],
      eventsApplied: ['BAT-2', 'BAT-3', 'BAT-2'],
      citationChecks: ['BAT-1', 'BAT-2', 'BAT-3'],
    });
    expect(committed).toEqual({ status: 'committed', cited: new Set(['BAT-3']) });
    // Cancelled once by the citation of BAT-3 alone, then written without that check.
    expect(counter.take()).toMatchObject({ byCommand: { TransactWrite: 2 }, itemsWritten: 5 });
    const records = new Map((await subjects.loadSubject(own)).records.map((r) => [r.record.eventId, r.record]));
    expect([...records.keys()].sort()).toEqual(['BAT-1', 'BAT-2', 'BAT-3']);
    expect(records.get('BAT-1')).toMatchObject({ rectifiedOn: '2026-04-01', revokedOn: '2026-05-01' });
    expect([...(await claims.getClaims(['BAT-2', 'BAT-3'])).values()].every((c) => c.applied)).toBe(true);
  });

  it('refuses a lifecycle date already set otherwise, and writes nothing of the batch', async () => {
    const refused = await subjects.commitSubjectBatch({
      ...empty,
      newRecords: [mine('BAT-4')],
      recordUpdates: [{ eventId: 'BAT-1', fields: { revokedOn: '2026-06-01' } }],
    });
    expect(refused).toEqual({ status: 'refused' });
    expect((await subjects.loadSubject(own)).records.map((r) => r.record.eventId)).not.toContain('BAT-4');
  });

  it('answers too large for one transaction (100 items) before writing anything', async () => {
    const many = Array.from({ length: 101 }, (_, i) => mine(`BAT-BIG-${i}`));
    const counter = countDynamo(client);
    expect(await subjects.commitSubjectBatch({ ...empty, newRecords: many })).toEqual({ status: 'tooLarge' });
    expect(counter.take().calls).toBe(0);
  });
});

describe('several subjects’ snapshots in one group commit', () => {
  const subject = (n: number) => ({ kind: 'enterprise' as const, id: uscc(n) });
  const snapshot = (n: number, year: number, version: number, score = 100): StoredSnapshot => ({
    year,
    league: '150100',
    asOf: '2026-06-01',
    stableThrough: '2026-06-30',
    version,
    computedAt: '2026-06-01T00:00:00Z',
    result: { subject: { kind: 'enterprise', id: uscc(n), name: '甲', league: '150100' }, score } as never,
  });
  const firstWrite = (n: number): SnapshotCommit => ({
    subject: subject(n),
    snapshots: [2025, 2026].map((year) => ({ snapshot: snapshot(n, year, 1), expectedVersion: null })),
    audit: [],
  });
  const scoreOf = async (n: number, year: number) =>
    (
      (await subjects.loadSubject(subject(n))).snapshots.find((s) => s.year === year)?.result as
        | { score?: number }
        | undefined
    )?.score;

  it('writes 60 subjects’ snapshots in two transactions (100 items each at most) and answers each written', async () => {
    const counter = countDynamo(client);
    const changes = Array.from({ length: 60 }, (_, i) => firstWrite(300 + i));
    expect(await subjects.commitSnapshotGroup(changes)).toEqual(changes.map(() => ({ status: 'written' })));
    expect(counter.take()).toMatchObject({ byCommand: { TransactWrite: 2 }, itemsWritten: 120 });
    expect(await scoreOf(300, 2025)).toBe(100);
    expect(await scoreOf(359, 2026)).toBe(100);
  });

  it('refuses a whole group when one snapshot’s version moved on, writing none of it, and leaves the other groups written', async () => {
    expect(await subjects.commitSnapshotGroup([firstWrite(400)])).toEqual([{ status: 'written' }]);
    const stale: SnapshotCommit = {
      subject: subject(400),
      snapshots: [{ snapshot: snapshot(400, 2026, 2, 90), expectedVersion: 7 }],
      audit: [],
    };
    const changes = [...Array.from({ length: 49 }, (_, i) => firstWrite(401 + i)), stale, firstWrite(450)];
    const outcomes = await subjects.commitSnapshotGroup(changes);
    expect(outcomes.slice(0, 50)).toEqual(Array.from({ length: 50 }, () => ({ status: 'refused' })));
    expect(outcomes[50]).toEqual({ status: 'written' });
    expect(await scoreOf(401, 2025)).toBeUndefined();
    expect(await scoreOf(400, 2026)).toBe(100);
    expect(await scoreOf(450, 2026)).toBe(100);
  });

  it('writes a subject’s audit entries with its snapshots', async () => {
    const entry = {
      subject: subject(460),
      at: '2026-06-01T02:00:00.000Z',
      actor: 'system:nightly',
      action: 'snapshot.drift-repaired',
      what: { years: [2026] },
      why: '快照与信用记录不一致，已按记录重新计算',
    };
    expect(await subjects.commitSnapshotGroup([{ ...firstWrite(460), audit: [entry] }])).toEqual([
      { status: 'written' },
    ]);
    expect(await new DynamoAuditLog(documentClient(client), table).auditOf(subject(460))).toMatchObject([entry]);
  });
});
