import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../infra/local/runtime.ts';
import { devSignIn, expectAccessible, launchBrowser, type TestBrowser } from '../support/browser.ts';
import { startTestRuntime } from '../support/runtime.ts';

describe('the site in a real browser', () => {
  let rt: LocalRuntime;
  let b: TestBrowser;
  beforeAll(async () => {
    rt = await startTestRuntime();
    b = await launchBrowser();
  });
  afterAll(async () => {
    await b?.close();
    await rt?.stop();
  });

  it('serves the public home page in Chinese with a search by name or code', async () => {
    const { page } = await b.page();
    await page.goto(`${rt.url}/`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('环保信用评价结果查询');
    expect(await page.getByRole('searchbox', { name: '企业或机构名称、统一社会信用代码' }).count()).toBe(1);
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    await expectAccessible(page);
  });

  it('signs a league officer in through the development sign-in and shows the bureau navigation', async () => {
    const { page } = await b.page();
    await devSignIn(page, rt.url, { role: 'league', league: '150600', name: '张三' });
    await page.goto(`${rt.url}/`);
    expect(await page.getByText('鄂尔多斯市生态环境局 · 张三').count()).toBe(1);
    expect(await page.getByRole('link', { name: '工作台' }).count()).toBe(1);
    await page.getByRole('button', { name: '退出登录' }).click();
    expect(await page.getByRole('link', { name: '工作人员和企业登录' }).count()).toBe(1);
  });

  it('refuses a form posted without its CSRF token and changes nothing', async () => {
    const res = await fetch(`${rt.url}/auth/dev`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'role=region',
      redirect: 'manual',
    });
    expect(res.status).toBe(403);
    expect(res.headers.get('set-cookie') ?? '').not.toContain('ecocredit_session=');
    expect(await res.text()).toContain('表单已失效或来源不明');
  });
});
