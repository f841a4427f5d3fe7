import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DynamoComments } from '../../../../../functions/adapters/dynamoComments.ts';
import { PublicityLists } from '../../../../../functions/publicity/publicityLists.ts';
import { SubmitComment } from '../../../../../functions/publicity/submitComment.ts';
import { AdjustableClock } from '../../../../../functions/shared/clock.ts';
import { createLogger } from '../../../../../functions/shared/logger.ts';
import type { WebDeps } from '../../../../../functions/web/deps.ts';
import { createWebHandler } from '../../../../../functions/web/handler.ts';
import { clientKeyOf, renderedAtOf } from '../../../../../functions/web/public/publicity/commentPages.tsx';
import { publicityRoutes } from '../../../../../functions/web/public/publicity/routes.ts';
import { CSRF_COOKIE } from '../../../../../functions/web/session/csrf.ts';
import { CookieSigner } from '../../../../../functions/web/session/session.ts';
import {
  cycleAtPublicity,
  PUBLICITY_LEAGUE,
  publicityStores,
  putSentReport,
  reportEntry,
  writeCycle,
} from '../../../../support/publicity.ts';
import { freshTable } from '../../../../support/table.ts';

const signer = new CookieSigner('a-test-key-of-the-site-0123456789-abcdef');
const clock = new AdjustableClock();
const NOW = Date.parse('2026-05-07T02:00:00Z');
let comments: DynamoComments;
let handler: ReturnType<typeof createWebHandler<WebDeps>>;
const CODE = reportEntry(1).code;
const PATH = `/publicity/2025/enterprise/${CODE}`;
const nonce = 'n0nce-of-the-visitor-123';

beforeAll(async () => {
  const { client, table } = await freshTable('comment-pages');
  const s = publicityStores(client, table);
  comments = s.comments;
  await writeCycle(
    s.cycles,
    cycleAtPublicity('enterprise', 2025, [PUBLICITY_LEAGUE], '2026-03-02T01:00:00Z', '2026-05-06T02:00:00Z'),
  );
  await putSentReport(s.reports, { year: 2025, kind: 'enterprise', league: PUBLICITY_LEAGUE }, 1, [reportEntry(1)]);
  const lists = new PublicityLists(s.cycles, s.reports, clock);
  const deps = {
    public: { publicity: { lists, comment: new SubmitComment(lists, comments, clock) } },
  } as unknown as WebDeps;
  handler = createWebHandler(publicityRoutes, deps, {
    signer: async () => signer,
    cookies: { secure: true },
    clock,
    logger: createLogger('web-test'),
  });
  clock.freeze(new Date(NOW));
});

const post = (fields: Record<string, string>, ip = '203.0.113.7', csrf = true) =>
  handler({
    version: '2.0',
    routeKey: '$default',
    rawPath: PATH,
    rawQueryString: '',
    headers: { host: 'credit.nmg.example', 'content-type': 'application/x-www-form-urlencoded' },
    cookies: [`${CSRF_COOKIE}=${nonce}`],
    requestContext: {
      http: { method: 'POST', path: PATH, sourceIp: ip },
      domainName: 'credit.nmg.example',
      requestId: 'r1',
    },
    body: new URLSearchParams({ ...(csrf ? { _csrf: signer.mac('csrf', nonce) } : {}), ...fields }).toString(),
    isBase64Encoded: false,
  } as unknown as APIGatewayProxyEventV2);

const rendered = (at = NOW - 60_000) => `${at}.${signer.mac('publicity-comment-form', String(at))}`;

describe('the comment form’s answers', () => {
  it('refuses a post without the form’s CSRF token, storing nothing', async () => {
    const r = await post({ text: '意见', rendered: rendered() }, '203.0.113.1', false);
    expect(r.statusCode).toBe(403);
    expect(await comments.commentsOf({ year: 2025, kind: 'enterprise', league: PUBLICITY_LEAGUE })).toEqual([]);
  });

  it('names the field of a blank comment (400) and keeps what was written', async () => {
    const r = await post({ text: ' ', contact: '王先生', rendered: rendered() });
    expect(r.statusCode).toBe(400);
    expect(r.body).toContain('意见内容：请填写意见内容');
    expect(r.body).toContain('value="王先生"');
  });

  it('a forged or missing render time is politely refused with 429 and a wait', async () => {
    const r = await post({ text: '意见', rendered: `${NOW - 60_000}.forgedforgedforgedforged` });
    expect(r.statusCode).toBe(429);
    expect(r.headers?.['retry-after']).toBe('5');
    expect(r.body).toContain('表单已过期');
    expect(renderedAtOf(signer, rendered(123))).toBe(123);
    expect(renderedAtOf(signer, undefined)).toBeNull();
  });

  it('five comments in ten minutes from one address, then 429 in Chinese; another address is not blocked', async () => {
    const codes = [];
    for (let i = 1; i <= 6; i++)
      codes.push((await post({ text: `第${i}条`, rendered: rendered() }, '198.51.100.9')).statusCode);
    expect(codes).toEqual([303, 303, 303, 303, 303, 429]);
    const last = await post({ text: '第7条', rendered: rendered() }, '198.51.100.9');
    expect(last.body).toContain('您提交意见过于频繁，请稍后再试');
    expect((await post({ text: '另一位', rendered: rendered() }, '198.51.100.10')).statusCode).toBe(303);
  });

  it('never stores the commenter’s address: the rate limit keys a keyed hash of it', async () => {
    const stored = JSON.stringify(
      await comments.commentsOf({ year: 2025, kind: 'enterprise', league: PUBLICITY_LEAGUE }),
    );
    expect(stored).not.toContain('198.51.100');
    expect(clientKeyOf(signer, '198.51.100.9')).not.toContain('198');
    expect(clientKeyOf(signer, '198.51.100.9')).not.toBe(clientKeyOf(signer, '198.51.100.10'));
  });
});
