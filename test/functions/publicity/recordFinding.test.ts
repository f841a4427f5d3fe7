import { beforeAll, describe, expect, it } from 'vitest';
import type { DynamoComments } from '../../../functions/adapters/dynamoComments.ts';
import { RecordCommentFinding } from '../../../functions/publicity/recordFinding.ts';
import { AdjustableClock } from '../../../functions/shared/clock.ts';
import { publicityStores } from '../../support/publicity.ts';
import { freshTable } from '../../support/table.ts';

const clock = new AdjustableClock();
let comments: DynamoComments;
let record: RecordCommentFinding;
const scope = { year: 2025, kind: 'enterprise' as const, league: '150600' };
const staff = (claims: Record<string, string>) => ({ type: 'staff' as const, claims: claims as never });
const ordos = staff({ role: 'league', league: '150600' });

beforeAll(async () => {
  const { client, table } = await freshTable('comment-finding');
  comments = publicityStores(client, table).comments;
  record = new RecordCommentFinding(comments, clock);
  clock.freeze(new Date('2026-05-20T02:00:00Z'));
  for (const id of ['c1', 'c2'])
    await comments.add({
      ...scope,
      code: '91150600MA0000801X',
      id,
      name: '测试有限公司',
      text: '偷排',
      contact: null,
      receivedAt: '2026-05-07T02:00:00.000Z',
      finding: null,
      needsReview: false,
    });
});

const asked = (id: string, finding: string | undefined, reasons: string | undefined) => ({
  year: '2025',
  kind: 'enterprise',
  league: '150600',
  id,
  finding,
  reasons,
});

describe('the league’s finding on a comment (Art 16(4) 调查核实)', () => {
  it('only the league’s own bureau or the region records it; the public never', async () => {
    expect(await record.execute(staff({ role: 'league', league: '150100' }), asked('c1', 'confirmed', '属实'))).toEqual(
      { status: 'forbidden' },
    );
    expect((await record.execute({ type: 'public' }, asked('c1', 'confirmed', '属实'))).status).toBe('unauthorized');
    expect((await comments.comment(scope, 'c1'))?.finding).toBeNull();
  });

  it('needs a finding and reasons, naming the fields', async () => {
    const out = await record.execute(ordos, asked('c1', undefined, ''));
    expect(out.status === 'invalid' && out.issues.map((i) => i.path)).toEqual(['finding', 'reasons']);
  });

  it('部分属实 marks the comment for the review group (Art 8); 情况不属实 does not; each once, audited', async () => {
    const out = await record.execute(ordos, asked('c1', 'partlyConfirmed', '排放口监测数据部分超标'));
    expect(out).toMatchObject({
      status: 'ok',
      value: { needsReview: true, finding: { finding: 'partlyConfirmed', by: 'staff:league:150600' } },
    });
    expect(
      await record.execute(staff({ role: 'region' }), asked('c2', 'notConfirmed', '现场检查未发现问题')),
    ).toMatchObject({
      status: 'ok',
      value: { needsReview: false },
    });
    expect(await record.execute(ordos, asked('c1', 'notConfirmed', '改判'))).toMatchObject({
      status: 'conflict',
      code: 'FINDING_RECORDED',
    });
    expect((await comments.auditOf(scope)).map((a) => [a.commentId, a.finding])).toEqual([
      ['c1', 'partlyConfirmed'],
      ['c2', 'notConfirmed'],
    ]);
    expect((await record.execute(ordos, asked('missing', 'confirmed', '属实'))).status).toBe('notFound');
  });
});
