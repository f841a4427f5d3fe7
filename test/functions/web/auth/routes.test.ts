import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { OpenIdSignIn } from '../../../../functions/adapters/openIdSignIn.ts';
import { systemClock } from '../../../../functions/shared/clock.ts';
import { createLogger } from '../../../../functions/shared/logger.ts';
import { authRoutes, SIGN_IN_COOKIE, safeNext } from '../../../../functions/web/auth/routes.ts';
import type { WebDeps } from '../../../../functions/web/deps.ts';
import { createWebHandler } from '../../../../functions/web/handler.ts';
import type { WebResponse } from '../../../../functions/web/http/response.ts';
import { CSRF_COOKIE } from '../../../../functions/web/session/csrf.ts';
import {
  CookieSigner,
  openSession,
  SESSION_COOKIE,
  startSession,
  type WebSession,
} from '../../../../functions/web/session/session.ts';
import { type OidcPerson, startOidcProvider, type TestOidcProvider } from '../../../support/oidcProvider.ts';

const SITE = 'credit.nmg.example';
const signer = new CookieSigner('a-test-key-of-the-site-0123456789-abcdef');
const officer: OidcPerson = {
  sub: 'u-1',
  claims: { 'custom:role': 'league', 'custom:league': '150600', name: '张三' },
};
const enterprise: OidcPerson = { sub: 'u-2', claims: { role: 'enterprise', subject: '91150602MA0N000001' } };

let provider: TestOidcProvider;
let handler: (e: APIGatewayProxyEventV2) => Promise<WebResponse>;
beforeAll(async () => {
  provider = await startOidcProvider();
  const deps = {
    auth: { signIn: new OpenIdSignIn(new URL(provider.issuer), provider.clientId) },
  } as unknown as WebDeps;
  handler = createWebHandler(authRoutes, deps, {
    signer: async () => signer,
    cookies: { secure: true },
    clock: systemClock,
    logger: createLogger('web-test'),
  });
});
afterAll(() => provider.close());
beforeEach(() => {
  provider.person = officer;
  provider.tokenSeconds = 3600;
});

/** A browser's cookies for the site: `Set-Cookie` answers kept, cleared ones dropped. */
class Jar {
  readonly values = new Map<string, string>();
  take(r: WebResponse): this {
    for (const c of r.cookies ?? []) {
      const [pair] = c.split(';');
      const at = pair!.indexOf('=');
      const name = pair!.slice(0, at);
      if (/Max-Age=0(;|$)/.test(c)) this.values.delete(name);
      else this.values.set(name, pair!.slice(at + 1));
    }
    return this;
  }
  list(): string[] {
    return [...this.values].map(([k, v]) => `${k}=${v}`);
  }
}

const event = (method: string, target: string, o: { cookies?: string[]; body?: string } = {}) => {
  const [path, query = ''] = target.split('?');
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: path,
    rawQueryString: query,
    headers: {
      host: SITE,
      ...(o.body !== undefined
        ? { 'content-type': 'application/x-www-form-urlencoded', origin: `https://${SITE}` }
        : {}),
    },
    ...(o.cookies?.length ? { cookies: o.cookies } : {}),
    requestContext: { http: { method, path }, domainName: SITE, requestId: 'r1' },
    ...(o.body !== undefined ? { body: o.body, isBase64Encoded: false } : {}),
  } as unknown as APIGatewayProxyEventV2;
};

/** The provider's redirect back to the site, as a path with its query. */
const authorizeAt = async (location: string): Promise<string> => {
  const r = await fetch(location, { redirect: 'manual' });
  const back = new URL(r.headers.get('location')!);
  expect(back.origin).toBe(`https://${SITE}`);
  return `${back.pathname}${back.search}`;
};

/** Starts a sign-in in `jar`'s browser; the callback the provider sends it to. */
const begin = async (jar: Jar, next?: string): Promise<string> => {
  const r = await handler(event('GET', `/auth/signin${next === undefined ? '' : `?next=${encodeURIComponent(next)}`}`));
  expect(r.statusCode).toBe(303);
  jar.take(r);
  return authorizeAt(r.headers!.location as string);
};

const sessionOf = (jar: Jar): WebSession | null =>
  openSession(
    signer,
    jar.values.has(SESSION_COOKIE) ? decodeURIComponent(jar.values.get(SESSION_COOKIE)!) : undefined,
    Math.floor(Date.now() / 1000),
  );

describe('signing in to the pages with OpenID Connect', () => {
  it('sends the browser to the provider with PKCE, keeping the request in a short-lived signed HttpOnly cookie', async () => {
    const r = await handler(event('GET', '/auth/signin?next=%2Fconsole'));
    expect(r.statusCode).toBe(303);
    const to = new URL(r.headers!.location as string);
    expect(`${to.origin}${to.pathname}`).toBe(`${provider.issuer}/authorize`);
    expect(to.searchParams.get('code_challenge_method')).toBe('S256');
    expect(to.searchParams.get('redirect_uri')).toBe(`https://${SITE}/auth/callback`);
    const cookie = r.cookies!.find((c) => c.startsWith(`${SIGN_IN_COOKIE}=`))!;
    expect(cookie).toMatch(/; Path=\/; HttpOnly; SameSite=Lax; Max-Age=600; Secure$/);
    expect(decodeURIComponent(cookie)).not.toContain(to.searchParams.get('code_challenge')!);
  });

  it('signs a league officer in with the claims the policy gives the token, and returns to the page asked for', async () => {
    const jar = new Jar();
    const callback = await begin(jar, '/console/subjects?league=150600');
    const r = await handler(event('GET', callback, { cookies: jar.list() }));
    jar.take(r);
    expect(r.statusCode).toBe(303);
    expect(r.headers!.location).toBe('/console/subjects?league=150600');
    const cookie = r.cookies!.find((c) => c.startsWith(`${SESSION_COOKIE}=`))!;
    expect(cookie).toMatch(/; HttpOnly; SameSite=Lax; Max-Age=\d+; Secure$/);
    const session = sessionOf(jar)!;
    expect(session.claims).toEqual({ role: 'league', league: '150600', sub: 'u-1' });
    expect(session).toMatchObject({ displayName: '张三', via: 'oidc' });
    // The session ends when the ID token does (its `exp`), never later.
    expect(session.expiresAt).toBe(provider.lastExpiry);
    expect(jar.values.has(SIGN_IN_COOKIE)).toBe(false);
  });

  it('sends a participant without a `next` to the portal, and a session no longer than its token', async () => {
    provider.person = enterprise;
    provider.tokenSeconds = 1800;
    const jar = new Jar();
    const r = await handler(event('GET', await begin(jar), { cookies: jar.list() }));
    jar.take(r);
    expect(r.headers!.location).toBe('/portal');
    const session = sessionOf(jar)!;
    expect(session.claims).toEqual({ role: 'enterprise', subject: '91150602MA0N000001', sub: 'u-2' });
    expect(session.expiresAt).toBe(provider.lastExpiry);
  });

  it.each(['//evil.example', 'https://evil.example/', '/\\evil.example', '/\t/evil.example', 'javascript:alert(1)'])(
    'does not follow next=%s after signing in',
    async (next) => {
      const jar = new Jar();
      const r = await handler(event('GET', await begin(jar, next), { cookies: jar.list() }));
      expect(r.statusCode).toBe(303);
      expect(r.headers!.location).toBe('/console');
    },
  );

  it('refuses a callback whose state is not this browser’s request, with no session', async () => {
    const jar = new Jar();
    const callback = await begin(jar);
    const forged = callback.replace(/state=[^&]+/, 'state=forged-state');
    const r = await handler(event('GET', forged, { cookies: jar.list() }));
    expect(r.statusCode).toBe(400);
    expect(r.body).toContain('登录请求无效');
    expect(jar.take(r).values.has(SESSION_COOKIE)).toBe(false);
  });

  it('refuses a callback from another browser’s sign-in (its cookie is not there)', async () => {
    const callback = await begin(new Jar());
    const r = await handler(event('GET', callback, { cookies: [] }));
    expect(r.statusCode).toBe(400);
    expect(r.body).toContain('登录已失效');
    expect(r.cookies?.some((c) => c.startsWith(`${SESSION_COOKIE}=`) && !c.includes('Max-Age=0'))).toBe(false);
  });

  it('refuses a code replayed with the sign-in cookie it came with', async () => {
    const jar = new Jar();
    const callback = await begin(jar);
    const stolen = jar.list();
    expect((await handler(event('GET', callback, { cookies: stolen }))).statusCode).toBe(303);
    const again = await handler(event('GET', callback, { cookies: stolen }));
    expect(again.statusCode).toBe(400);
    expect(again.body).toContain('登录校验未通过');
    expect(new Jar().take(again).values.has(SESSION_COOKIE)).toBe(false);
  });

  it('refuses an exchange whose PKCE verifier is not the one of the request', async () => {
    const jar = new Jar();
    const callback = await begin(jar);
    const pending = signer.open('signin', decodeURIComponent(jar.values.get(SIGN_IN_COOKIE)!)) as Record<
      string,
      unknown
    >;
    const swapped = signer.seal('signin', { ...pending, codeVerifier: 'another-verifier-'.padEnd(64, 'x') });
    const r = await handler(event('GET', callback, { cookies: [`${SIGN_IN_COOKIE}=${encodeURIComponent(swapped)}`] }));
    expect(r.statusCode).toBe(400);
    expect(provider.tokenRefusals.at(-1)).toBe('invalid_grant');
    expect(new Jar().take(r).values.has(SESSION_COOKIE)).toBe(false);
  });

  it('refuses a sign-in cookie changed by the browser', async () => {
    const jar = new Jar();
    const callback = await begin(jar);
    const raw = decodeURIComponent(jar.values.get(SIGN_IN_COOKIE)!);
    const [body, mac] = raw.split('.');
    const changed = JSON.parse(Buffer.from(body!, 'base64url').toString('utf8'));
    const tampered = `${Buffer.from(JSON.stringify({ ...changed, next: '/console/x' })).toString('base64url')}.${mac}`;
    const r = await handler(event('GET', callback, { cookies: [`${SIGN_IN_COOKIE}=${encodeURIComponent(tampered)}`] }));
    expect(r.statusCode).toBe(400);
    expect(r.body).toContain('登录已失效');
  });

  it('refuses a person whose token has no role for this system, with no session', async () => {
    provider.person = { sub: 'u-3', claims: { name: '李四', email: 'lisi@nmg.example' } };
    const jar = new Jar();
    const r = await handler(event('GET', await begin(jar), { cookies: jar.list() }));
    expect(r.statusCode).toBe(403);
    expect(r.body).toContain('账号未开通本系统权限');
    expect(jar.take(r).values.has(SESSION_COOKIE)).toBe(false);
  });

  it('refuses a league role without its league, as the API refuses such a token', async () => {
    provider.person = { sub: 'u-4', claims: { 'custom:role': 'league' } };
    const jar = new Jar();
    const r = await handler(event('GET', await begin(jar), { cookies: jar.list() }));
    expect(r.statusCode).toBe(403);
    expect(jar.take(r).values.has(SESSION_COOKIE)).toBe(false);
  });

  it('refuses an ID token that lives longer than a staff token may (12 hours)', async () => {
    provider.tokenSeconds = 13 * 3600;
    const jar = new Jar();
    const r = await handler(event('GET', await begin(jar), { cookies: jar.list() }));
    expect(r.statusCode).toBe(400);
    expect(jar.take(r).values.has(SESSION_COOKIE)).toBe(false);
  });

  it('says so when the person refuses at the provider, with no session', async () => {
    provider.person = null;
    const jar = new Jar();
    const r = await handler(event('GET', await begin(jar), { cookies: jar.list() }));
    expect(r.statusCode).toBe(403);
    expect(r.body).toContain('登录未完成');
    expect(r.body).toContain('<html lang="zh-CN">');
    expect(jar.take(r).values.has(SESSION_COOKIE)).toBe(false);
    expect(jar.values.has(SIGN_IN_COOKIE)).toBe(false);
  });
});

describe('signing out of the pages', () => {
  const csrf = (jar: Jar) => {
    jar.values.set(CSRF_COOKIE, 'n0nce-of-the-visitor-123');
    return `_csrf=${signer.mac('csrf', 'n0nce-of-the-visitor-123')}`;
  };

  it('clears the session and ends the provider’s session too (its end-session endpoint)', async () => {
    const jar = new Jar();
    jar.take(await handler(event('GET', await begin(jar), { cookies: jar.list() })));
    const idToken = sessionOf(jar)!.idTokenHint!;
    const body = csrf(jar);
    const r = await handler(event('POST', '/auth/signout', { cookies: jar.list(), body }));
    jar.take(r);
    expect(r.statusCode).toBe(200);
    expect(jar.values.has(SESSION_COOKIE)).toBe(false);
    const href = /<a href="([^"]+)">点击此处退出统一身份认证/.exec(r.body!)![1]!.replaceAll('&amp;', '&');
    const logout = new URL(href);
    expect(`${logout.origin}${logout.pathname}`).toBe(`${provider.issuer}/logout`);
    expect(Object.fromEntries(logout.searchParams)).toMatchObject({
      client_id: provider.clientId,
      post_logout_redirect_uri: `https://${SITE}/`,
      logout_uri: `https://${SITE}/`,
      id_token_hint: idToken,
    });
    expect(r.body).toContain('http-equiv="refresh"');
    expect(r.body).not.toContain('action="/auth/signout"');
  });

  it('clears a development session and goes home', async () => {
    const now = Math.floor(Date.now() / 1000);
    const jar = new Jar();
    jar.values.set(
      SESSION_COOKIE,
      encodeURIComponent(signer.seal('session', startSession({ role: 'region' }, '测试', 'dev', now))),
    );
    const body = csrf(jar);
    const r = await handler(event('POST', '/auth/signout', { cookies: jar.list(), body }));
    expect(r.statusCode).toBe(303);
    expect(r.headers!.location).toBe('/');
    expect(jar.take(r).values.has(SESSION_COOKIE)).toBe(false);
  });

  it('does not sign out on a form without its CSRF token', async () => {
    const jar = new Jar();
    jar.take(await handler(event('GET', await begin(jar), { cookies: jar.list() })));
    const r = await handler(event('POST', '/auth/signout', { cookies: jar.list(), body: '' }));
    expect(r.statusCode).toBe(403);
    expect(jar.take(r).values.has(SESSION_COOKIE)).toBe(true);
  });
});

describe('safeNext', () => {
  it('keeps local paths with their query, and nothing that leaves the site', () => {
    expect(safeNext('/console/subjects?kind=enterprise&league=150600', '/')).toBe(
      '/console/subjects?kind=enterprise&league=150600',
    );
    for (const bad of ['//evil.example', '/\\evil.example', 'https://evil.example', '/a b', '/\t/evil', '', undefined])
      expect(safeNext(bad, '/home')).toBe('/home');
  });
});
