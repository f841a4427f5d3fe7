import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluate } from '../../../domain/evaluation/evaluate.ts';
import type { ScoredResult } from '../../../domain/evaluation/result.ts';
import { documentClient } from '../../../functions/adapters/dynamoDocument.ts';
import { DynamoPublishedDirectory } from '../../../functions/adapters/dynamoPublishedDirectory.ts';
import { DynamoCreditStore } from '../../../functions/adapters/dynamoStore.ts';
import { SamplingList } from '../../../functions/results-use/samplingList.ts';
import type { Caller } from '../../../functions/shared/auth.ts';
import { PUBLISHED_ON, SEEDED, type SeededResults, seedPublishedResults } from '../../support/resultsUse.ts';
import { freshTable } from '../../support/table.ts';

let client: DynamoDBClient;
let sampling: SamplingList;
let seeded: SeededResults;
const region: Caller = { type: 'staff', claims: { role: 'region', league: '150000' } };
const wuhai: Caller = { type: 'staff', claims: { role: 'league', league: '150300' } };

beforeAll(async () => {
  const fresh = await freshTable('sampling');
  client = fresh.client;
  const store = new DynamoCreditStore(client, fresh.table);
  seeded = await seedPublishedResults(store);
  sampling = new SamplingList(new DynamoPublishedDirectory(documentClient(client), fresh.table), {
    now: () => new Date('2026-09-01T02:00:00Z'),
  });
});
afterAll(() => client?.destroy());

describe('the 双随机 sampling list (Art 28; I14, I17)', () => {
  it('agrees with `ecocredit evaluate` on grade, blacklist and multiplier for every published result', async () => {
    const read = await sampling.execute(region, { year: '2025', basePermille: '100' });
    if (read.status !== 'ok') throw new Error(`expected the list, got ${read.status}`);
    const evaluated = evaluate({
      year: 2025,
      asOf: PUBLISHED_ON[2025]!,
      subjects: seeded.subjects,
      records: seeded.records,
      history: seeded.history,
    }) as ScoredResult[];
    expect(read.value.rows).toHaveLength(evaluated.length);
    for (const r of evaluated) {
      const row = read.value.rows.find((x) => x.id === r.subject.id);
      expect(row, r.subject.name).toMatchObject({
        kind: r.subject.kind,
        grade: r.grade,
        blacklisted: r.blacklisted,
        multiplier: r.samplingMultiplier,
      });
    }
    expect(read.value.rows.find((x) => x.id === SEEDED.blacklisted.id)).toMatchObject({
      blacklisted: true,
      samplingClass: 'blacklisted',
      ratioPermille: 200,
    });
  });

  it('counts each class with its ratio and rounds the draw up', async () => {
    const read = await sampling.execute(region, { year: '2025', basePermille: '600' });
    if (read.status !== 'ok') throw new Error('expected the list');
    expect(read.value.counts).toEqual(
      expect.arrayContaining([
        { kind: 'enterprise', samplingClass: 'blacklisted', population: 1, ratioPermille: 1000, sampleSize: 1 },
        { kind: 'enterprise', samplingClass: 'A', population: 1, ratioPermille: 180, sampleSize: 1 },
        { kind: 'agency', samplingClass: 'D', population: 1, ratioPermille: 900, sampleSize: 1 },
      ]),
    );
  });

  it('a league bureau gets its own league, and is refused another', async () => {
    const own = await sampling.execute(wuhai, {});
    if (own.status !== 'ok') throw new Error('expected the list');
    expect(own.value).toMatchObject({ year: 2025, league: '150300', basePermille: 50, years: [2025, 2024, 2023] });
    expect(own.value.rows.every((r) => r.league === '150300')).toBe(true);
    expect(own.value.rows.map((r) => r.id)).not.toContain(SEEDED.agencyC.id);
    expect(await sampling.execute(wuhai, { league: '150600' })).toEqual({ status: 'forbidden' });
    expect((await sampling.execute({ type: 'public' }, {})).status).toBe('unauthorized');
  });

  it('names a bad base ratio or year in Chinese and reads nothing', async () => {
    const bad = await sampling.execute(region, { basePermille: '0' });
    expect(bad.status === 'invalid' && bad.issues.map((i) => [i.path, i.message])).toEqual([
      ['basePermille', '基础抽查比例须为 1 至 1000 的整数（‰）'],
    ]);
    const year = await sampling.execute(region, { year: '25' });
    expect(year.status === 'invalid' && year.issues[0]!.path).toBe('year');
  });

  it('an earlier year has no blacklist yet: the run had only begun (I10)', async () => {
    const read = await sampling.execute(region, { year: '2024' });
    if (read.status !== 'ok') throw new Error('expected the list');
    expect(read.value.rows.find((x) => x.id === SEEDED.blacklisted.id)).toMatchObject({
      grade: 'D',
      blacklisted: false,
    });
  });
});
