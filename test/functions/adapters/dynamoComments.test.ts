import { beforeAll, describe, expect, it } from 'vitest';
import type { DynamoComments } from '../../../functions/adapters/dynamoComments.ts';
import type { PublicComment } from '../../../functions/ports/comments.ts';
import { publicityStores } from '../../support/publicity.ts';
import { freshTable } from '../../support/table.ts';

let comments: DynamoComments;
beforeAll(async () => {
  const { client, table } = await freshTable('comments');
  comments = publicityStores(client, table).comments;
});

const scope = { year: 2025, kind: 'enterprise' as const, league: '150600' };
const comment = (id: string, receivedAt: string): PublicComment => ({
  ...scope,
  code: '91150600MA0000801X',
  id,
  name: '测试有限公司',
  text: '夜间偷排',
  contact: null,
  receivedAt,
  finding: null,
  needsReview: false,
});

describe('the comments on DynamoDB', () => {
  it('stores a comment once; the same id again changes nothing', async () => {
    expect(await comments.add(comment('c1', '2026-05-07T03:00:00.000Z'))).toBe('added');
    expect(await comments.add({ ...comment('c1', '2026-05-07T03:00:30.000Z'), text: '别的' })).toBe('exists');
    expect(await comments.comment(scope, 'c1')).toMatchObject({
      text: '夜间偷排',
      receivedAt: '2026-05-07T03:00:00.000Z',
    });
  });

  it('lists a league’s comments oldest first, never another league’s', async () => {
    await comments.add(comment('c0', '2026-05-06T03:00:00.000Z'));
    await comments.add({ ...comment('x1', '2026-05-06T01:00:00.000Z'), league: '150100' });
    expect((await comments.commentsOf(scope)).map((c) => c.id)).toEqual(['c0', 'c1']);
  });

  it('records a finding once, with its audit line, in one transaction', async () => {
    const finding = {
      finding: 'confirmed' as const,
      reasons: '现场核实属实',
      by: 'staff:league:150600',
      at: '2026-05-20T02:00:00.000Z',
    };
    expect(await comments.recordFinding(scope, 'c1', finding, true)).toBe(true);
    expect(await comments.recordFinding(scope, 'c1', { ...finding, finding: 'notConfirmed' }, false)).toBe(false);
    expect(await comments.recordFinding(scope, 'nobody', finding, true)).toBe(false);
    expect(await comments.comment(scope, 'c1')).toMatchObject({ finding, needsReview: true });
    expect(await comments.auditOf(scope)).toEqual([
      {
        at: finding.at,
        actor: finding.by,
        action: 'finding',
        commentId: 'c1',
        code: '91150600MA0000801X',
        finding: 'confirmed',
        reasons: '现场核实属实',
      },
    ]);
  });

  it('counts a client’s comments per window up to the limit, and each window on its own', async () => {
    const counts = [];
    for (let i = 0; i < 4; i++) counts.push(await comments.countComment('client-a', 1000, 3, 2200));
    expect(counts).toEqual([true, true, true, false]);
    expect(await comments.countComment('client-a', 1600, 3, 2800)).toBe(true);
    expect(await comments.countComment('client-b', 1000, 3, 2200)).toBe(true);
  });
});
