import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PublishResults } from '../../functions/publication/publishResults.ts';
import type { LocalRuntime } from '../../infra/local/runtime.ts';
import { devSignIn, expectAccessible, launchBrowser, type TestBrowser } from '../support/browser.ts';
import { enterprise, uscc } from '../support/builders.ts';
import { startFrozenRuntime } from '../support/runtime.ts';
import { registerProfile } from '../support/store.ts';

/**
 * The credit commitment letter (Art 16(1), 17(1); Annex 4): the enterprise's legal representative
 * signs it in the portal, and the public reads it beside the enterprise's published result.
 */
const ENT = { kind: 'enterprise' as const, id: uscc(91, '150600') };
const NAME = '鄂尔多斯市承诺化工有限公司';

let rt: LocalRuntime;
let b: TestBrowser;
beforeAll(async () => {
  // November 2026: the 2025 evaluation is under way (Art 19) and its results are published.
  rt = await startFrozenRuntime('2026-11-20T02:00:00Z');
  await registerProfile(rt.store, enterprise({ id: ENT.id, name: NAME, league: '150600' }), '2026-01-05T00:00:00Z');
  const published = await new PublishResults(rt.store).execute({
    type: 'publish',
    kind: 'enterprise',
    year: 2025,
    publishedOn: '2026-06-26',
    subjects: [ENT],
  });
  expect(published).toBe(1);
  b = await launchBrowser();
});
afterAll(async () => {
  await b?.close();
  await rt?.stop();
});

describe('the credit commitment letter', () => {
  it('is signed once in the portal by the legal representative, then shown on the public result page', async () => {
    const { page } = await b.page();
    await devSignIn(page, rt.url, { role: 'enterprise', subject: ENT.id });
    await page.goto(`${rt.url}/portal`);
    expect(await page.getByText('2025年度信用承诺书：未签署。').count()).toBe(1);
    await page.getByRole('link', { name: '签署信用承诺书' }).click();
    await expect.poll(() => page.url()).toContain('/portal/commitment');
    const letter = page.getByRole('article', { name: '承诺书内容' });
    expect(await letter.getByText(`承诺单位：${NAME}`).count()).toBe(1);
    expect(await letter.getByText(`承诺单位统一社会信用代码：${ENT.id}`).count()).toBe(1);
    await expectAccessible(page);

    await page.getByLabel('法定代表人或主要负责人姓名').fill('王承诺');
    await page.getByLabel('职务', { exact: true }).fill('董事长');
    await page.getByLabel('本单位已阅读并承诺遵守上述承诺内容').check();
    await page.getByRole('button', { name: '签署信用承诺书' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('信用承诺书已签署');
    expect(await page.getByText('王承诺').count()).toBe(1);
    expect(await page.getByRole('button', { name: '签署信用承诺书' }).count()).toBe(0);
    await expectAccessible(page);
    await page.goto(`${rt.url}/portal`);
    expect(await page.getByText('2025年度信用承诺书：已签署（2026年11月20日）。').count()).toBe(1);

    const visitor = await b.page();
    await visitor.page.goto(`${rt.url}/results/enterprise/${ENT.id}?year=2025`);
    const section = visitor.page.getByRole('region', { name: '信用承诺书' });
    expect(await section.getByText('王承诺').count()).toBe(1);
    expect(await section.getByText('董事长').count()).toBe(1);
    expect(await section.getByText(`承诺单位：${NAME}`).count()).toBe(1);
    expect(await section.getByText('特此承诺，同意本承诺书向社会公开。').count()).toBe(1);
    expect(await section.getByText(/^[0-9a-f]{64}$/).count()).toBe(1);
    expect(await visitor.page.getByText('本系统暂未收录该单位的信用承诺书。').count()).toBe(0);
    await expectAccessible(visitor.page);
  });
});
