import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoResults, explanationKey, PART_BYTES, splitResult } from '../../../functions/adapters/dynamoResults.ts';
import { uscc } from '../../support/builders.ts';
import { freshTable } from '../../support/table.ts';

/** Results kept apart in parts: how they are split, and that a reader never gets a mix. */
let client: DynamoDBClient;
let table: string;
beforeAll(async () => {
  ({ client, table } = await freshTable('results'));
});
afterAll(() => client?.destroy());

const subject = { kind: 'enterprise' as const, id: uscc(91) };
const result = (records: number) =>
  ({
    subject: { kind: 'enterprise', id: subject.id, name: '丙', league: '150100' },
    year: 2026,
    asOf: '2026-06-01',
    status: 'live',
    score: 40,
    grade: 'D',
    items: Array.from({ length: records }, (_, i) => ({
      eventId: `E-${i}`,
      rule: 'HW_BASIC',
      points: -1,
      state: 'counted',
      article: 'Annex 1',
      occurredOn: '2026-02-01',
    })),
    pending: [{ eventId: 'W-1', rule: 'PMT_LEDGER', points: -3, state: 'warning', deadline: '2026-07-01' }],
    notes: Array.from({ length: 50 }, (_, i) => `I3: E-${i} (1 points) waits 3 months before repair`),
    repair: [],
    measures: [],
  }) as never;

describe('splitting a result', () => {
  it('keeps a result that fits in its item whole', () => {
    expect(splitResult(result(100))).toBeNull();
  });

  it('splits a big one into parts under the item limit whose lists, put back in order, are the result’s', () => {
    const whole = result(20_000) as unknown as Record<string, unknown[]>;
    const split = splitResult(whole as never)!;
    expect(split.parts.length).toBeGreaterThan(5);
    for (const part of split.parts) expect(Buffer.byteLength(part)).toBeLessThanOrEqual(PART_BYTES);
    const lists = split.parts.map((p) => JSON.parse(p) as Record<string, unknown[]>);
    for (const k of ['items', 'pending', 'repair', 'notes']) expect(lists.flatMap((l) => l[k])).toEqual(whole[k]);
    expect(split.head).toMatchObject({ score: 40, items: [], notes: [] });
    expect(Object.keys(split.head)).toEqual(Object.keys(whole));
    expect(split.counts).toEqual({ items: 20_000, pending: 1, repair: 0, notes: 50 });
    expect(splitResult(whole as never)!.hash).toBe(split.hash);
  });
});

describe('reading a result kept apart', () => {
  it('gives the whole result while its set is complete, and nothing (read again) once a part is gone', async () => {
    const results = new DynamoResults(DynamoDBDocumentClient.from(client), table);
    const ready = await results.prepare(subject, 'SNAPSHOT', 2026, 1, result(20_000));
    const set = ready.explanation!;
    expect(await results.assemble(subject, 'SNAPSHOT', 2026, ready.result, set)).toEqual(result(20_000));
    await DynamoDBDocumentClient.from(client).send(
      new DeleteCommand({
        TableName: table,
        Key: { PK: explanationKey(subject), SK: `PART#SNAPSHOT#2026#${set.id}#0001` },
      }),
    );
    expect(await results.assemble(subject, 'SNAPSHOT', 2026, ready.result, set)).toBeNull();
  });
});
