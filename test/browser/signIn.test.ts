import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OpenIdSignIn } from '../../functions/adapters/openIdSignIn.ts';
import { systemClock } from '../../functions/shared/clock.ts';
import { createLogger } from '../../functions/shared/logger.ts';
import { authRoutes } from '../../functions/web/auth/routes.ts';
import type { WebDeps } from '../../functions/web/deps.ts';
import { createWebHandler } from '../../functions/web/handler.ts';
import type { WebRoute } from '../../functions/web/router.ts';
import { CookieSigner } from '../../functions/web/session/session.ts';
import { startHttpServer } from '../../infra/local/httpServer.ts';
import { expectAccessible, launchBrowser, type TestBrowser } from '../support/browser.ts';
import { startOidcProvider, type TestOidcProvider } from '../support/oidcProvider.ts';

/**
 * Sign-in and sign-out in a real browser against a real OpenID Connect provider on 127.0.0.1: the
 * redirects, the cookies (SameSite on the provider's redirect back), and the content security
 * policy's `form-action` on the way out to the provider all happen as in production.
 */
const pages: WebRoute<WebDeps>[] = [
  ...authRoutes,
  { method: 'GET', path: '/', access: 'anyone', handle: async (ctx) => ctx.render('环保信用评价结果查询', null) },
  { method: 'GET', path: '/console', access: 'bureau', handle: async (ctx) => ctx.render('工作台', null) },
];

describe('signing in with OpenID Connect in a real browser', () => {
  let provider: TestOidcProvider;
  let site: { server: Server; url: string };
  let b: TestBrowser;
  beforeAll(async () => {
    provider = await startOidcProvider({
      person: { sub: 'u-1', claims: { 'custom:role': 'league', 'custom:league': '150600', name: '张三' } },
    });
    const handler = createWebHandler(
      pages,
      { auth: { signIn: new OpenIdSignIn(new URL(provider.issuer), provider.clientId) } } as unknown as WebDeps,
      {
        signer: async () => new CookieSigner('a-test-key-of-the-site-0123456789-abcdef'),
        cookies: { secure: false },
        clock: systemClock,
        logger: createLogger('web-test'),
      },
    );
    const routes = ['GET', 'POST'].flatMap((method) => [
      { method, path: '/', handler },
      { method, path: '/{proxy+}', handler },
    ]);
    site = await startHttpServer(routes, 0, () => undefined);
    b = await launchBrowser();
  });
  afterAll(async () => {
    await b?.close();
    await new Promise((resolve) => site?.server.close(resolve));
    await provider?.close();
  });

  it('signs an officer in on the way to a console page, and out of the site and the provider', async () => {
    const { page } = await b.page();
    await page.goto(`${site.url}/console`);
    expect(new URL(page.url()).pathname).toBe('/console');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('工作台');
    expect(await page.getByText('鄂尔多斯市生态环境局 · 张三').count()).toBe(1);
    expect(provider.authorizations.at(-1)?.get('code_challenge_method')).toBe('S256');

    await page.getByRole('button', { name: '退出登录' }).click();
    await page.waitForURL(`${site.url}/`);
    expect(provider.logouts).toHaveLength(1);
    expect(provider.logouts[0]!.get('post_logout_redirect_uri')).toBe(`${site.url}/`);
    expect(await page.getByRole('link', { name: '工作人员和企业登录' }).count()).toBe(1);
    await page.goto(`${site.url}/console`);
    expect(new URL(page.url()).pathname).toBe('/console');
    // Signed out here, but the provider (like Cognito's hosted sign-in) signs the person in again.
    expect(provider.authorizations.length).toBeGreaterThanOrEqual(2);
  });

  it('shows a person refused at the provider an accessible page in Chinese, and no session', async () => {
    const { page, context } = await b.page();
    const person = provider.person;
    provider.person = null;
    try {
      await page.goto(`${site.url}/auth/signin?next=%2Fconsole`);
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('登录未完成');
      expect(await page.getByRole('alert').textContent()).toContain('统一身份认证未同意本次登录');
      expect((await context.cookies()).map((c) => c.name)).not.toContain('ecocredit_session');
      await expectAccessible(page);
    } finally {
      provider.person = person;
    }
  });

  it('shows the page between the site’s sign-out and the provider’s as an accessible page', async () => {
    const { page } = await b.page();
    await page.goto(`${site.url}/console`);
    // Stay on the signed-out page: the provider's logout answers 204 (no content) this time.
    await page.route(`${provider.issuer}/logout*`, (route) => route.fulfill({ status: 204 }));
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.getByText('您已退出本系统').waitFor();
    expect(await page.getByRole('link', { name: '点击此处退出统一身份认证' }).getAttribute('href')).toContain(
      `${provider.issuer}/logout?`,
    );
    await expectAccessible(page);
  });
});
