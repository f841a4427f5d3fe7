import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoCommitments } from '../../../../functions/adapters/dynamoCommitments.ts';
import { documentClient } from '../../../../functions/adapters/dynamoDocument.ts';
import { DynamoPublishedDirectory } from '../../../../functions/adapters/dynamoPublishedDirectory.ts';
import { DynamoCreditStore } from '../../../../functions/adapters/dynamoStore.ts';
import { LookupScore } from '../../../../functions/lookup/lookupScore.ts';
import { AdjustableClock } from '../../../../functions/shared/clock.ts';
import { ViewPublishedResult } from '../../../../functions/web/public/viewPublishedResult.ts';
import { residentId, uscc } from '../../../support/builders.ts';
import { freshTable } from '../../../support/table.ts';

let store: DynamoCreditStore;
let view: ViewPublishedResult;
let commitments: DynamoCommitments;
let destroy: () => void;
const ENT = { kind: 'enterprise' as const, id: uscc(1, '150600') };
const PERSON = { kind: 'practitioner' as const, id: residentId(2) };
const item = (year: number, score: number) => ({
  year,
  grade: 'B' as const,
  publishedOn: `${year + 1}-06-26`,
  result: { subject: { ...ENT, name: '某公司', league: '150600' }, year, score, items: [] } as never,
});

beforeAll(async () => {
  const fresh = await freshTable('public-result');
  destroy = () => fresh.client.destroy();
  store = new DynamoCreditStore(fresh.client, fresh.table);
  commitments = new DynamoCommitments(documentClient(fresh.client), fresh.table);
  const clock = new AdjustableClock();
  view = new ViewPublishedResult(
    (asked) => new LookupScore(store, clock).execute({ type: 'public' }, asked),
    new DynamoPublishedDirectory(documentClient(fresh.client), fresh.table),
    commitments,
  );
  await store.putPublished(ENT, item(2024, 90));
  await store.putPublished(ENT, item(2025, 85));
  await store.putPublished(PERSON, { ...item(2025, 0), result: { subject: PERSON } as never });
});
afterAll(() => destroy?.());

describe('a published result as the public reads it (Art 20)', () => {
  it('shows the latest year, or the year asked, with its publication date and every published year', async () => {
    const latest = await view.execute({ kind: 'enterprise', id: ENT.id });
    if (latest.status !== 'ok') throw new Error('expected the result');
    expect(latest.value.result.year).toBe(2025);
    expect(latest.value.publishedOn).toBe('2026-06-26');
    expect(latest.value.history.map((h) => [h.year, h.score])).toEqual([
      [2024, 90],
      [2025, 85],
    ]);
    const earlier = await view.execute({ kind: 'enterprise', id: ENT.id, year: '2024' });
    expect(earlier.status === 'ok' && earlier.value.publishedOn).toBe('2025-06-26');
    expect(await view.execute({ kind: 'enterprise', id: ENT.id, year: '2023' })).toEqual({ status: 'notFound' });
  });

  it('shows the unit’s signed commitment letter of the shown year, without who filed it (Annex 4)', async () => {
    const letter = {
      subject: ENT,
      year: 2025,
      text: '企事业单位法定代表人（或主要负责人） 环保信用承诺书\n承诺单位：某公司',
      textHash: 'b'.repeat(64),
      signerName: '张三',
      signerRole: '总经理',
      signedAt: '2026-03-02T02:00:00.000Z',
      signedBy: `staff:enterprise:${ENT.id}`,
    };
    const audit = {
      subject: ENT,
      at: letter.signedAt,
      actor: letter.signedBy,
      action: 'commitment.sign',
      what: {},
      why: null,
    };
    expect(await commitments.putCommitmentOnce(letter, audit)).toBe(true);
    const shown = await view.execute({ kind: 'enterprise', id: ENT.id, year: '2025' });
    if (shown.status !== 'ok') throw new Error('expected the result');
    const { signedBy: _filedBy, ...published } = letter;
    expect(shown.value.commitment).toEqual(published);
    const earlier = await view.execute({ kind: 'enterprise', id: ENT.id, year: '2024' });
    expect(earlier.status === 'ok' && earlier.value.commitment).toBeNull();
  });

  it('never shows a practitioner, even one with a published item (Art 18(6), 35)', async () => {
    expect(await view.execute({ kind: 'practitioner', id: PERSON.id })).toEqual({ status: 'notFound' });
    expect(await view.execute({ kind: 'somebody', id: PERSON.id })).toEqual({ status: 'notFound' });
  });

  it('names a bad year as the page does', async () => {
    const r = await view.execute({ kind: 'enterprise', id: ENT.id, year: '20x5' });
    expect(r.status === 'invalid' && r.issues.map((i) => i.path)).toEqual(['评价年度（year）']);
  });
});
