import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { signLocalToken } from '../../functions/adapters/tokenVerifiers.ts';
import { loadDemoData } from './demo.ts';
import { generateJwtSecret, generateWebhookSecret, startLocalRuntime } from './runtime.ts';
import { chromiumPath } from './services.ts';

/**
 * `npm run screenshots`: the main pages of the site, photographed in Chromium for docs/screenshots/,
 * on a fresh in-memory system loaded with the demo data set (the previous year's results published).
 */
const OUT = resolve('docs/screenshots');

const main = async (): Promise<void> => {
  mkdirSync(OUT, { recursive: true });
  const secret = generateWebhookSecret();
  const jwtSecret = generateJwtSecret();
  const rt = await startLocalRuntime({
    dataDir: ':memory:',
    port: 0,
    webhookSecrets: new Map([['demo', secret]]),
    jwtSecret,
    poll: true,
  });
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-sync'],
  });
  try {
    console.log('载入演示数据……');
    const demo = await loadDemoData(rt, 'demo', secret, jwtSecret, { subjects: 120, records: 800 });
    const enterprise = demo.samples.find((s) => s.kind === 'enterprise')!;
    const year = demo.published.year;
    // This year's enterprise cycle, opened by the region, so the dashboard shows its stages and deadlines.
    const current = year + 1;
    const token = await signLocalToken(jwtSecret, { role: 'region' });
    await fetch(`${rt.url}/v1/cycles`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ kind: 'enterprise', year: current }),
    });
    const shoot = async (page: Page, name: string, path: string) => {
      await page.goto(`${rt.url}${path}`);
      await page.screenshot({ path: `${OUT}/${name}.png`, fullPage: true });
      console.log(`docs/screenshots/${name}.png  ${path}`);
    };
    const as = async (form: Record<string, string>) => {
      const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1200, height: 900 } });
      const page = await context.newPage();
      if (Object.keys(form).length > 0) {
        await page.goto(`${rt.url}/auth/dev`);
        await page.locator(`input[name=role][value=${form.role}]`).check();
        if (form.league) await page.locator('select[name=league]').selectOption(form.league);
        if (form.subject) await page.locator('input[name=subject]').fill(form.subject);
        await page.locator('form[action="/auth/dev"] button[type=submit]').click();
        await page.waitForLoadState('load');
      }
      return page;
    };
    const visitor = await as({});
    await shoot(visitor, 'public-home', '/');
    await shoot(visitor, 'public-list', `/lists/${year}/enterprise`);
    await shoot(visitor, 'public-result', `/results/enterprise/${enterprise.id}?year=${year}`);
    const region = await as({ role: 'region' });
    await shoot(region, 'console-dashboard', '/console');
    await shoot(region, 'console-cycle', `/console/cycles/${current}/enterprise`);
    await shoot(region, 'console-subjects', '/console/subjects');
    await shoot(region, 'console-subject', `/console/subjects/enterprise/${enterprise.id}`);
    await shoot(region, 'console-what-if', '/console/what-if');
    await shoot(region, 'console-repairs', '/console/repairs');
    const participant = await as({ role: 'enterprise', subject: enterprise.id });
    await shoot(participant, 'portal', '/portal');
    await shoot(participant, 'portal-repairs', '/portal/repairs');
  } finally {
    await browser.close();
    await rt.stop();
  }
};

await main();
