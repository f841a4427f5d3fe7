import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentClient } from '../../functions/adapters/dynamoDocument.ts';
import { DynamoObjections } from '../../functions/adapters/dynamoObjections.ts';
import type { LocalRuntime } from '../../infra/local/runtime.ts';
import { devSignIn, expectAccessible, launchBrowser, type TestBrowser } from '../support/browser.ts';
import { D_ENT, D_RECORD, PUBLICITY_OBJECTION, seedPublicityObjection, seedReview } from '../support/review.ts';
import { startTestRuntime } from '../support/runtime.ts';

/**
 * The review group (信用评价复核小组, Art 8) in Chromium: 复核审定 is refused while the proposed D is
 * undecided; the group changes it with reasons (its record revoked) and the grade follows; then the
 * region records 复核审定完毕.
 */
let rt: LocalRuntime;
let b: TestBrowser;

beforeAll(async () => {
  rt = await startTestRuntime();
  await seedReview(rt);
  b = await launchBrowser();
}, 180_000);
afterAll(async () => {
  await b?.close();
  await rt?.stop();
});

const confirmReview = async () => {
  const { page } = await b.page();
  await devSignIn(page, rt.url, { role: 'region' });
  await page.goto(`${rt.url}/console/cycles/2025/enterprise`);
  page.on('dialog', (d) => void d.accept());
  await page.getByRole('button', { name: '复核审定完毕' }).click();
  await page.waitForLoadState('load');
  return page;
};

describe('the review group and 复核审定', () => {
  it('复核审定完毕 is refused while an item is undecided, naming how many', async () => {
    const page = await confirmReview();
    expect(await page.locator('body').textContent()).toContain('尚有1项复核事项未作出复核决定');
  });

  it('the review group sees the items, changes the proposed D with reasons, and the grade follows', async () => {
    const { page } = await b.page();
    await devSignIn(page, rt.url, { role: 'reviewGroup', name: '复核组成员' });
    expect(page.url()).toContain('/console/review');
    const nav = page.getByRole('navigation', { name: '主导航' });
    expect(await nav.getByRole('link', { name: '复核审定' }).count()).toBe(1);
    expect(await nav.getByRole('link', { name: '评价对象' }).count()).toBe(0);
    await page.goto(`${rt.url}/console/review/2025/enterprise`);
    await expectAccessible(page);
    expect(await page.getByRole('status').textContent()).toContain('共 1 项，已决定 0 项，未决定 1 项');
    const row = page.getByRole('table', { name: '复核事项' }).getByRole('row', { name: new RegExp(D_ENT.code) });
    expect(await row.textContent()).toContain('拟评D级（环保不良）');
    await row.getByRole('link', { name: D_ENT.code }).click();
    await expectAccessible(page);
    expect(await page.getByRole('heading', { level: 2, name: '重新评价' }).count()).toBe(1);
    page.on('dialog', (d) => void d.accept());
    // Without reasons: refused, naming the field, nothing stored.
    await page.getByLabel('变更（撤销或更正信用信息，重新评价）').check();
    await page.getByLabel(new RegExp(`撤销 ${D_RECORD}`)).check();
    await page.getByLabel('复核理由').fill(' ');
    await page.getByRole('button', { name: '提交复核决定' }).click();
    await page.waitForLoadState('load');
    expect(await page.getByRole('alert').textContent()).toContain('复核理由不能为空');
    await page.getByLabel('变更（撤销或更正信用信息，重新评价）').check();
    await page.getByLabel(new RegExp(`撤销 ${D_RECORD}`)).check();
    await page.getByLabel('复核理由').fill('经调查核实，该行政许可撤销决定已被复议机关撤销');
    await page.getByRole('button', { name: '提交复核决定' }).click();
    await page.waitForLoadState('load');
    expect(await page.getByRole('status').textContent()).toContain('复核决定已记录');
    await rt.drain();
    await page.reload();
    const body = (await page.locator('body').textContent()) ?? '';
    expect(body).toContain('变更');
    expect(body).toContain('已撤销，不计分');
    expect(body).toMatch(/得分 100，A 环保诚信单位/);
    await expectAccessible(page);
  });

  it('the region reads the items with their decisions, and downloads them as an Excel workbook', async () => {
    const { page } = await b.page();
    await devSignIn(page, rt.url, { role: 'region' });
    await page.goto(`${rt.url}/console/review/2025/enterprise?decided=yes`);
    expect(await page.getByRole('status').textContent()).toContain('已决定 1 项，未决定 0 项');
    expect(await page.getByRole('table', { name: '复核事项' }).textContent()).toContain('变更');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: '导出 Excel' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/2025年度企事业单位复核审定\.xlsx$/);
  });

  it('the review group corrects a record disputed in publicity (更正); the enterprise’s objection is answered', async () => {
    const objectionId = await seedPublicityObjection(rt);
    const { C_ENT, C_RECORD } = PUBLICITY_OBJECTION;
    const { page } = await b.page();
    await devSignIn(page, rt.url, { role: 'reviewGroup', name: '复核组成员' });
    await page.goto(`${rt.url}/console/review/2025/enterprise/${C_ENT.code}`);
    page.on('dialog', (d) => void d.accept());
    await page.getByLabel('变更（撤销或更正信用信息，重新评价）').check();
    await page.getByText(`更正 ${C_RECORD}：`).click();
    await page.getByLabel(/更正该信用信息/).check();
    await page.getByLabel('评价指标代码').fill('HW_BASIC');
    await page.getByLabel('事实摘要').fill('经核实为危险废物管理基本达标');
    await page.getByLabel('复核理由').fill('经调查核实，原记录的评价指标认定有误，予以更正');
    await page.getByRole('button', { name: '提交复核决定' }).click();
    await page.waitForLoadState('load');
    expect(await page.getByRole('status').textContent()).toContain('复核决定已记录');
    await expectAccessible(page);
    expect(await page.locator('main').textContent()).toContain(`${C_RECORD} 更正为 ${C_RECORD}.c1`);
    await rt.drain();
    const doc = documentClient(rt.dynamo);
    const objection = await new DynamoObjections(doc, rt.tableName).objection(
      { kind: 'enterprise', id: C_ENT.code },
      objectionId,
    );
    expect(objection).toMatchObject({ status: 'reviewed', reviews: [{ target: C_RECORD, outcome: 'corrected' }] });
    expect((await rt.store.loadRecords([`${C_RECORD}.c1`])).get(`${C_RECORD}.c1`)?.rule).toBe('HW_BASIC');
  });

  it('once every item is decided, the region records 复核审定完毕', async () => {
    const page = await confirmReview();
    expect(await page.getByRole('status').first().textContent()).toContain('复核审定完毕');
  });
});
