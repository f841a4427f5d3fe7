import { beforeAll, describe, expect, it } from 'vitest';
import { documentClient } from '../../../functions/adapters/dynamoDocument.ts';
import { DynamoFinalResults } from '../../../functions/adapters/dynamoFinalResults.ts';
import type { FinalResult } from '../../../functions/ports/finalResults.ts';
import { uscc } from '../../support/builders.ts';
import { freshTable } from '../../support/table.ts';

/** The year's final results on DynamoDB Local: frozen once (复核审定, Art 16(4)), never replaced. */
let store: DynamoFinalResults;
const final = (code: string, over: Partial<FinalResult> = {}): FinalResult => ({
  year: 2025,
  kind: 'enterprise',
  code,
  name: '鄂尔多斯市测试化工有限公司',
  league: '150600',
  evaluatedOn: '2026-05-20',
  grade: 'B',
  score: 88,
  blacklisted: false,
  result: { grade: 'B' },
  ...over,
});

beforeAll(async () => {
  const { client, table } = await freshTable('finals');
  store = new DynamoFinalResults(documentClient(client), table);
});

describe('final results', () => {
  it('a second freeze of the same subject changes nothing', async () => {
    const code = uscc(1, '150600');
    await store.freeze([final(code)]);
    await store.freeze([final(code, { grade: 'D', score: 40, evaluatedOn: '2026-05-25' })]);
    expect(await store.finalResult(2025, 'enterprise', code)).toEqual(final(code));
  });

  it('lists a year and kind, a suspended subject without a grade among them', async () => {
    await store.freeze([
      final(uscc(2, '150600'), { grade: null, score: null, result: null }),
      final(uscc(3, '150600'), { kind: 'agency' }),
    ]);
    expect((await store.finalResults(2025, 'enterprise')).map((f) => [f.code, f.grade]).sort()).toEqual(
      [
        [uscc(1, '150600'), 'B'],
        [uscc(2, '150600'), null],
      ].sort(),
    );
    expect(await store.finalResult(2024, 'enterprise', uscc(1, '150600'))).toBeNull();
  });

  it('keeps a practitioner’s result apart from the units’, with its finding and counted records (Art 18(5))', async () => {
    const practitioner = final('150602199001010017', {
      kind: 'practitioner',
      grade: null,
      score: null,
      result: null,
      dishonest: true,
      leagues: ['150200', '150600'],
      records: [
        {
          eventId: 'PR-1',
          rule: 'PR_FRAUD_IN_SERVICE',
          wording: '接受委托在项目咨询服务中弄虚作假',
          occurredOn: '2025-06-01',
          department: '150600-EEB',
          league: '150600',
        },
      ],
    });
    await store.freeze([practitioner]);
    expect(await store.finalResult(2025, 'practitioner', practitioner.code)).toEqual(practitioner);
    expect((await store.finalResults(2025, 'enterprise')).map((f) => f.code)).not.toContain(practitioner.code);
  });
});
