import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import {
  encodedTextHeader,
  MAX_REASON_CHARS,
  parseRequest,
  refusalResponse,
  subjectPath,
  subjectPathIssues,
  tokenUnauthorized,
  UNAUTHORIZED_MESSAGES,
  webhookUnauthorized,
} from '../../../functions/shared/http.ts';

const event = (headers: Record<string, string>) => ({ headers }) as unknown as APIGatewayProxyEventV2;
const bodyOf = (r: { body: string }) =>
  JSON.parse(r.body) as { error: string; reason?: string; issues?: { path: string }[] };

describe('401 messages: one table, one message per cause', () => {
  it('every webhook and token refusal has its own Chinese message', () => {
    for (const table of [UNAUTHORIZED_MESSAGES.webhook, UNAUTHORIZED_MESSAGES.token]) {
      const messages = Object.values(table);
      expect(new Set(messages).size).toBe(messages.length);
      for (const m of messages) expect(m).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('the four webhook causes answer differently, with a stable reason code', () => {
    const answers = (['missing-headers', 'stale-timestamp', 'bad-signature', 'unknown-source'] as const).map((r) =>
      webhookUnauthorized(r),
    );
    expect(answers.map((a) => a.statusCode)).toEqual([401, 401, 401, 401]);
    expect(answers.map((a) => bodyOf(a).reason)).toEqual([
      'missing-headers',
      'stale-timestamp',
      'bad-signature',
      'unknown-source',
    ]);
    expect(new Set(answers.map((a) => bodyOf(a).error)).size).toBe(4);
    expect(bodyOf(webhookUnauthorized('missing-headers')).error).toContain('webhook-signature');
    expect(bodyOf(webhookUnauthorized('stale-timestamp')).error).toContain('5 分钟');
  });

  it('staff token causes answer differently: missing, expired, bad signature, wrong issuer or audience', () => {
    const answers = (
      [
        'missing',
        'expired',
        'bad-signature',
        'wrong-issuer',
        'wrong-audience',
        'no-expiry',
        'lifetime-too-long',
      ] as const
    ).map((r) => tokenUnauthorized(r));
    expect(new Set(answers.map((a) => bodyOf(a).error)).size).toBe(answers.length);
    expect(answers.every((a) => a.statusCode === 401)).toBe(true);
    expect(bodyOf(tokenUnauthorized('expired')).error).toContain('已过期');
  });

  it('an unknown webhook reason falls back to the signature message, never echoing the reason', () => {
    expect(bodyOf(webhookUnauthorized('whsec_leak')).error).toBe(UNAUTHORIZED_MESSAGES.webhook['bad-signature']);
    expect(webhookUnauthorized('whsec_leak').body).not.toContain('whsec_leak');
  });
});

describe('percent-encoded text headers (x-reason)', () => {
  it('decodes UTF-8 percent-encoding; absent is null', () => {
    expect(encodedTextHeader(event({ 'x-reason': encodeURIComponent('复议撤销') }), 'x-reason')).toEqual({
      ok: true,
      value: '复议撤销',
    });
    expect(encodedTextHeader(event({}), 'x-reason')).toEqual({ ok: true, value: null });
  });

  it.each([
    ['a malformed escape', '%E4%B8'],
    ['a lone percent sign', '100%'],
    ['raw non-ASCII text', 'Ã¥Â¤Â\u008d'],
    ['raw Chinese text', '复议撤销'],
    ['an encoded control character', '%00'],
    ['text too long', 'a'.repeat(MAX_REASON_CHARS + 1)],
  ])('refuses %s with a 400 naming the header', (_what, value) => {
    const r = encodedTextHeader(event({ 'X-Reason': value }), 'x-reason');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.response.statusCode).toBe(400);
    expect(bodyOf(r.response).error).toContain('x-reason');
    expect(bodyOf(r.response).issues).toEqual([expect.objectContaining({ path: 'x-reason' })]);
  });
});

describe('one mapping of refusals to HTTP', () => {
  it('each refusal answers its status; 401 carries the token table’s message and reason; 409 its code', () => {
    const answers = [
      refusalResponse({ status: 'unauthorized', reason: 'missing' }),
      refusalResponse({ status: 'forbidden' }, { forbidden: '无权登记该主体（不在管辖范围内）' }),
      refusalResponse({ status: 'invalid', issues: [{ path: 'year', message: '年度须为四位数字' }] }),
      refusalResponse({ status: 'notFound' }, { notFound: '未找到该评价周期' }),
      refusalResponse({ status: 'conflict', code: 'WRONG_STAGE', message: '当前阶段不能进行该程序行为' }),
    ];
    expect(answers.map((a) => a.statusCode)).toEqual([401, 403, 400, 404, 409]);
    expect(answers.map((a) => bodyOf(a))).toEqual([
      { error: UNAUTHORIZED_MESSAGES.token.missing, reason: 'missing' },
      { error: '无权登记该主体（不在管辖范围内）' },
      { error: '请求无效：year：年度须为四位数字', issues: [{ path: 'year', message: '年度须为四位数字' }] },
      { error: '未找到该评价周期' },
      { error: '当前阶段不能进行该程序行为', code: 'WRONG_STAGE' },
    ]);
    for (const a of answers) expect(bodyOf(a).error).toMatch(/[\u4e00-\u9fff]/);
  });

  it('parseRequest names every bad field of every part in one 400', () => {
    const r = parseRequest({
      path: [subjectPath, { kind: 'enterprise', id: '91150100MA0000001B' }],
      query: [z.object({ year: z.string().check(z.regex(/^\d{4}$/, { error: '年度须为四位数字' })) }), { year: 'x' }],
    });
    expect(r).toEqual({
      status: 'invalid',
      issues: [expect.objectContaining({ path: 'id' }), { path: 'year', message: '年度须为四位数字' }],
    });
    expect(subjectPathIssues('firm', 'x')).toEqual([
      { path: 'kind', message: '主体类型须为 enterprise、agency 或 practitioner' },
    ]);
  });
});
