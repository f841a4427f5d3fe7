import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { SQSEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateEnterprise } from '../../../domain/evaluation/evaluateSubject.ts';
import { DEFAULT_OPTIONS } from '../../../domain/evaluation/options.ts';
import type { CreditRecord } from '../../../domain/records/creditRecord.ts';
import { DynamoCreditStore, keys } from '../../../functions/adapters/dynamoStore.ts';
import { LookupScore } from '../../../functions/lookup/lookupScore.ts';
import type { SubjectRef } from '../../../functions/ports/store.ts';
import { createRescoreWorkerHandler } from '../../../functions/rescore-worker/handler.ts';
import { RescoreSubjects } from '../../../functions/rescore-worker/rescoreSubjects.ts';
import { AdjustableClock } from '../../../functions/shared/clock.ts';
import type { Logger } from '../../../functions/shared/structuredLogger.ts';
import { enterprise, record, uscc } from '../../support/builders.ts';
import { captureEmf } from '../../support/emf.ts';
import { freshTable } from '../../support/table.ts';

/** The rescore worker on real DynamoDB Local: subjects of any size, and one failing subject isolated. */
let client: DynamoDBClient;
let table: string;
let store: DynamoCreditStore;
/** Every command sent to DynamoDB, with its input (a middleware on the SDK client). */
let sent: { command: string; input: Record<string, unknown> }[] = [];
const clock = new AdjustableClock();
clock.freeze(new Date('2026-11-27T18:00:00Z')); // 02:00 on 2026-11-28 in Asia/Shanghai
const logged: { level: string; message: string; fields: Record<string, unknown> }[] = [];
const logger = {
  info: (message: string, fields: Record<string, unknown> = {}) => logged.push({ level: 'info', message, fields }),
  warn: (message: string, fields: Record<string, unknown> = {}) => logged.push({ level: 'warn', message, fields }),
  error: (message: string, fields: Record<string, unknown> = {}) => logged.push({ level: 'error', message, fields }),
  debug: () => undefined,
} as unknown as Logger;

beforeAll(async () => {
  ({ client, table } = await freshTable('rescore'));
  client.middlewareStack.add(
    (next, context) => async (args) => {
      sent.push({ command: context.commandName ?? '', input: args.input as Record<string, unknown> });
      return next(args);
    },
    { step: 'initialize', name: 'countCommands' },
  );
  store = new DynamoCreditStore(client, table);
});
afterAll(() => client?.destroy());

const handler = () => createRescoreWorkerHandler(new RescoreSubjects(store, clock), logger);
const event = (messages: { id: string; subjects: SubjectRef[]; receives?: number }[]): SQSEvent =>
  ({
    Records: messages.map((m) => ({
      messageId: m.id,
      receiptHandle: m.id,
      body: JSON.stringify({ type: 'rescore', runId: 'run-1', subjects: m.subjects }),
      attributes: m.receives === undefined ? {} : { ApproximateReceiveCount: String(m.receives) },
      messageAttributes: {},
      md5OfBody: '',
      eventSource: 'aws:sqs',
      eventSourceARN: 'arn:aws:sqs:cn-north-1:000000000000:rescore',
      awsRegion: 'cn-north-1',
    })),
  }) as unknown as SQSEvent;

/** Records written straight into the subject's partition, 25 to a request (as the worker stores them). */
const writeRecords = async (records: readonly CreditRecord[]) => {
  const doc = DynamoDBDocumentClient.from(client);
  const requests = records.map((r) => ({
    PutRequest: {
      Item: {
        PK: keys.subject(r.subject),
        SK: keys.record(r.eventId),
        stored: { record: r, contentHash: `h-${r.eventId}`, source: 'test', receivedAt: '2026-11-01T00:00:00Z' },
        contentHash: `h-${r.eventId}`,
      },
    },
  }));
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < requests.length) {
        let batch: unknown[] | undefined = requests.slice(next, next + 25);
        next += 25;
        while (batch && batch.length > 0) {
          const r = await doc.send(new BatchWriteCommand({ RequestItems: { [table]: batch as never } }));
          batch = r.UnprocessedItems?.[table] as unknown[] | undefined;
        }
      }
    }),
  );
};

const staff = { type: 'staff' as const, claims: { role: 'region' as const } };

describe('a subject with 20,000 records in one year', () => {
  const big = { kind: 'enterprise' as const, id: uscc(201) };
  const RULES = ['PMT_LEDGER', 'HW_BASIC', 'ENF_FINE'];
  const records = Array.from({ length: 20_000 }, (_, i) =>
    record({
      eventId: `LARGE-${String(i).padStart(5, '0')}`,
      rule: RULES[i % 3]!,
      subject: big,
      occurredOn: `2026-${String(1 + (i % 10)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
    }),
  );

  beforeAll(async () => {
    const subject = enterprise({ id: big.id });
    await store.putProfile(
      { subject, registration: 'registered', version: 1, updatedAt: '2026-01-01T00:00:00Z' },
      null,
      { subject: big, at: '2026-01-01T00:00:00Z', actor: 'test', action: 'subject.registered', what: {}, why: null },
    );
    await writeRecords(records);
  });

  it('is rescored, and its score is then looked up with one GetItem', async () => {
    const response = await handler()(event([{ id: 'm-big', subjects: [big] }]));
    expect(response.batchItemFailures).toEqual([]);

    sent = [];
    const outcome = await new LookupScore(store, clock).execute(staff, {
      kind: 'enterprise',
      id: big.id,
      year: '2026',
    });
    expect(outcome.status).toBe('ok');
    const body = (outcome as unknown as { body: { score: number; items: unknown[]; explanation: unknown } }).body;
    const expected = evaluateEnterprise(enterprise({ id: big.id }), records, {
      period: { year: 2026, asOf: '2026-11-28', options: DEFAULT_OPTIONS },
      clientOf: () => undefined,
      history: [],
    });
    expect(body.score).toBe(expected.score);
    expect(body.items).toHaveLength(20_000);
    // The whole explanation fits in one answer (about 2.4 MB), and the answer says it has pages.
    expect(body.explanation).toEqual({
      page: null,
      pages: 20,
      pageSize: 1000,
      counts: { items: 20_000, pending: 0, repair: 0, notes: expected.notes.length },
    });
    // The score is one GetItem; the explanation is read apart, never the subject's records.
    expect(sent.filter((c) => c.command === 'GetItemCommand').map((c) => JSON.stringify(c.input.Key))).toEqual([
      JSON.stringify({ PK: keys.subject(big), SK: 'SNAPSHOT#2026' }),
    ]);
    expect(
      sent.some((c) => JSON.stringify(c.input).includes(`"${keys.subject(big)}"`) && c.command !== 'GetItemCommand'),
    ).toBe(false);
  });

  it('is looked up page by page', async () => {
    const lookup = new LookupScore(store, clock);
    const page = await lookup.execute(staff, { kind: 'enterprise', id: big.id, year: '2026', page: '20' });
    const body = (page as unknown as { body: { items: { eventId: string }[]; explanation: { page: number } } }).body;
    expect(body.explanation.page).toBe(20);
    expect(body.items).toHaveLength(1000);
    expect(await lookup.execute(staff, { kind: 'enterprise', id: big.id, year: '2026', page: '21' })).toEqual({
      status: 'invalid',
      issues: [{ path: 'page', message: '页码超出范围（共 20 页）' }],
    });
    expect(await lookup.execute(staff, { kind: 'enterprise', id: big.id, year: '2026', page: '0' })).toEqual({
      status: 'invalid',
      issues: [{ path: 'page', message: '页码须为正整数' }],
    });
  });
});

describe('a subject that cannot be rescored', () => {
  const healthy = [uscc(301), uscc(302), uscc(303)].map((id) => ({ kind: 'enterprise' as const, id }));
  const broken = { kind: 'enterprise' as const, id: uscc(304) };

  beforeAll(async () => {
    await writeRecords(
      [...healthy, broken].map((s, i) =>
        record({ eventId: `ISO-${i}`, rule: 'PMT_LEDGER', subject: s, occurredOn: '2026-05-01' }),
      ),
    );
    // A snapshot item that no longer reads (its result is not JSON).
    await DynamoDBDocumentClient.from(client).send(
      new PutCommand({
        TableName: table,
        Item: {
          PK: keys.subject(broken),
          SK: 'SNAPSHOT#2026',
          snapshot: { year: 2026, asOf: '2026-05-01', version: 1, result: '{"subject":' },
          version: 1,
        },
      }),
    );
  });

  it('fails only its own message, names it with its error, and the other subjects are rescored', async () => {
    logged.length = 0;
    const response = await handler()(
      event([
        { id: 'm-1', subjects: [healthy[0]!, broken, healthy[1]!] },
        { id: 'm-2', subjects: [healthy[2]!] },
      ]),
    );
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: 'm-1' }]);
    for (const s of healthy)
      expect((await store.getSnapshot(s, 2026))?.result.items.map((i) => i.eventId)).toHaveLength(1);
    const failure = logged.filter((l) => l.level === 'error');
    expect(failure).toHaveLength(1);
    expect(failure[0]).toMatchObject({
      message: 'subject not rescored',
      fields: { messageId: 'm-1', subject: `enterprise:${broken.id}`, error: { name: 'SyntaxError' } },
    });
  });
});

describe('the snapshot drift metric', () => {
  it('every rescore message publishes SnapshotDrift (namespace ecocredit, service rescore-worker)', async () => {
    const subject = { kind: 'enterprise' as const, id: uscc(305) };
    await writeRecords([record({ eventId: 'DRIFT-0', rule: 'PMT_LEDGER', subject, occurredOn: '2026-05-01' })]);
    const lines = await captureEmf(() => handler()(event([{ id: 'm-drift', subjects: [subject] }])));
    expect(lines).toHaveLength(1);
    expect(lines[0]!._aws.CloudWatchMetrics).toEqual([
      { Namespace: 'ecocredit', Dimensions: [['service']], Metrics: [{ Name: 'SnapshotDrift', Unit: 'Count' }] },
    ]);
    expect(lines[0]).toMatchObject({ service: 'rescore-worker', SnapshotDrift: 0 });
  });
});

describe('a batch handed out again', () => {
  it('is rescored as redelivered when its receive count is above one, so its practitioners’ employers are evaluated again', async () => {
    const seen: { id: string; redelivered: boolean | undefined }[] = [];
    const spy = new (class extends RescoreSubjects {
      override execute(subjects: readonly SubjectRef[], options: { readonly redelivered?: boolean } = {}) {
        seen.push({ id: subjects[0]!.id, redelivered: options.redelivered });
        return super.execute(subjects, options);
      }
    })(store, clock);
    const first = { kind: 'enterprise' as const, id: uscc(231) };
    const again = { kind: 'enterprise' as const, id: uscc(232) };
    const out = await createRescoreWorkerHandler(spy, logger)(
      event([
        { id: 'm-first', subjects: [first], receives: 1 },
        { id: 'm-again', subjects: [again], receives: 2 },
      ]),
      {} as never,
    );
    expect(out).toEqual({ batchItemFailures: [] });
    expect(seen.sort((a, b) => a.id.localeCompare(b.id))).toEqual([
      { id: first.id, redelivered: false },
      { id: again.id, redelivered: true },
    ]);
  });
});
