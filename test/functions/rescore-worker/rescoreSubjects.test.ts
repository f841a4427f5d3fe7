import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SQSClient } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
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
    for (const subject of profiles) {
      const ref = { kind: subject.kind, id: subject.id };
      const own = records.find((r) => r.subject.id === subject.id);
      expect(
        await store.commitSubject({
          subject: ref,
          snapshots: [],
          audit: [],
          profileIfAbsent: { subject, registration: 'registered', version: 1, updatedAt: at },
          ...(own ? { newRecord: { record: own, contentHash: own.eventId, source: 'test', receivedAt: at } } : {}),
        }),
      ).toBe(true);
    }
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
