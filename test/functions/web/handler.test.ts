import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { AdjustableClock } from '../../../functions/shared/clock.ts';
import { createLogger } from '../../../functions/shared/logger.ts';
import { createWebHandler } from '../../../functions/web/handler.ts';
import { redirect } from '../../../functions/web/http/response.ts';
import type { WebRoute } from '../../../functions/web/router.ts';
import { CSRF_COOKIE } from '../../../functions/web/session/csrf.ts';
import { CookieSigner, SESSION_COOKIE, startSession } from '../../../functions/web/session/session.ts';
import { STYLE_SHEET_PATH } from '../../../functions/web/ui/styles.ts';

const signer = new CookieSigner('a-test-key-of-the-site-0123456789-abcdef');
const clock = new AdjustableClock();
clock.freeze(new Date('2026-11-20T02:00:00Z'));
const now = Math.floor(clock.now().getTime() / 1000);
let posted = 0;

const routes: WebRoute<Record<string, never>>[] = [
  { method: 'GET', path: '/', access: 'anyone', handle: async (ctx) => ctx.render('首页', null) },
  { method: 'GET', path: '/console', access: 'bureau', handle: async (ctx) => ctx.render('工作台', null) },
  {
    method: 'POST',
    path: '/console/acts',
    access: 'bureau',
    handle: async () => {
      posted++;
      return redirect('/console');
    },
  },
  {
    method: 'GET',
    path: '/boom',
    access: 'anyone',
    handle: async () => {
      throw new Error('table ecocredit unreachable');
    },
  },
];
const handler = createWebHandler(
  routes,
  {},
  {
    signer: async () => signer,
    cookies: { secure: true },
    clock,
    logger: createLogger('web-test'),
  },
);

const event = (method: string, path: string, o: { cookies?: string[]; body?: string; origin?: string } = {}) =>
  ({
    version: '2.0',
    routeKey: '$default',
    rawPath: path,
    rawQueryString: '',
    headers: {
      host: 'credit.nmg.example',
      ...(o.body !== undefined ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      ...(o.origin ? { origin: o.origin } : {}),
    },
    ...(o.cookies ? { cookies: o.cookies } : {}),
    requestContext: { http: { method, path }, domainName: 'credit.nmg.example', requestId: 'r1' },
    ...(o.body !== undefined ? { body: o.body, isBase64Encoded: false } : {}),
  }) as unknown as APIGatewayProxyEventV2;

const officer = `${SESSION_COOKIE}=${encodeURIComponent(
  signer.seal('session', startSession({ role: 'league', league: '150600' }, '张三', 'dev', now)),
)}`;
const nonce = 'n0nce-of-the-visitor-123';
const csrfCookie = `${CSRF_COOKIE}=${nonce}`;
const token = signer.mac('csrf', nonce);

describe('the pages handler', () => {
  it('answers a page with the security headers and gives a first-time visitor a CSRF cookie', async () => {
    const r = await handler(event('GET', '/'));
    expect(r.statusCode).toBe(200);
    expect(r.headers?.['content-security-policy']).toContain("script-src 'self'");
    expect(r.headers?.['x-frame-options']).toBe('DENY');
    expect(r.cookies?.[0]).toMatch(
      /^ecocredit_csrf=[A-Za-z0-9_-]+; Path=\/; HttpOnly; SameSite=Lax; Max-Age=86400; Secure$/,
    );
    expect(r.body).toContain('<html lang="zh-CN">');
  });

  it('sends a visitor who is not signed in to the sign-in page, and back afterwards', async () => {
    const r = await handler(event('GET', '/console'));
    expect(r.statusCode).toBe(303);
    expect(r.headers?.location).toBe('/auth/signin?next=%2Fconsole');
  });

  it('opens a bureau page for a signed-in officer', async () => {
    const r = await handler(event('GET', '/console', { cookies: [officer, csrfCookie] }));
    expect(r.statusCode).toBe(200);
    expect(r.body).toContain('鄂尔多斯市生态环境局 · 张三');
  });

  it('refuses a POST without its CSRF token, with another nonce’s token, or from another site, and runs nothing', async () => {
    const before = posted;
    const noToken = await handler(event('POST', '/console/acts', { cookies: [officer, csrfCookie], body: 'act=x' }));
    const otherToken = await handler(
      event('POST', '/console/acts', {
        cookies: [officer, csrfCookie],
        body: `_csrf=${signer.mac('csrf', 'another-nonce-0123456')}`,
      }),
    );
    const crossSite = await handler(
      event('POST', '/console/acts', {
        cookies: [officer, csrfCookie],
        body: `_csrf=${token}`,
        origin: 'https://evil.example',
      }),
    );
    expect([noToken.statusCode, otherToken.statusCode, crossSite.statusCode]).toEqual([403, 403, 403]);
    expect(noToken.body).toContain('表单已失效或来源不明');
    expect(posted).toBe(before);
    const good = await handler(
      event('POST', '/console/acts', {
        cookies: [officer, csrfCookie],
        body: `_csrf=${token}`,
        origin: 'https://credit.nmg.example',
      }),
    );
    expect(good.statusCode).toBe(303);
    expect(posted).toBe(before + 1);
  });

  it('ignores a session cookie whose signature does not hold', async () => {
    const forged = officer.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
    const r = await handler(event('GET', '/console', { cookies: [forged] }));
    expect(r.statusCode).toBe(303);
  });

  it('answers unknown pages with a Chinese 404 page and other methods with 405', async () => {
    const missing = await handler(event('GET', '/nowhere'));
    expect(missing.statusCode).toBe(404);
    expect(missing.body).toContain('页面不存在');
    expect((await handler(event('POST', '/', { cookies: [csrfCookie], body: `_csrf=${token}` }))).statusCode).toBe(405);
  });

  it('answers a failing page with 500 and never shows what failed', async () => {
    const r = await handler(event('GET', '/boom'));
    expect(r.statusCode).toBe(500);
    expect(r.body).toContain('服务内部错误');
    expect(r.body).not.toContain('unreachable');
  });

  it('serves the style sheet under its hashed name, cached for good', async () => {
    const r = await handler(event('GET', STYLE_SHEET_PATH));
    expect(r.headers?.['content-type']).toBe('text/css; charset=utf-8');
    expect(r.headers?.['cache-control']).toContain('immutable');
    expect(r.body).toContain('.plate-A');
  });
});
