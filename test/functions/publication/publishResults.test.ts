import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentClient } from '../../../functions/adapters/dynamoDocument.ts';
import { DynamoFinalResults } from '../../../functions/adapters/dynamoFinalResults.ts';
import { DynamoCreditStore } from '../../../functions/adapters/dynamoStore.ts';
import type { PushBatch } from '../../../functions/ports/creditPlatform.ts';
import type { CreditStore, SubjectRef } from '../../../functions/ports/store.ts';
import {
  PublicationIncompleteError,
  type PublicationMessage,
  PublishResults,
  planFreeze,
  planPublication,
} from '../../../functions/publication/publishResults.ts';
import { enterprise, record, uscc } from '../../support/builders.ts';
import { freshTable } from '../../support/table.ts';

/** Publication of a year's results (Art 16(5), 17(7)), one batch of subjects at a time, on real DynamoDB Local. */
let client: DynamoDBClient;
let store: DynamoCreditStore;
const at = '2025-01-10T02:00:00.000Z';
const message = (subjects: SubjectRef[]) => ({
  type: 'publish' as const,
  kind: 'enterprise' as const,
  year: 2024,
  publishedOn: '2025-06-27',
  subjects,
});

beforeAll(async () => {
  const fresh = await freshTable('publish');
  client = fresh.client;
  store = new DynamoCreditStore(client, fresh.table);
});
afterAll(() => client?.destroy());

const subjectWithRecord = async (n: number): Promise<SubjectRef> => {
  const subject = { kind: 'enterprise' as const, id: uscc(n) };
  await store.putProfile(
    { subject: enterprise({ id: subject.id }), registration: 'registered', version: 1, updatedAt: at },
    null,
    { subject, at, actor: 'test', action: 'subject.registered', what: {}, why: null },
  );
  const r = record({ eventId: `PUB${n}`, subject, rule: 'PMT_LEDGER', occurredOn: '2024-03-01' });
  expect(
    await store.commitSubject({
      subject,
      newRecord: { record: r, contentHash: r.eventId, source: 'test', receivedAt: at },
      snapshots: [],
      audit: [],
    }),
  ).toBe(true);
  return subject;
};

/** The store, with one method replaced (DynamoDB underneath stays real). */
const withMethod = <K extends keyof CreditStore>(
  name: K,
  replacement: (real: DynamoCreditStore) => CreditStore[K],
): CreditStore =>
  new Proxy(store, {
    get: (target, p) =>
      p === name
        ? replacement(target)
        : ((v) => (typeof v === 'function' ? v.bind(target) : v))(Reflect.get(target, p)),
  });

describe('publishing a batch of subjects', () => {
  it('one subject that cannot be published does not hold back the others: they are published and pushed, then the message fails', async () => {
    const [first, broken, last] = [
      await subjectWithRecord(1001),
      await subjectWithRecord(1002),
      await subjectWithRecord(1003),
    ];
    const failing = withMethod('loadSubject', (real) => async (ref: SubjectRef) => {
      if (ref.id === broken.id) throw new Error('DynamoDB unavailable');
      return real.loadSubject(ref);
    });
    const pushed: PushBatch[] = [];
    const outcome = new PublishResults(failing, async (b) => void pushed.push(b)).execute(
      message([first, broken, last]),
    );
    await expect(outcome).rejects.toThrow(PublicationIncompleteError);
    await expect(outcome).rejects.toThrow(broken.id);
    expect(pushed.flatMap((b) => b.entries.map((e) => e.uscc))).toEqual([first.id, last.id]);
    expect(await store.getPublished(first, 2024)).toMatchObject({ grade: 'A' });
    expect(await store.getPublished(last, 2024)).toMatchObject({ grade: 'A' });
    expect(await store.getPublished(broken, 2024)).toBeNull();
    // The retry publishes the one left.
    expect(await new PublishResults(store, async (b) => void pushed.push(b)).execute(message([broken]))).toBe(1);
  });

  it('Art 23: a re-delivered publication racing a re-issue never puts the original back', async () => {
    const subject = await subjectWithRecord(1010);
    expect(await new PublishResults(store, async () => undefined).execute(message([subject]))).toBe(1);
    // Between the publication's check of the issue and its write, the result is re-issued.
    let raced = false;
    const racing = withMethod('getPublished', (real) => async (ref: SubjectRef, year: number) => {
      const read = await real.getPublished(ref, year);
      if (!raced && read) {
        raced = true;
        const reissue = {
          version: 2,
          reissuedOn: '2026-09-01',
          article: 'Art 23',
          repairs: [{ eventId: 'PUB1010', repairedOn: '2026-09-01', bureau: '呼和浩特市生态环境局' }],
        };
        const audit = {
          subject: ref,
          at,
          actor: 'staff:league:150100:officer-1',
          action: 'published.reissued',
          what: {},
          why: null,
        };
        expect(
          await real.reissuePublished(ref, { ...read, result: { ...read.result, reissue } as never }, 2, 1, audit),
        ).toBe(true);
      }
      return read;
    });
    const pushed: PushBatch[] = [];
    expect(await new PublishResults(racing, async (b) => void pushed.push(b)).execute(message([subject]))).toBe(0);
    expect(raced).toBe(true);
    expect((await store.getPublished(subject, 2024))!.result).toMatchObject({ reissue: { version: 2 } });
    expect(pushed).toEqual([]);
  });
});

describe('the frozen final results (复核审定, Art 16(4)-(5))', () => {
  it('a freeze stores the result of its day; publication then publishes it, not a record added since', async () => {
    const finals = new DynamoFinalResults(documentClient(client), (await freshTable('finals')).table);
    const subject = await subjectWithRecord(61);
    const publication = new PublishResults(store, undefined, finals);
    expect(await publication.execute({ ...message([subject]), publishedOn: '2025-05-20', freeze: true })).toBe(0);
    const frozen = await finals.finalResult(2024, 'enterprise', subject.id);
    expect(frozen).toMatchObject({ evaluatedOn: '2025-05-20', grade: 'A' });
    expect(await store.getPublished(subject, 2024)).toBeNull();
    // A direct-D record of 2024 arrives after the freeze (Art 14(1)).
    const late = record({ eventId: 'PUB61-LATE', subject, rule: 'SR_PERMIT_FRAUD', occurredOn: '2024-09-01' });
    expect(
      await store.commitSubject({
        subject,
        newRecord: { record: late, contentHash: late.eventId, source: 'test', receivedAt: at },
        snapshots: [],
        audit: [],
      }),
    ).toBe(true);
    expect(await publication.execute(message([subject]))).toBe(1);
    expect(await store.getPublished(subject, 2024)).toMatchObject({ grade: 'A', publishedOn: '2025-06-27' });
    // Without the frozen results, the same publication would have published D.
    expect(await new PublishResults(store).execute(message([await subjectWithLate(62)]))).toBe(1);
    expect(await store.getPublished({ kind: 'enterprise', id: uscc(62) }, 2024)).toMatchObject({ grade: 'D' });
  });
});

const subjectWithLate = async (n: number): Promise<SubjectRef> => {
  const subject = await subjectWithRecord(n);
  const late = record({ eventId: `PUB${n}-LATE`, subject, rule: 'SR_PERMIT_FRAUD', occurredOn: '2024-09-01' });
  await store.commitSubject({
    subject,
    newRecord: { record: late, contentHash: late.eventId, source: 'test', receivedAt: at },
    snapshots: [],
    audit: [],
  });
  return subject;
};

describe('practitioners (Art 18(5)-(6))', () => {
  it('are never planned for publication, but their final results are planned for freezing', async () => {
    const subject = { kind: 'practitioner' as const, id: '150602199001010017' };
    await store.putProfile(
      {
        subject: { kind: 'practitioner', id: subject.id, name: '赵文博', league: '150600' },
        registration: 'registered',
        version: 1,
        updatedAt: at,
      } as Parameters<typeof store.putProfile>[0],
      null,
      { subject, at, actor: 'test', action: 'subject.registered', what: {}, why: null },
    );
    const sent: PublicationMessage[] = [];
    const send = async (m: readonly PublicationMessage[]) => {
      sent.push(...m);
    };
    const listed = new Set([subject.id]);
    expect(await planPublication(store, listed, 'practitioner', 2024, '2025-06-27', send)).toBe(0);
    expect(sent).toEqual([]);
    expect(await planFreeze(store, listed, 'practitioner', 2024, '2025-05-20', send)).toBe(1);
    expect(sent).toEqual([
      {
        type: 'publish',
        kind: 'practitioner',
        year: 2024,
        publishedOn: '2025-05-20',
        subjects: [subject],
        freeze: true,
      },
    ]);
  });
});
