import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SQSClient } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { staffRecordsEventId } from '../../../domain/evaluation/agency.ts';
import type { CreditRecord } from '../../../domain/records/creditRecord.ts';
import type { Subject } from '../../../domain/subjects/subject.ts';
import { DynamoCreditStore } from '../../../functions/adapters/dynamoStore.ts';
import { SqsRecordQueue } from '../../../functions/adapters/sqsRecordQueue.ts';
import type { PushBatch } from '../../../functions/ports/creditPlatform.ts';
import type { SubjectRef } from '../../../functions/ports/store.ts';
import { ReissuePublished } from '../../../functions/publication/reissuePublished.ts';
import { RescoreSubjects } from '../../../functions/rescore-worker/rescoreSubjects.ts';
import { AdjustableClock } from '../../../functions/shared/clock.ts';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../../infra/local/services.ts';
import { agency, enterprise, practitioner, record, residentId, uscc } from '../../support/builders.ts';
import { countDynamo } from '../../support/dynamoCounter.ts';
import { freshRecordsQueue, publishedWithApprovedRepair } from '../../support/publication.ts';
import { freshTable } from '../../support/table.ts';

/** Nightly rescoring on real DynamoDB Local: it also completes what an approved repair left undone (Art 23 ¶2). */
let client: DynamoDBClient;
let store: DynamoCreditStore;
let sqs: SQSClient;
let queue: SqsRecordQueue;
const clock = new AdjustableClock();
clock.freeze(new Date('2026-11-27T18:00:00Z')); // 02:00 on 2026-11-28 in Asia/Shanghai
const at = '2026-09-01T02:00:00.000Z';

beforeAll(async () => {
  const fresh = await freshTable('rescore-subjects');
  client = fresh.client;
  store = new DynamoCreditStore(client, fresh.table);
  sqs = new SQSClient({ endpoint: inject('sqsEndpoint'), region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
  const url = await freshRecordsQueue(sqs);
  queue = new SqsRecordQueue(sqs, url);
});
afterAll(() => {
  client?.destroy();
  sqs?.destroy();
});

/** An enterprise whose 2024 result (a direct D, Art 14(2)) is published, with an approval of that record still to be re-issued. */
const approvedAfterPublication = async (n: number): Promise<SubjectRef> =>
  (
    await publishedWithApprovedRepair(store, {
      n,
      eventId: `N${n}`,
      applicationId: `app-${n}`,
      decidedBy: 'staff:region:150000:officer-3',
      at,
      reissuePending: true,
    })
  ).subject;

describe('the nightly rescoring completes pending re-issues (Art 23 ¶2)', () => {
  it('re-issues the published result of a pending approval and clears its mark; the next night pushes nothing again', async () => {
    const subject = await approvedAfterPublication(951);
    const sent: PushBatch[] = [];
    const nightly = new RescoreSubjects(
      store,
      clock,
      5,
      new ReissuePublished(store, async (b) => void sent.push(b), queue),
    );
    expect(await nightly.execute([subject])).toMatchObject({ subjects: 1, failed: [] });
    expect((await store.getPublished(subject, 2024))!.result).toMatchObject({
      grade: 'A',
      reissue: {
        version: 2,
        reissuedOn: '2026-09-01',
        repairs: [{ eventId: 'N951', bureau: '内蒙古自治区生态环境厅' }],
      },
    });
    expect((await store.repairApplications(subject))[0]).toMatchObject({ reissuePending: false });
    expect(sent).toMatchObject([{ year: 2024, correction: { version: 2 } }]);
    expect(await nightly.execute([subject])).toMatchObject({ subjects: 1, failed: [] });
    expect(sent).toHaveLength(1);
  });

  it('a re-issue that fails again is reported with the subject, which is rescored all the same; the mark stays for the retry', async () => {
    const subject = await approvedAfterPublication(952);
    const failing = { completePending: async () => Promise.reject(new Error('DynamoDB unavailable')) };
    const summary = await new RescoreSubjects(store, clock, 5, failing).execute([subject]);
    expect(summary.subjects).toBe(0);
    expect(summary.failed).toHaveLength(1);
    expect(String(summary.failed[0]!.error)).toContain('DynamoDB unavailable');
    expect(await store.getSnapshot(subject, 2026)).not.toBeNull();
    expect((await store.repairApplications(subject))[0]).toMatchObject({ reissuePending: true });
  });

  it('without the re-issue, rescoring leaves published results alone', async () => {
    const subject = await approvedAfterPublication(953);
    expect(await new RescoreSubjects(store, clock).execute([subject])).toMatchObject({ subjects: 1, failed: [] });
    expect((await store.getPublished(subject, 2024))!.result).not.toHaveProperty('reissue');
  });
});

/** A registered subject with its records, committed as the webhook path would. */
const registered = async (subject: Subject, own: CreditRecord[]) => {
  const ref: SubjectRef = { kind: subject.kind, id: subject.id };
  expect(
    await store.commitSubject({
      subject: ref,
      snapshots: [],
      audit: [],
      profileIfAbsent: { subject, registration: 'registered', version: 1, updatedAt: at },
    }),
  ).toBe(true);
  for (const r of own)
    expect(
      await store.commitSubject({
        subject: ref,
        snapshots: [],
        audit: [],
        newRecord: { record: r, contentHash: r.eventId, source: 'test', receivedAt: at },
      }),
    ).toBe(true);
  return ref;
};
describe('a nightly run over unchanged data writes nothing', () => {
  it('writes snapshots and the staff link once; a second run the same night writes no item at all', async () => {
    const ent = { kind: 'enterprise' as const, id: uscc(971) };
    const ag = { kind: 'agency' as const, id: uscc(972, '150200') };
    const pr = { kind: 'practitioner' as const, id: residentId(973) };
    const profiles = [
      enterprise({ id: ent.id }),
      agency({ id: ag.id }),
      practitioner(973, { employer: { kind: 'agency', id: ag.id } }),
    ];
    const records = [
      record({ eventId: 'NW-E1', rule: 'ENF_FINE', subject: { ...ent, siteId: null }, occurredOn: '2026-03-01' }),
      record({
        eventId: 'NW-P1',
        rule: 'PR_FRAUD_IN_SERVICE',
        subject: { ...pr, siteId: null },
        occurredOn: '2026-04-01',
        department: '150200-EEB',
        league: '150200',
      }),
    ];
    for (const subject of profiles)
      await registered(
        subject,
        records.filter((r) => r.subject.id === subject.id),
      );
    const refs: SubjectRef[] = profiles.map((p) => ({ kind: p.kind, id: p.id }));
    const counter = countDynamo(client);
    const first = await new RescoreSubjects(store, clock).execute(refs);
    expect(first).toMatchObject({ subjects: 3, failed: [] });
    expect(first.changed).toBeGreaterThan(0);
    expect(counter.take().itemsWritten).toBeGreaterThan(0);
    expect((await store.loadSubject(ag)).staff.map((l) => l.practitionerId)).toEqual([pr.id]);

    const second = await new RescoreSubjects(store, clock).execute(refs);
    expect(second).toMatchObject({ subjects: 3, changed: 0, drift: 0, failed: [] });
    expect(counter.take().itemsWritten).toBe(0);
  });
});

describe('a batch’s snapshots are written together', () => {
  const fined = (n: number) =>
    registered(enterprise({ id: uscc(n) }), [
      record({
        eventId: `GC-${n}`,
        rule: 'ENF_FINE',
        subject: { kind: 'enterprise', id: uscc(n), siteId: null },
        occurredOn: '2026-03-01',
      }),
    ]);

  /** An agency and its staff, each practitioner with a record that counts (Annex 2: three make the agency's staff record). */
  const agencyWithStaff = async (n: number, practitioners: readonly number[]) => {
    const employer = await registered(agency({ id: uscc(n, '150200') }), []);
    const staff: SubjectRef[] = [];
    for (const p of practitioners)
      staff.push(
        await registered(practitioner(p, { employer: { kind: 'agency', id: employer.id } }), [
          record({
            eventId: `GC-P${p}`,
            rule: 'PR_FRAUD_IN_SERVICE',
            subject: { kind: 'practitioner', id: residentId(p), siteId: null },
            occurredOn: '2026-04-01',
            department: '150200-EEB',
            league: '150200',
          }),
        ]),
      );
    return { employer, staff };
  };

  it('writes every changed subject’s snapshots in one transaction', async () => {
    const refs = [await fined(981), await fined(982), await fined(983)];
    const counter = countDynamo(client);
    expect(await new RescoreSubjects(store, clock).execute(refs)).toMatchObject({
      subjects: 3,
      changed: 3,
      failed: [],
    });
    expect(counter.take()).toMatchObject({ byCommand: { Query: 3, TransactWrite: 1 }, itemsWritten: 6 });
    for (const ref of refs) expect((await store.getSnapshot(ref, 2026))?.version).toBe(1);
  });

  it('reads a subject changed meanwhile again and commits each of its group alone: nothing of the group is lost', async () => {
    const refs = [await fined(984), await fined(985)];
    // Another writer commits a snapshot of the second subject after it was read, before the group's commit.
    const racing = new Proxy(store, {
      get: (target, name, receiver) =>
        name === 'commitSnapshotGroup'
          ? async (changes: Parameters<DynamoCreditStore['commitSnapshotGroup']>[0]) => {
              const raced = changes.find((c) => c.subject.id === refs[1]!.id)!;
              expect(await target.commitSubject({ ...raced, snapshots: raced.snapshots.slice(0, 1) })).toBe(true);
              return target.commitSnapshotGroup(changes);
            }
          : Reflect.get(target, name, receiver),
    });
    const counter = countDynamo(client);
    expect(await new RescoreSubjects(racing, clock).execute(refs)).toMatchObject({
      subjects: 2,
      changed: 2,
      failed: [],
    });
    // The racing write, the refused group, then each subject alone (the raced one has only one year left to write).
    expect(counter.take()).toMatchObject({ byCommand: { TransactWrite: 4 } });
    expect((await store.getSnapshot(refs[0]!, 2026))?.version).toBe(1);
    expect((await store.getSnapshot(refs[1]!, 2025))?.version).toBe(1);
    expect((await store.getSnapshot(refs[1]!, 2026))?.result).toMatchObject({ subject: { id: refs[1]!.id } });
  });

  it('commits each subject of a group that failed alone: only a subject whose own write fails would fail', async () => {
    const refs = [await fined(986), await fined(987)];
    const failing = new Proxy(store, {
      get: (target, name, receiver) =>
        name === 'commitSnapshotGroup'
          ? async (changes: readonly unknown[]) =>
              changes.map(() => ({ status: 'failed', error: new Error('transaction too large') }))
          : Reflect.get(target, name, receiver),
    });
    expect(await new RescoreSubjects(failing, clock).execute(refs)).toMatchObject({
      subjects: 2,
      changed: 2,
      failed: [],
    });
    for (const ref of refs) expect((await store.getSnapshot(ref, 2026))?.version).toBe(1);
  });

  it('counts a subject that fails in its own turn and again as an employer once', async () => {
    const {
      employer,
      staff: [staff],
    } = await agencyWithStaff(995, [996]);
    const reissue = {
      completePending: async (ref: SubjectRef) => {
        if (ref.kind === 'agency') throw new Error('DynamoDB unavailable');
        return 0;
      },
    };
    const summary = await new RescoreSubjects(store, clock, 5, reissue).execute([employer, staff!]);
    expect(summary.failed.map((f) => f.subject.id)).toEqual([employer.id, employer.id]);
    expect(summary.subjects).toBe(1);
  });

  it('evaluates an agency again once, after all its practitioners’ staff links of the batch are written (Annex 2)', async () => {
    const { employer, staff } = await agencyWithStaff(990, [991, 992, 993]);
    const counter = countDynamo(client);
    // Its result changed because its staff did, which is no drift: none reported, none audited.
    expect(await new RescoreSubjects(store, clock).execute([employer, ...staff])).toMatchObject({
      subjects: 4,
      drift: 0,
      failed: [],
    });
    // Each subject read once, and the agency once more (not once per changed link).
    expect(counter.take().byCommand).toMatchObject({ Query: 5, Put: 3 });
    expect((await store.loadSubject(employer)).staff).toHaveLength(3);
    const snapshot = await store.getSnapshot(employer, 2026);
    // Written with the batch (no staff yet), then once more with its three staff members' records.
    expect(snapshot?.version).toBe(2);
    expect(snapshot?.result.items.map((i) => i.eventId)).toContain(staffRecordsEventId(employer.id, 2026));
    expect((await store.auditOf(employer)).map((e) => e.action)).not.toContain('snapshot.drift-repaired');
  });

  it('evaluates every practitioner’s employer again on a redelivered batch, as a crash may have cut its round short', async () => {
    const { employer, staff } = await agencyWithStaff(1000, [1001, 1002, 1003]);
    expect(await new RescoreSubjects(store, clock).execute([employer])).toMatchObject({ changed: 1, failed: [] });
    // The staff links are written, then the process dies before the employer's round.
    const dying = new Proxy(store, {
      get: (target, name, receiver) =>
        name === 'loadSubject'
          ? async (ref: SubjectRef) => {
              if (ref.id === employer.id) throw new Error('the process died');
              return target.loadSubject(ref);
            }
          : Reflect.get(target, name, receiver),
    });
    expect((await new RescoreSubjects(dying, clock).execute(staff)).failed.map((f) => f.subject.id)).toEqual([
      employer.id,
    ]);
    const staffRecord = staffRecordsEventId(employer.id, 2026);
    const items = async () => (await store.getSnapshot(employer, 2026))?.result.items.map((i) => i.eventId);
    // Handed out again as if new, the links look unchanged and the employer stays as it was.
    await new RescoreSubjects(store, clock).execute(staff);
    expect(await items()).not.toContain(staffRecord);
    // Redelivered, its employer is evaluated again whatever the links say.
    expect(await new RescoreSubjects(store, clock).execute(staff, { redelivered: true })).toMatchObject({
      subjects: 3,
      failed: [],
    });
    expect(await items()).toContain(staffRecord);
  });
});
