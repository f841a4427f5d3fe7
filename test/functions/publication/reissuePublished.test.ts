import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DynamoCreditStore } from '../../../functions/adapters/dynamoStore.ts';
import { SqsRecordQueue } from '../../../functions/adapters/sqsRecordQueue.ts';
import type { PushBatch } from '../../../functions/ports/creditPlatform.ts';
import { messageSubject, queuedMembersOf, type RecordMessage } from '../../../functions/ports/messages.ts';
import { PublishResults } from '../../../functions/publication/publishResults.ts';
import { correctionBatchId, ReissuePublished } from '../../../functions/publication/reissuePublished.ts';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../../infra/local/services.ts';
import { ENTERPRISE_ID, practitioner, record, residentId, uscc } from '../../support/builders.ts';
import {
  approvedRepair,
  freshRecordsQueue,
  publish2024,
  publishedWithApprovedRepair,
  storeApproval,
} from '../../support/publication.ts';
import { deliverRecord, registerEnterprise, updateRecordDate } from '../../support/store.ts';
import { freshTable } from '../../support/table.ts';

/** Re-issue of published results after an approved repair (Art 23 ¶2), on real DynamoDB Local. */
let client: DynamoDBClient;
let store: DynamoCreditStore;
let sqs: SQSClient;
let recordsUrl: string;
/** The records queue (real SQS FIFO), where an approval's `record.repaired` message goes. */
let queue: SqsRecordQueue;
/** `record.repaired` messages sent to the records queue, counted as they leave. */
let repairedSent = 0;
const ref = { kind: 'enterprise' as const, id: ENTERPRISE_ID };
const pushes: PushBatch[] = [];
const at = '2026-09-01T02:00:00.000Z';
const decision = {
  subject: ref,
  applicationId: 'app-1',
  eventIds: ['D24'],
  decidedOn: '2026-09-01',
  decidedBy: 'staff:league:150100:officer-1',
  bureau: '150100',
  at,
};

beforeAll(async () => {
  const fresh = await freshTable('reissue');
  client = fresh.client;
  store = new DynamoCreditStore(client, fresh.table);
  sqs = new SQSClient({ endpoint: inject('sqsEndpoint'), region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
  recordsUrl = await freshRecordsQueue(sqs);
  sqs.middlewareStack.add(
    (next, context) => async (args) => {
      if (context.commandName === 'SendMessageBatchCommand')
        repairedSent += (args.input as { Entries: { MessageBody: string }[] }).Entries.filter((e) =>
          e.MessageBody.includes('"record.repaired"'),
        ).length;
      return next(args);
    },
    { step: 'initialize', name: 'countRepaired' },
  );
  queue = new SqsRecordQueue(sqs, recordsUrl);
  await registerEnterprise(store, ref, at);
  // A direct-D record (Art 14(2)) in each of 2022–2025, each rectified within its year.
  for (const year of [2022, 2023, 2024, 2025]) {
    const r = record({
      eventId: `D${year % 100}`,
      rule: 'SR_EVASION_UNCOMPLIED',
      occurredOn: `${year}-05-01`,
      rectifiedOn: `${year}-08-01`,
    });
    expect(await deliverRecord(store, ref, r, `${year}-09-01T02:00:00.000Z`)).toBe(true);
  }
  const publication = new PublishResults(store);
  for (const [year, on] of [
    [2022, '2023-06-30'],
    [2023, '2024-06-28'],
    [2024, '2025-06-27'],
    [2025, '2026-06-30'],
  ] as const)
    expect(
      await publication.execute({ type: 'publish', kind: 'enterprise', year, publishedOn: on, subjects: [ref] }),
    ).toBe(1);
  await storeApproval(
    store,
    approvedRepair({ id: 'app-1', subject: ref, eventId: 'D24', decidedBy: decision.decidedBy }),
    at,
  );
});
afterAll(() => {
  client?.destroy();
  sqs?.destroy();
});

describe('re-issue of published results after a repair', () => {
  it('before: 2025 is the third consecutive D, blacklisted (Art 19, I10)', async () => {
    expect((await store.getPublished(ref, 2024))!.result).toMatchObject({ grade: 'D' });
    expect((await store.getPublished(ref, 2025))!.result).toMatchObject({ grade: 'D', blacklisted: true });
  });

  it('Art 23 ¶2: re-issues the repaired year, marks the repair, and ends the blacklisting that depended on it (I10)', async () => {
    const reissue = new ReissuePublished(store, async (b) => void pushes.push(b), queue);
    const done = await reissue.afterRepair(decision);
    expect(done).toEqual([
      { year: 2024, version: 2, batchId: correctionBatchId('enterprise', 2024, ENTERPRISE_ID, 2) },
      { year: 2025, version: 2, batchId: correctionBatchId('enterprise', 2025, ENTERPRISE_ID, 2) },
    ]);
    const y2024 = await store.getPublished(ref, 2024);
    expect(y2024).toMatchObject({ year: 2024, grade: 'A', publishedOn: '2025-06-27' });
    expect(y2024!.result).toMatchObject({
      score: 100,
      grade: 'A',
      directD: false,
      blacklisted: false,
      asOf: '2025-06-27',
      items: [{ eventId: 'D24', state: 'repaired', repairedOn: '2026-09-01' }],
      reissue: {
        version: 2,
        reissuedOn: '2026-09-01',
        article: 'Art 23',
        repairs: [{ eventId: 'D24', repairedOn: '2026-09-01', bureau: '呼和浩特市生态环境局' }],
      },
    });
    expect((await store.getPublished(ref, 2025))!.result).toMatchObject({
      grade: 'D',
      blacklisted: false,
      reissue: { version: 2 },
    });
    expect((await store.getPublished(ref, 2023))!.result).not.toHaveProperty('reissue');
    expect(pushes.map((p) => [p.year, p.correction?.version, p.entries[0]!.grade, p.entries[0]!.blacklisted])).toEqual([
      [2024, 2, 'A', false],
      [2025, 2, 'D', false],
    ]);
    expect(pushes.map((p) => p.batchId)).toEqual(done.map((d) => d.batchId));
    const audit = (await store.auditOf(ref)).filter((a) => a.action === 'published.reissued');
    expect(
      audit.map((a) => [a.actor, a.what.year, a.what.version]).sort((a, b) => Number(a[1]) - Number(b[1])),
    ).toEqual([
      [decision.decidedBy, 2024, 2],
      [decision.decidedBy, 2025, 2],
    ]);
  });

  it('the same decision again changes nothing and pushes nothing', async () => {
    const before = await store.getPublished(ref, 2024);
    expect(await new ReissuePublished(store, async (b) => void pushes.push(b), queue).afterRepair(decision)).toEqual(
      [],
    );
    expect(pushes).toHaveLength(2);
    expect(await store.getPublished(ref, 2024)).toEqual(before);
  });

  it('a re-delivered publication message does not overwrite a re-issued result', async () => {
    expect(await publish2024(store, [ref])).toBe(0);
    expect((await store.getPublished(ref, 2024))!.result).toMatchObject({ grade: 'A', reissue: { version: 2 } });
  });

  it('a re-issue based on an older issue loses to the one stored meanwhile', async () => {
    const current = (await store.getPublished(ref, 2024))!;
    expect(
      await store.reissuePublished(ref, current, 2, 1, {
        subject: ref,
        at,
        actor: 'test',
        action: 'published.reissued',
        what: {},
        why: null,
      }),
    ).toBe(false);
    expect(
      await store.reissuePublished(ref, current, 3, 2, {
        subject: ref,
        at,
        actor: 'test',
        action: 'published.reissued',
        what: {},
        why: null,
      }),
    ).toBe(true);
  });

  it('a practitioner’s repair re-issues nothing: practitioners are never published (Art 18(6))', async () => {
    expect(
      await new ReissuePublished(store, async () => undefined, queue).afterRepair({
        ...decision,
        subject: { kind: 'practitioner', id: '150203199001010019' },
      }),
    ).toEqual([]);
  });
});

describe('a pending re-issue is completed, whatever failed before', () => {
  /** A subject whose 2024 result (a direct D, Art 14(2)) is published, with an approved repair of that record. */
  const published = (n: number, reissuePending?: boolean) =>
    publishedWithApprovedRepair(store, {
      n,
      eventId: `P${n}`,
      applicationId: `app-${uscc(n)}`,
      decidedBy: 'staff:league:150100:officer-2',
      at,
      reissuePending,
    });

  it('completes an approval marked pending: re-issued, pushed once, the mark cleared with an audit entry; again, nothing', async () => {
    const { subject, app } = await published(901, true);
    const sent: PushBatch[] = [];
    const reissue = new ReissuePublished(store, async (b) => void sent.push(b), queue);
    const done = await reissue.complete(app, at);
    expect(done.reissued).toEqual([
      { year: 2024, version: 2, batchId: correctionBatchId('enterprise', 2024, subject.id, 2) },
    ]);
    expect(done.application).toMatchObject({ reissuePending: false, version: 3 });
    expect((await store.repairApplications(subject))[0]).toEqual(done.application);
    expect((await store.getPublished(subject, 2024))!.result).toMatchObject({
      grade: 'A',
      reissue: { version: 2, repairs: [{ eventId: 'P901', bureau: '呼和浩特市生态环境局' }] },
    });
    expect(sent.map((b) => b.batchId)).toEqual([done.reissued[0]!.batchId]);
    expect((await store.auditOf(subject)).filter((a) => a.action === 'repair.reissue-completed')).toMatchObject([
      { what: { applicationId: app.id, reissued: [{ year: 2024, version: 2 }] } },
    ]);
    expect(await reissue.complete(done.application, at)).toEqual({ application: done.application, reissued: [] });
    expect(sent).toHaveLength(1);
  });

  it('a crash between the re-issue and its push: completing it queues the correction again under the same key, once', async () => {
    const { subject, app } = await published(902, true);
    const lost = new ReissuePublished(
      store,
      async () => {
        throw new Error('SQS unavailable');
      },
      queue,
    );
    await expect(lost.complete(app, at)).rejects.toThrow('SQS unavailable');
    expect((await store.getPublished(subject, 2024))!.result).toMatchObject({ reissue: { version: 2 } });
    expect((await store.repairApplications(subject))[0]).toMatchObject({ reissuePending: true });
    const sent: PushBatch[] = [];
    const reissue = new ReissuePublished(store, async (b) => void sent.push(b), queue);
    const done = await reissue.complete(app, at);
    expect(sent).toMatchObject([
      {
        batchId: correctionBatchId('enterprise', 2024, subject.id, 2),
        year: 2024,
        correction: { version: 2, reissuedOn: '2026-09-01' },
        entries: [{ uscc: subject.id, grade: 'A' }],
      },
    ]);
    expect(done.application).toMatchObject({ reissuePending: false });
    await reissue.complete(done.application, at);
    expect(sent).toHaveLength(1);
  });

  it('the nightly check completes a pending mark, and an approval whose published result still lists the record as counted', async () => {
    const marked = await published(903, true);
    const unmarked = await published(904);
    const sent: PushBatch[] = [];
    const reissue = new ReissuePublished(store, async (b) => void sent.push(b), queue);
    for (const { subject } of [marked, unmarked])
      expect(await reissue.completePending(subject, await store.loadSubject(subject), at)).toBe(1);
    for (const { subject } of [marked, unmarked])
      expect((await store.getPublished(subject, 2024))!.result).toMatchObject({ grade: 'A', reissue: { version: 2 } });
    expect(sent.map((b) => b.entries[0]!.uscc)).toEqual([marked.subject.id, unmarked.subject.id]);
    // Done: the next night finds nothing to complete.
    for (const { subject } of [marked, unmarked])
      expect(await reissue.completePending(subject, await store.loadSubject(subject), at)).toBe(0);
    expect(sent).toHaveLength(2);
  });
});

describe('a re-issue changes only what the repair changes (Art 23 ¶2)', () => {
  const profile = (subject: { kind: 'enterprise'; id: string }) => registerEnterprise(store, subject, at);
  const deliver = async (
    subject: { kind: 'enterprise'; id: string },
    r: ReturnType<typeof record>,
    receivedAt: string,
  ) => expect(await deliverRecord(store, subject, r, receivedAt)).toBe(true);

  it('Art 16–17: a record delivered after the publication is not in the re-issue; it waits for its own publicity and objection', async () => {
    const subject = { kind: 'enterprise' as const, id: uscc(910) };
    await profile(subject);
    await deliver(
      subject,
      record({ eventId: 'R910', subject, rule: 'PMT_LEDGER', occurredOn: '2024-03-01', rectifiedOn: '2024-04-01' }),
      '2024-04-10T02:00:00.000Z',
    );
    expect(await publish2024(store, [subject])).toBe(1);
    // A direct-D record of 2024 (Art 14(2)), delivered long after the 2024 result was published.
    await deliver(
      subject,
      record({
        eventId: 'LATE910',
        subject,
        rule: 'SR_EVASION_UNCOMPLIED',
        occurredOn: '2024-10-01',
        rectifiedOn: '2024-11-01',
      }),
      '2026-08-01T02:00:00.000Z',
    );
    const sent: PushBatch[] = [];
    await new ReissuePublished(store, async (b) => void sent.push(b), queue).afterRepair({
      ...decision,
      subject,
      eventIds: ['R910'],
    });
    const shown = (await store.getPublished(subject, 2024))!.result;
    expect(shown).toMatchObject({
      score: 100,
      grade: 'A',
      directD: false,
      asOf: '2025-06-27',
      reissue: { version: 2 },
    });
    expect(shown.items.map((i) => [i.eventId, i.state])).toEqual([['R910', 'repaired']]);
    expect(sent.map((b) => b.entries[0]!.grade)).toEqual(['A']);
  });

  it('I10, Art 19: a re-issue interrupted after the repaired year still ends the later year’s blacklisting', async () => {
    const subject = { kind: 'enterprise' as const, id: uscc(920) };
    await profile(subject);
    const publication = new PublishResults(store);
    for (const [year, on] of [
      [2022, '2023-06-30'],
      [2023, '2024-06-28'],
      [2024, '2025-06-27'],
      [2025, '2026-06-30'],
    ] as const) {
      await deliver(
        subject,
        record({
          eventId: `Q${year % 100}`,
          subject,
          rule: 'SR_EVASION_UNCOMPLIED',
          occurredOn: `${year}-05-01`,
          rectifiedOn: `${year}-08-01`,
        }),
        `${year}-09-01T02:00:00.000Z`,
      );
      expect(
        await publication.execute({ type: 'publish', kind: 'enterprise', year, publishedOn: on, subjects: [subject] }),
      ).toBe(1);
    }
    expect((await store.getPublished(subject, 2025))!.result).toMatchObject({ grade: 'D', blacklisted: true });
    const app = approvedRepair({
      id: 'app-920',
      subject,
      eventId: 'Q24',
      decidedBy: decision.decidedBy,
      reissuePending: true,
    });
    await storeApproval(store, app, at);
    // The process dies right after 2024 is re-issued, before its correction and before 2025.
    const crashing = new ReissuePublished(
      store,
      async () => {
        throw new Error('process died');
      },
      queue,
    );
    await expect(crashing.complete(app, at)).rejects.toThrow('process died');
    expect((await store.getPublished(subject, 2024))!.result).toMatchObject({ grade: 'A', reissue: { version: 2 } });
    expect((await store.getPublished(subject, 2025))!.result).toMatchObject({ blacklisted: true });
    const sent: PushBatch[] = [];
    const nightly = new ReissuePublished(store, async (b) => void sent.push(b), queue);
    expect(await nightly.completePending(subject, await store.loadSubject(subject), at)).toBe(1);
    expect((await store.getPublished(subject, 2025))!.result).toMatchObject({
      grade: 'D',
      blacklisted: false,
      reissue: { version: 2 },
    });
    expect(sent.map((b) => [b.year, b.correction?.version, b.entries[0]!.blacklisted])).toEqual([
      [2024, 2, false],
      [2025, 2, false],
    ]);
  });
});

describe('an approval always reaches the stored record (Art 23)', () => {
  it('the nightly check sends `record.repaired` again while the stored record is not marked repaired, and not once it is', async () => {
    const subject = { kind: 'enterprise' as const, id: uscc(930) };
    await registerEnterprise(store, subject, at);
    const r = record({
      eventId: 'M930',
      subject,
      rule: 'PMT_LEDGER',
      occurredOn: '2024-03-01',
      rectifiedOn: '2024-04-01',
    });
    expect(await deliverRecord(store, subject, r, '2024-04-10T02:00:00.000Z')).toBe(true);
    expect(await publish2024(store, [subject])).toBe(1);
    // The decision was stored; the request died before its message left for the records queue.
    const app = approvedRepair({
      id: 'app-930',
      subject,
      eventId: 'M930',
      impactEliminated: false,
      decidedBy: decision.decidedBy,
      reissuePending: true,
    });
    await storeApproval(store, app, at);
    const nightly = new ReissuePublished(store, async () => undefined, queue);
    const before = repairedSent;
    await nightly.completePending(subject, await store.loadSubject(subject), at);
    expect(repairedSent - before).toBe(1);
    const received = await sqs.send(
      new ReceiveMessageCommand({ QueueUrl: recordsUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 1 }),
    );
    expect(
      (received.Messages ?? []).flatMap((m) => queuedMembersOf(JSON.parse(m.Body!)) as RecordMessage[]),
    ).toContainEqual({
      type: 'record.repaired',
      eventId: 'M930',
      subject,
      on: '2026-09-01',
      source: decision.decidedBy,
      receivedAt: at,
    });
    // The records worker applies it; the next night sends nothing.
    expect(await updateRecordDate(store, subject, { eventId: 'M930', field: 'repairedOn', on: '2026-09-01' })).toBe(
      true,
    );
    await nightly.completePending(subject, await store.loadSubject(subject), at);
    expect(repairedSent - before).toBe(1);
  });

  it('Art 25: for a practitioner, the messages of the rated year’s records not yet marked repaired are sent again', async () => {
    const subject = { kind: 'practitioner' as const, id: residentId(931, '150200') };
    await store.putProfile(
      { subject: practitioner(931, { id: subject.id }), registration: 'registered', version: 1, updatedAt: at },
      null,
      { subject, at, actor: 'test', action: 'subject.registered', what: {}, why: null },
    );
    for (const [i, rule] of ['PR_FRAUD_IN_SERVICE', 'PR_QUALIFICATION_LENDING'].entries()) {
      const r = record({
        eventId: `PR931-${i}`,
        subject,
        rule,
        occurredOn: `2026-05-0${i + 1}`,
        department: '150200-EEB',
        league: '150200',
      });
      expect(await deliverRecord(store, subject, r, '2026-06-01T02:00:00.000Z')).toBe(true);
    }
    // One of the two messages arrived before the request died.
    expect(await updateRecordDate(store, subject, { eventId: 'PR931-0', field: 'repairedOn', on: '2028-06-01' })).toBe(
      true,
    );
    const app = approvedRepair({
      id: 'app-931',
      subject,
      eventId: 'DISHONEST-2026',
      appliedOn: '2028-05-22',
      evidence: '已签署信用承诺书',
      impactEliminated: false,
      verifyBy: { on: '2028-06-19', at: '2028-06-19T15:59:59.000Z', provisional: false },
      decidedOn: '2028-06-01',
      decidedBy: 'staff:league:150200:officer-9',
    });
    await storeApproval(store, app, at);
    const before = repairedSent;
    expect(
      await new ReissuePublished(store, async () => undefined, queue).completePending(
        subject,
        await store.loadSubject(subject),
        at,
      ),
    ).toBe(0);
    expect(repairedSent - before).toBe(1);
    const received = await sqs.send(
      new ReceiveMessageCommand({ QueueUrl: recordsUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 1 }),
    );
    expect(
      (received.Messages ?? [])
        .flatMap((m) => queuedMembersOf(JSON.parse(m.Body!)) as RecordMessage[])
        .filter((m) => messageSubject(m).id === subject.id),
    ).toEqual([
      { type: 'record.repaired', eventId: 'PR931-1', subject, on: '2028-06-01', source: app.decidedBy, receivedAt: at },
    ]);
  });
});
