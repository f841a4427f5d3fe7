import { describe, expect, it } from 'vitest';
import { encodeResult, readResult, snapshotItem } from '../../../functions/adapters/dynamoResultItems.ts';
import { keys } from '../../../functions/adapters/keys.ts';
import { type StoredSnapshot, StoreError } from '../../../functions/ports/store.ts';
import { uscc } from '../../support/builders.ts';

const subject = { kind: 'enterprise' as const, id: uscc(52) };
const snapshot = (grade: string | null): StoredSnapshot => ({
  year: 2026,
  league: '150100',
  asOf: '2026-06-01',
  stableThrough: '2026-06-30',
  version: 3,
  computedAt: '2026-06-01T00:00:00Z',
  result: { subject: { kind: 'enterprise', id: subject.id, league: '150100' }, grade } as never,
});

describe('the items of results', () => {
  it('keeps a result as JSON text, its fields in their order', () => {
    const encoded = encodeResult({ year: 1, result: { b: 1, a: 2 } });
    expect(encoded).toEqual({ year: 1, result: '{"b":1,"a":2}' });
  });

  it('indexes a snapshot by its year, league and grade (NONE without one), with its version', () => {
    const ready = { result: snapshot('B').result, explanation: null, written: null };
    const item = snapshotItem(subject, snapshot('B'), ready);
    expect(item).toMatchObject({
      PK: keys.subject(subject),
      SK: keys.snapshot(2026),
      version: 3,
      GSI1PK: keys.yearLeague(2026, '150100'),
      GSI1SK: keys.gradeSort('B', subject),
    });
    expect(snapshotItem(subject, snapshot(null), ready).GSI1SK).toBe(keys.gradeSort('NONE', subject));
    expect(item).not.toHaveProperty('explanation');
  });

  it('reads again, consistently, while the parts a result names keep changing, then gives up with StoreError', async () => {
    const reads: boolean[] = [];
    let decoded = 0;
    const found = await readResult(
      async (consistent) => {
        reads.push(consistent);
        return { PK: 'x' };
      },
      async () => (++decoded < 3 ? null : 'whole'),
    );
    expect(found).toBe('whole');
    expect(reads).toEqual([false, true, true]);
    await expect(
      readResult(
        async () => ({ PK: 'x' }),
        async () => null,
      ),
    ).rejects.toBeInstanceOf(StoreError);
    expect(
      await readResult(
        async () => undefined,
        async () => 'never',
      ),
    ).toBeNull();
  });
});
