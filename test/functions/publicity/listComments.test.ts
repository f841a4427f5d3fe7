import { beforeAll, describe, expect, it } from 'vitest';
import { ListComments } from '../../../functions/publicity/listComments.ts';
import { cycleAtPublicity, publicityStores, writeCycle } from '../../support/publicity.ts';
import { freshTable } from '../../support/table.ts';

let list: ListComments;
const staff = (claims: Record<string, string>) => ({ type: 'staff' as const, claims: claims as never });

beforeAll(async () => {
  const { client, table } = await freshTable('list-comments');
  const s = publicityStores(client, table);
  list = new ListComments(s.cycles, s.comments);
  await writeCycle(
    s.cycles,
    cycleAtPublicity('enterprise', 2025, ['150100', '150600'], '2026-03-02T01:00:00Z', '2026-05-06T02:00:00Z'),
  );
  for (const [league, id] of [
    ['150600', 'a'],
    ['150100', 'b'],
  ] as const)
    await s.comments.add({
      year: 2025,
      kind: 'enterprise',
      league,
      code: `code-${id}`,
      id,
      name: id,
      text: '意见',
      contact: '电话',
      receivedAt: `2026-05-07T0${id === 'a' ? 2 : 1}:00:00.000Z`,
      finding: null,
      needsReview: false,
    });
});

describe('the comments for the bureaus (Art 16(4); Art 8)', () => {
  it('a league bureau sees its league’s comments only, and cannot ask for another league', async () => {
    const ordos = staff({ role: 'league', league: '150600' });
    const out = await list.execute(ordos, { year: '2025', kind: 'enterprise' });
    expect(out.status === 'ok' && out.value.comments.map((c) => c.id)).toEqual(['a']);
    expect(await list.execute(ordos, { year: '2025', kind: 'enterprise', league: '150100' })).toEqual({
      status: 'forbidden',
    });
  });

  it('the region sees every league’s, oldest first; the public and unopened publicities see nothing', async () => {
    const region = staff({ role: 'region' });
    const out = await list.execute(region, { year: '2025', kind: 'enterprise' });
    expect(out.status === 'ok' && out.value.comments.map((c) => c.id)).toEqual(['b', 'a']);
    expect((await list.execute({ type: 'public' }, { year: '2025', kind: 'enterprise' })).status).toBe('unauthorized');
    expect(await list.execute(region, { year: '2025', kind: 'agency' })).toEqual({ status: 'notFound' });
    const pubs = await list.publicities(region);
    expect(pubs.status === 'ok' && pubs.value.map((p) => [p.year, p.kind, p.closesOn])).toEqual([
      [2025, 'enterprise', '2026-05-14'],
    ]);
  });
});
