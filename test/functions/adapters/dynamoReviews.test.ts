import { beforeAll, describe, expect, it } from 'vitest';
import { documentClient } from '../../../functions/adapters/dynamoDocument.ts';
import { DynamoReviews } from '../../../functions/adapters/dynamoReviews.ts';
import type { ReviewDecision } from '../../../functions/ports/reviews.ts';
import { uscc } from '../../support/builders.ts';
import { freshTable } from '../../support/table.ts';

/** The review group's decisions on DynamoDB Local: decided once, audited in the same write, per year and kind. */
let store: DynamoReviews;
const REF = { year: 2025, kind: 'enterprise' as const };
const decision = (code: string, over: Partial<ReviewDecision> = {}): ReviewDecision => ({
  ...REF,
  code,
  league: '150600',
  outcome: 'confirmed',
  reasons: '经调查核实，评价结果无误',
  revoked: [],
  itemReasons: ['proposedD'],
  reportVersion: 1,
  decidedAt: '2026-05-20T02:00:00.000Z',
  decidedBy: 'staff:reviewGroup:150000',
  ...over,
});
const audit = (why: string) => ({
  at: '2026-05-20T02:00:00.000Z',
  actor: 'staff:reviewGroup:150000',
  action: 'review.confirmed',
  what: {},
  why,
});

beforeAll(async () => {
  const { client, table } = await freshTable('reviews');
  store = new DynamoReviews(documentClient(client), table);
});

describe('review decisions', () => {
  it('stores a decision once with its audit entry; a second one for the item changes nothing', async () => {
    const code = uscc(1, '150600');
    expect(await store.decide(decision(code), audit('first'))).toBe('decided');
    expect(await store.decide(decision(code, { outcome: 'changed', revoked: ['E-1'] }), audit('second'))).toBe(
      'exists',
    );
    expect(await store.decision(REF, code)).toEqual(decision(code));
    expect((await store.auditOf(REF)).map((a) => a.why)).toEqual(['first']);
  });

  it('lists the decisions of a year and kind only', async () => {
    await store.decide(decision(uscc(2, '150600')), audit('x'));
    await store.decide(decision(uscc(3, '150600'), { year: 2024 }), audit('y'));
    expect((await store.decisions(REF)).map((d) => d.code).sort()).toEqual(
      [uscc(1, '150600'), uscc(2, '150600')].sort(),
    );
    expect(await store.decision({ year: 2025, kind: 'agency' }, uscc(1, '150600'))).toBeNull();
  });
});
