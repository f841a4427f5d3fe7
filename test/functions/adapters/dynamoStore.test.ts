import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { explanationKey } from '../../../functions/adapters/dynamoResults.ts';
import { DynamoCreditStore } from '../../../functions/adapters/dynamoStore.ts';
import type { EventClaim, StoredSnapshot } from '../../../functions/ports/store.ts';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../../infra/local/services.ts';
import { ENTERPRISE_ID, record, uscc } from '../../support/builders.ts';
import { pendingClaim } from '../../support/claims.ts';
import { updateRecordDate } from '../../support/store.ts';
import { freshTable } from '../../support/table.ts';

/** The record store's guarantees, on real DynamoDB Local. */
let client: DynamoDBClient;
let store: DynamoCreditStore;
let table: string;
/** Every command the store sends, with its input (a middleware on the SDK client). */
let sent: { command: string; input: Record<string, unknown> }[] = [];
beforeAll(async () => {
  const fresh = await freshTable('store');
  client = fresh.client;
  table = fresh.table;
  client.middlewareStack.add(
    (next, context) => async (args) => {
      sent.push({ command: context.commandName ?? '', input: args.input as Record<string, unknown> });
      return next(args);
    },
    { step: 'initialize', name: 'countCommands' },
  );
  store = new DynamoCreditStore(client, fresh.table);
});
beforeEach(() => {
  sent = [];
});
afterAll(() => client?.destroy());

const ref = { kind: 'enterprise' as const, id: ENTERPRISE_ID };
const claim = (eventId: string, over: Partial<EventClaim> = {}): EventClaim => ({
  ...pendingClaim(ref, eventId),
  contentHash: 'h1',
  ...over,
});
const snapshot = (version: number, score: number): StoredSnapshot => ({
  year: 2026,
  league: '150100',
  asOf: '2026-06-01',
  stableThrough: '2026-06-30',
  version,
  computedAt: '2026-06-01T00:00:00Z',
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
  const stored = {
    record: record({ eventId: 'R-1', rule: 'PMT_LEDGER' }),
    contentHash: 'x1',
    source: 'test',
    receivedAt: '2026-03-01T00:00:00Z',
  };

  it('writes a record with its snapshot, and refuses a stale snapshot version', async () => {
    expect(
      await store.commitSubject({
        subject: ref,
        newRecord: stored,
        snapshots: [{ snapshot: snapshot(1, 97), expectedVersion: null }],
        audit: [],
      }),
    ).toBe(true);
    // A concurrent writer that read no snapshot loses: nothing of its change is written.
    const other = { ...stored, record: record({ eventId: 'R-2', rule: 'HW_BASIC' }), contentHash: 'x2' };
    expect(
      await store.commitSubject({
        subject: ref,
        newRecord: other,
        snapshots: [{ snapshot: snapshot(1, 96), expectedVersion: null }],
        audit: [],
      }),
    ).toBe(false);
    const partition = await store.loadSubject(ref);
    expect(partition.records.map((r) => r.record.eventId)).toEqual(['R-1']);
    expect(partition.snapshots[0]).toMatchObject({ version: 1, result: { score: 97 } });
  });

  it('accepts an identical redelivery of the record, refuses other content under its eventId', async () => {
    expect(
      await store.commitSubject({
        subject: ref,
        newRecord: stored,
        snapshots: [{ snapshot: snapshot(2, 97), expectedVersion: 1 }],
        audit: [],
      }),
    ).toBe(true);
    expect(
      await store.commitSubject({
        subject: ref,
        newRecord: { ...stored, contentHash: 'other' },
        snapshots: [],
        audit: [],
      }),
    ).toBe(false);
  });

  it('sets a lifecycle date only when it is unset or the same', async () => {
    expect(await updateRecordDate(store, ref, { eventId: 'R-1', field: 'rectifiedOn', on: '2026-05-01' })).toBe(true);
    expect(await updateRecordDate(store, ref, { eventId: 'R-1', field: 'rectifiedOn', on: '2026-05-01' })).toBe(true);
    expect(await updateRecordDate(store, ref, { eventId: 'R-1', field: 'rectifiedOn', on: '2026-05-02' })).toBe(false);
    expect((await store.loadSubject(ref)).records[0]!.record.rectifiedOn).toBe('2026-05-01');
  });

  it('keeps results in their field order and finds agencies that cite a record', async () => {
    const agency = { kind: 'agency' as const, id: '91150200MA0P12345J' };
    await store.commitSubject({
      subject: agency,
      snapshots: [],
      audit: [],
      reference: { clientEventId: 'R-1', eventId: 'AG-1' },
    });
    expect(await store.referencesTo('R-1')).toEqual([agency]);
    expect(Object.keys((await store.getSnapshot(ref, 2026))!.result)).toEqual(['subject', 'score']);
  });

  it('lists every subject by the league index of their profiles, in segments', async () => {
    const audit = (s: { kind: 'enterprise' | 'practitioner'; id: string }) => ({
      subject: s,
      at: '2026-01-01T00:00:00Z',
      actor: 'test',
      action: 'x',
      what: {},
      why: null,
    });
    await store.putProfile(
      {
        subject: { kind: 'enterprise', id: ENTERPRISE_ID, name: '甲', league: '150100' },
        registration: 'registered',
        version: 1,
        updatedAt: 'x',
      },
      null,
      audit(ref),
    );
    const pid = '150203199002150023';
    await store.putProfile(
      { subject: { kind: 'practitioner', id: pid }, registration: 'registered', version: 1, updatedAt: 'x' },
      null,
      audit({ kind: 'practitioner', id: pid }),
    );
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

describe('results of any size (a subject with 20,000 records)', () => {
  const big = { kind: 'enterprise' as const, id: uscc(77) };
  const audit = { subject: big, at: '2026-01-01T00:00:00Z', actor: 'test', action: 'x', what: {}, why: null };
  /** A result as the evaluation gives it: one explanation item per record (about 120 bytes each). */
  const result = (records: number, score: number, asOf = '2026-06-01') =>
    ({
      subject: { kind: 'enterprise', id: big.id, name: '乙', league: '150100' },
      year: 2026,
      asOf,
      status: 'live',
      score,
      grade: 'D',
      directD: false,
      blacklisted: false,
      samplingMultiplier: null,
      items: Array.from({ length: records }, (_, i) => ({
        eventId: `BIG-${String(i).padStart(5, '0')}`,
        rule: 'PMT_LEDGER',
        points: -3,
        state: 'counted',
        article: 'Annex 1',
        occurredOn: '2026-03-01',
      })),
      pending: [],
      notes: ['I2: score below 0 is not floored'],
      repair: [],
      measures: [],
    }) as never;
  const snap = (version: number, r: unknown, asOf = '2026-06-01'): StoredSnapshot => ({
    year: 2026,
    league: '150100',
    asOf,
    stableThrough: asOf,
    version,
    computedAt: '2026-06-01T00:00:00Z',
    result: r as never,
  });
  const doc = () => DynamoDBDocumentClient.from(client);
  /** The items kept apart for the subject: set markers and parts. */
  const apart = async () => {
    const out: string[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const r = await doc().send(
        new QueryCommand({
          TableName: table,
          KeyConditionExpression: 'PK = :pk',
          ExpressionAttributeValues: { ':pk': explanationKey(big) },
          ProjectionExpression: 'SK',
          ExclusiveStartKey: start,
        }),
      );
      out.push(...(r.Items ?? []).map((i) => i.SK as string));
      start = r.LastEvaluatedKey;
    } while (start);
    return out;
  };

  it('stores a snapshot past the 400 KB item limit apart, reads it back whole, and reads its score with one GetItem', async () => {
    const whole = result(20_000, -59_900);
    expect(Buffer.byteLength(JSON.stringify(whole))).toBeGreaterThan(2_000_000);
    const stored = {
      record: record({ eventId: 'BIG-NEW', rule: 'PMT_LEDGER', subject: big }),
      contentHash: 'b1',
      source: 'test',
      receivedAt: '2026-06-01T00:00:00Z',
    };
    expect(
      await store.commitSubject({
        subject: big,
        newRecord: stored,
        snapshots: [{ snapshot: snap(1, whole), expectedVersion: null }],
        audit: [audit],
      }),
    ).toBe(true);

    sent = [];
    const read = (await store.getSnapshot(big, 2026))!;
    expect(read.result).toEqual(JSON.parse(JSON.stringify(whole)));
    expect(Object.keys(read.result)).toEqual(Object.keys(whole));
    // The score: one GetItem of the snapshot; the explanation: Queries of its parts only.
    expect(sent.filter((c) => c.command === 'GetItemCommand').map((c) => JSON.stringify(c.input.Key))).toEqual([
      JSON.stringify({ PK: `SUBJECT#enterprise#${big.id}`, SK: 'SNAPSHOT#2026' }),
    ]);
    expect(
      sent
        .filter((c) => c.command !== 'GetItemCommand')
        .every((c) => c.command === 'QueryCommand' && JSON.stringify(c.input).includes('EXPLANATION#')),
    ).toBe(true);

    const partition = await store.loadSubject(big);
    expect(partition.snapshots[0]!.result.items).toHaveLength(20_000);
    expect(partition.snapshots[0]!.explanation).toMatchObject({ counts: { items: 20_000, notes: 1 } });
    const parts = (await apart()).filter((sk) => sk.startsWith('PART#'));
    expect(parts.length).toBe(partition.snapshots[0]!.explanation!.parts);
    expect(parts.length).toBeGreaterThan(5);
  });

  it('replaces a changed explanation’s parts, and keeps an unchanged one without writing it again', async () => {
    const before = (await store.loadSubject(big)).snapshots[0]!;
    const changed = snap(2, result(20_001, -59_903));
    expect(
      await store.commitSubject({
        subject: big,
        snapshots: [{ snapshot: { ...changed, explanation: before.explanation! }, expectedVersion: 1 }],
        audit: [],
      }),
    ).toBe(true);
    const afterChange = (await store.loadSubject(big)).snapshots[0]!;
    expect(afterChange.result.items).toHaveLength(20_001);
    expect(afterChange.explanation!.id).not.toBe(before.explanation!.id);
    // Only the new set is left.
    expect((await apart()).every((sk) => sk.includes(afterChange.explanation!.id))).toBe(true);

    // A day later, the same explanation: the item moves on, the parts stay as they are.
    sent = [];
    const nextDay = snap(3, result(20_001, -59_903, '2026-06-02'), '2026-06-02');
    expect(
      await store.commitSubject({
        subject: big,
        snapshots: [{ snapshot: { ...nextDay, explanation: afterChange.explanation! }, expectedVersion: 2 }],
        audit: [],
      }),
    ).toBe(true);
    expect(sent.filter((c) => c.command === 'BatchWriteItemCommand')).toEqual([]);
    const kept = (await store.getSnapshot(big, 2026))!;
    expect(kept).toMatchObject({ version: 3, asOf: '2026-06-02', explanation: { id: afterChange.explanation!.id } });
    expect(kept.result.items).toHaveLength(20_001);
  });

  it('leaves no parts behind for a writer that lost the race', async () => {
    const setsBefore = await apart();
    const stale = snap(3, result(19_000, -56_900));
    expect(
      await store.commitSubject({ subject: big, snapshots: [{ snapshot: stale, expectedVersion: 2 }], audit: [] }),
    ).toBe(false);
    expect(await apart()).toEqual(setsBefore);
    expect((await store.getSnapshot(big, 2026))!.result.items).toHaveLength(20_001);
  });

  it('keeps a result that shrinks back under the limit in its item, and removes its parts', async () => {
    const current = (await store.loadSubject(big)).snapshots[0]!;
    const small = snap(4, result(10, -30));
    expect(
      await store.commitSubject({
        subject: big,
        snapshots: [{ snapshot: { ...small, explanation: current.explanation! }, expectedVersion: 3 }],
        audit: [],
      }),
    ).toBe(true);
    expect(await apart()).toEqual([]);
    const read = (await store.getSnapshot(big, 2026))!;
    expect(read.result.items).toHaveLength(10);
    expect(read.explanation).toBeUndefined();
  });

  it('stores a published result of any size and reads it back whole; the subject’s Query reads only its grade', async () => {
    const published = { year: 2025, grade: 'D' as const, publishedOn: '2026-06-30', result: result(20_000, -59_900) };
    await store.putProfile(
      {
        subject: { kind: 'enterprise', id: big.id, name: '乙', league: '150100' },
        registration: 'registered',
        version: 1,
        updatedAt: 'x',
      },
      null,
      audit,
    );
    await store.putPublished(big, published);
    await store.putPublished(big, published); // again: harmless
    expect((await store.getPublished(big, 2025))!.result.items).toHaveLength(20_000);
    expect((await store.latestPublished(big))!.result).toEqual(JSON.parse(JSON.stringify(published.result)));
    expect((await apart()).filter((sk) => sk.startsWith('SET#PUBLISHED#2025#'))).toHaveLength(1);
    expect((await store.loadSubject(big)).published).toEqual([{ year: 2025, grade: 'D', publishedOn: '2026-06-30' }]);
  });
});

describe('published results and their re-issues (Art 23)', () => {
  const subject = { kind: 'enterprise' as const, id: uscc(78) };
  const audit = {
    subject,
    at: '2026-09-01T00:00:00Z',
    actor: 'staff:league:150100:officer-1',
    action: 'published.reissued',
    what: {},
    why: null,
  };
  /** A result past the item limit (kept apart in parts), like a big subject's. */
  const result = (score: number, version?: number) =>
    ({
      subject: { kind: 'enterprise', id: subject.id, name: '丙', league: '150100' },
      year: 2025,
      asOf: '2026-06-30',
      status: 'published',
      score,
      grade: 'D',
      directD: false,
      blacklisted: false,
      samplingMultiplier: null,
      items: Array.from({ length: 5_000 }, (_, i) => ({
        eventId: `PUB-${String(i).padStart(5, '0')}`,
        rule: 'PMT_LEDGER',
        points: -3,
        state: 'counted',
        article: 'Annex 1',
        occurredOn: '2025-03-01',
      })),
      pending: [],
      notes: [],
      repair: [],
      measures: [],
      ...(version ? { reissue: { version, reissuedOn: '2026-09-01', article: 'Art 23', repairs: [] } } : {}),
    }) as never;
  const item = (score: number, version?: number) => ({
    year: 2025,
    grade: 'D' as const,
    publishedOn: '2026-06-30',
    result: result(score, version),
  });

  it('writing the original publication again never replaces a re-issue: false, and the re-issue stays', async () => {
    expect(await store.putPublished(subject, item(-14_900))).toBe(true);
    expect(await store.putPublished(subject, item(-14_900))).toBe(true); // again: harmless
    expect(await store.reissuePublished(subject, item(-14_800, 2), 2, 1, audit)).toBe(true);
    expect(await store.putPublished(subject, item(-14_900))).toBe(false);
    expect((await store.getPublished(subject, 2025))!.result).toMatchObject({
      score: -14_800,
      reissue: { version: 2 },
    });
  });

  it('a re-issue whose answer is lost after it was written stays readable', async () => {
    const flaky = new DynamoDBClient({
      endpoint: inject('dynamoEndpoint'),
      region: LOCAL_REGION,
      credentials: LOCAL_CREDENTIALS,
    });
    flaky.middlewareStack.add(
      (next, context) => async (args) => {
        const out = await next(args);
        if (context.commandName === 'TransactWriteItemsCommand')
          throw Object.assign(new Error('socket hang up after the write'), { name: 'TimeoutError' });
        return out;
      },
      { step: 'initialize', name: 'loseAnswer' },
    );
    try {
      await expect(
        new DynamoCreditStore(flaky, table).reissuePublished(subject, item(-14_700, 3), 3, 2, audit),
      ).rejects.toThrow('re-issue failed');
    } finally {
      flaky.destroy();
    }
    expect((await store.getPublished(subject, 2025))!.result).toMatchObject({
      score: -14_700,
      reissue: { version: 3 },
    });
  });
});

describe('reading many records and a long audit trail', () => {
  let partial: { client: DynamoDBClient; table: string };
  let partialStore: DynamoCreditStore;
  /** Record BatchGet answers to cut in half, as DynamoDB does when throttled (DynamoDB Local never is). */
  let cutRecordAnswers = 0;
  beforeAll(async () => {
    partial = await freshTable('store-partial');
    partial.client.middlewareStack.add(
      (next, context) => async (args) => {
        const result = await next(args);
        const output = result.output as {
          Responses?: Record<string, Record<string, unknown>[]>;
          UnprocessedKeys?: Record<string, { Keys: unknown[] }>;
        };
        const items = output.Responses?.[partial.table] ?? [];
        if (
          context.commandName === 'BatchGetItemCommand' &&
          cutRecordAnswers > 0 &&
          items.some((i) => JSON.stringify(i.SK).includes('RECORD#'))
        ) {
          cutRecordAnswers--;
          const half = Math.ceil(items.length / 2);
          output.Responses![partial.table] = items.slice(0, half);
          output.UnprocessedKeys = {
            [partial.table]: { Keys: items.slice(half).map((i) => ({ PK: i.PK, SK: i.SK })) },
          };
        }
        return result;
      },
      { step: 'build', name: 'partialBatchGet' },
    );
    partialStore = new DynamoCreditStore(partial.client, partial.table);
  });
  afterAll(() => partial?.client.destroy());

  it('loads every record even when DynamoDB answers a BatchGet in part', async () => {
    const subject = { kind: 'enterprise' as const, id: uscc(88) };
    const ids = Array.from({ length: 12 }, (_, i) => `LR-${i}`);
    for (const eventId of ids) {
      await partialStore.claimEvent(claim(eventId, { subject }));
      const stored = {
        record: record({ eventId, rule: 'PMT_LEDGER', subject: { kind: 'enterprise', id: subject.id, siteId: null } }),
        contentHash: 'h1',
        source: 'test',
        receivedAt: '2026-03-01T00:00:00Z',
      };
      expect(
        await partialStore.commitSubject({
          subject,
          newRecord: stored,
          eventApplied: eventId,
          snapshots: [],
          audit: [],
        }),
      ).toBe(true);
    }
    cutRecordAnswers = 2;
    const loaded = await partialStore.loadRecords(ids);
    expect([...loaded.keys()].sort()).toEqual([...ids].sort());
    expect(cutRecordAnswers).toBe(0);
  });

  it('reads an audit trail longer than one Query answer (1 MB)', async () => {
    const subject = { kind: 'enterprise' as const, id: uscc(89) };
    const why = '补正说明'.repeat(25_000); // about 300 KB in UTF-8
    for (let i = 0; i < 5; i++) {
      const entry = {
        subject,
        at: `2026-01-01T00:00:0${i}Z`,
        actor: 'test',
        action: 'profile.updated',
        what: { n: i },
        why,
      };
      await partialStore.putProfile(
        {
          subject: { kind: 'enterprise', id: subject.id, name: '丁', league: '150100' },
          registration: 'registered',
          version: i + 1,
          updatedAt: 'x',
        },
        i === 0 ? null : i,
        entry,
      );
    }
    const audit = await partialStore.auditOf(subject);
    expect(audit.map((a) => (a.what as { n: number }).n).sort()).toEqual([0, 1, 2, 3, 4]);
  });
});
