import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { chromiumPath } from '../../infra/local/services.ts';

/**
 * A real Chromium for the page tests: Debian's (`apt-get install chromium fonts-noto-cjk`), driven
 * by playwright-core. The flags keep it off the network it cannot reach (docs/development.md).
 */
export const CHROMIUM_PATH = chromiumPath();

export interface TestBrowser {
  readonly browser: Browser;
  /** A fresh context (its own cookies) with one page. */
  page(): Promise<{ context: BrowserContext; page: Page }>;
  close(): Promise<void>;
}

export const launchBrowser = async (): Promise<TestBrowser> => {
  const profile = mkdtempSync(join(tmpdir(), 'ecocredit-chromium-'));
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
  const contexts: BrowserContext[] = [];
  return {
    browser,
    page: async () => {
      const context = await browser.newContext({ locale: 'zh-CN', acceptDownloads: true });
      contexts.push(context);
      return { context, page: await context.newPage() };
    },
    close: async () => {
      for (const c of contexts) await c.close().catch(() => undefined);
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
};

/** Signs in through the local development sign-in page, as a person would. */
export const devSignIn = async (
  page: Page,
  baseUrl: string,
  who:
    | { role: 'region' | 'reviewGroup'; name?: string }
    | { role: 'league'; league: string; name?: string }
    | { role: 'enterprise' | 'agency'; subject: string; name?: string },
): Promise<void> => {
  await page.goto(`${baseUrl}/auth/dev`);
  const roleLabel = {
    region: '自治区生态环境厅（全区）',
    reviewGroup: '信用评价复核小组',
    league: '盟市生态环境局',
    enterprise: '企业',
    agency: '环保服务机构',
  }[who.role];
  await page.getByLabel(roleLabel, { exact: true }).check();
  if (who.role === 'league') await page.getByLabel('所属盟市（盟市生态环境局）').selectOption(who.league);
  if (who.role === 'enterprise' || who.role === 'agency')
    await page.getByLabel('统一社会信用代码（企业、环保服务机构）').fill(who.subject);
  if (who.name) await page.getByLabel('姓名').fill(who.name);
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForLoadState('load');
};

/** The page has no serious or critical accessibility violations (axe-core, WCAG 2.1 AA rules). */
export const expectAccessible = async (page: Page): Promise<void> => {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(serious, `${page.url()}`).toEqual([]);
};
