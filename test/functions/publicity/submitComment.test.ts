import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DynamoComments } from '../../../functions/adapters/dynamoComments.ts';
import { PublicityLists } from '../../../functions/publicity/publicityLists.ts';
import { type CommentAsked, SubmitComment } from '../../../functions/publicity/submitComment.ts';
import { AdjustableClock } from '../../../functions/shared/clock.ts';
import {
  cycleAtPublicity,
  PUBLICITY_LEAGUE,
  publicityStores,
  putSentReport,
  reportEntry,
  writeCycle,
} from '../../support/publicity.ts';
import { freshTable } from '../../support/table.ts';

const clock = new AdjustableClock();
let submit: SubmitComment;
let comments: DynamoComments;
const scope = { year: 2025, kind: 'enterprise' as const, league: PUBLICITY_LEAGUE };
const NOW = Date.parse('2026-05-07T02:00:00Z');
let client = 0;

beforeAll(async () => {
  const { client: c, table } = await freshTable('submit-comment');
  const s = publicityStores(c, table);
  comments = s.comments;
  submit = new SubmitComment(new PublicityLists(s.cycles, s.reports, clock), comments, clock);
  await writeCycle(
    s.cycles,
    cycleAtPublicity('enterprise', 2025, [PUBLICITY_LEAGUE], '2026-03-02T01:00:00Z', '2026-05-06T02:00:00Z'),
  );
  await putSentReport(s.reports, scope, 1, [
    reportEntry(1),
    reportEntry(2, { suspended: true, grade: null, score: null }),
  ]);
});
beforeEach(() => {
  clock.freeze(new Date(NOW));
  client++;
});

const asked = (over: Partial<CommentAsked> = {}): CommentAsked => ({
  year: '2025',
  kind: 'enterprise',
  code: reportEntry(1).code,
  text: '该企业夜间偷排废水',
  contact: '13800000000',
  trap: '',
  renderedAt: NOW - 60_000,
  client: `client-${client}`,
  ...over,
});

describe('a comment of the public on a listed result (Art 16(3); Art 7 舆论监督)', () => {
  it('is stored with the time, the entry and the text; a double submit is one comment', async () => {
    const out = await submit.execute(asked());
    expect(out).toMatchObject({ status: 'ok', value: { outcome: 'stored' } });
    expect(await submit.execute(asked())).toMatchObject({ status: 'ok', value: { outcome: 'duplicate' } });
    const stored = await comments.commentsOf(scope);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      ...scope,
      code: reportEntry(1).code,
      text: '该企业夜间偷排废水',
      contact: '13800000000',
      receivedAt: '2026-05-07T02:00:00.000Z',
      finding: null,
      needsReview: false,
    });
    // Nothing of the commenter but the contact they chose to give: no address, no client key.
    expect(JSON.stringify(stored[0])).not.toContain('client-');
  });

  it('is refused for an entry not on the public list (a suspended subject, I15) or a cycle not opened', async () => {
    expect(await submit.execute(asked({ code: reportEntry(2).code }))).toEqual({ status: 'notFound' });
    expect(await submit.execute(asked({ kind: 'agency' }))).toEqual({ status: 'notFound' });
    expect(await submit.execute(asked({ kind: 'practitioner' }))).toEqual({ status: 'notFound' });
  });

  it('names the field of a blank or overlong text', async () => {
    const out = await submit.execute(asked({ text: '   ', contact: 'x'.repeat(101) }));
    expect(out.status === 'invalid' && out.issues.map((i) => i.path)).toEqual(['text', 'contact']);
  });

  it('turns away a form sent too fast, or without a genuine render time, and stores nothing', async () => {
    const before = (await comments.commentsOf(scope)).length;
    expect(await submit.execute(asked({ text: '太快', renderedAt: NOW - 1000 }))).toMatchObject({
      status: 'throttled',
      reason: 'tooFast',
    });
    expect(await submit.execute(asked({ text: '伪造', renderedAt: null }))).toMatchObject({
      status: 'throttled',
      reason: 'stale',
    });
    expect(await submit.execute(asked({ text: '机器', trap: 'http://spam' }))).toMatchObject({
      status: 'ok',
      value: { outcome: 'discarded' },
    });
    expect((await comments.commentsOf(scope)).length).toBe(before);
  });

  it('takes five comments of a client in ten minutes, then asks it to wait; another client is not blocked', async () => {
    const outs = [];
    for (let i = 1; i <= 6; i++) outs.push((await submit.execute(asked({ text: `第${i}条意见` }))).status);
    expect(outs).toEqual(['ok', 'ok', 'ok', 'ok', 'ok', 'throttled']);
    expect((await submit.execute(asked({ text: '另一位', client: 'someone-else' }))).status).toBe('ok');
    clock.freeze(new Date(NOW + 10 * 60_000));
    expect((await submit.execute(asked({ text: '第7条意见', renderedAt: NOW }))).status).toBe('ok');
  });

  it('is refused with the reason after 23:59:59 of the last day (I12), and nothing is stored', async () => {
    clock.freeze(new Date('2026-05-14T15:59:59.000Z'));
    expect(
      (await submit.execute(asked({ text: '最后一刻', renderedAt: Date.parse('2026-05-14T15:50:00Z') }))).status,
    ).toBe('ok');
    const before = await comments.commentsOf(scope);
    clock.freeze(new Date('2026-05-14T16:00:00.000Z'));
    expect(await submit.execute(asked({ text: '晚了', renderedAt: Date.parse('2026-05-14T15:50:00Z') }))).toEqual({
      status: 'conflict',
      code: 'PUBLICITY_CLOSED',
      message: '公示期已于2026年5月14日结束，不再受理意见',
    });
    expect(await comments.commentsOf(scope)).toEqual(before);
  });
});
