import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../infra/local/runtime.ts';
import { devSignIn, expectAccessible, launchBrowser, type TestBrowser } from '../support/browser.ts';
import { agency, residentId, uscc } from '../support/builders.ts';
import { startFrozenRuntime } from '../support/runtime.ts';
import { registerProfile } from '../support/store.ts';

/**
 * Art 18(1): an agency files the practitioners who work for it and records one's Annex 5 letter in
 * the portal; the league bureau lists them on its list of practitioners. Art 18(6): none of it is public.
 */
const AG = { id: uscc(81, '150600'), name: '鄂尔多斯市绿源环评咨询有限公司' };
const ZHANG = { name: '张建国', id: residentId(21, '150602'), position: '环评报告编制主持人' };
const LI = { name: '李秀英', id: residentId(22, '150602'), position: '现场调查技术员' };
const LIST = '/console/participants/2026/practitioner?league=150600';
const badCheck = (id: string) => `${id.slice(0, 17)}${id[17] === '1' ? '2' : '1'}`;

let rt: LocalRuntime;
let b: TestBrowser;
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'practitioners-'));
  // February 2027: the 2026 evaluation's participants are being listed (Art 18(1): by 31 March).
  rt = await startFrozenRuntime('2027-02-10T02:00:00Z');
  await registerProfile(
    rt.store,
    agency({ id: AG.id, name: AG.name, league: '150600', categories: ['eia'] }),
    '2026-01-05T00:00:00Z',
  );
  b = await launchBrowser();
});
afterAll(async () => {
  await b?.close();
  await rt?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const fileOne = async (page: Awaited<ReturnType<TestBrowser['page']>>['page'], p: typeof ZHANG) => {
  await page.getByLabel('姓名', { exact: true }).fill(p.name);
  await page.getByLabel('公民身份号码', { exact: true }).fill(p.id);
  await page.getByLabel('岗位或职务', { exact: true }).fill(p.position);
  await page.getByRole('button', { name: '填报', exact: true }).click();
};

describe('practitioners filed by their employers (Art 18(1), Annex 5)', () => {
  it('the agency files two, one with a bad number refused; the bureau lists both; nothing of it is public', async () => {
    const { page: portal } = await b.page();
    await devSignIn(portal, rt.url, { role: 'agency', subject: AG.id });
    await portal.goto(`${rt.url}/portal/practitioners`);
    const mine = portal.getByRole('table', { name: /^本单位填报的相关从业人员/ });
    expect(await mine.getByRole('cell', { name: '暂未填报。' }).count()).toBe(1);
    await expectAccessible(portal);

    await fileOne(portal, { ...LI, id: badCheck(LI.id) });
    await portal.getByRole('alert').waitFor();
    expect(await portal.getByRole('alert').textContent()).toContain('公民身份号码校验码错误（GB 11643）');
    expect(await portal.getByLabel('姓名', { exact: true }).inputValue()).toBe(LI.name);
    expect(await mine.getByRole('cell', { name: '暂未填报。' }).count()).toBe(1);
    await expectAccessible(portal);

    await fileOne(portal, ZHANG);
    await expect.poll(() => portal.getByRole('status').textContent()).toContain('已填报该从业人员');
    await fileOne(portal, LI);
    await expect.poll(() => portal.getByRole('status').textContent()).toContain('已填报该从业人员');
    expect(await mine.getByRole('cell', { name: '待确认' }).count()).toBe(2);
    expect(await mine.getByRole('cell', { name: ZHANG.id }).count()).toBe(1);

    await portal.getByRole('button', { name: `登记 ${ZHANG.name} 签署的信用承诺书` }).click();
    await expect.poll(() => portal.getByRole('status').textContent()).toContain('已登记该从业人员签署的信用承诺书');
    const letter = portal.getByRole('article', { name: `${ZHANG.name} 的信用承诺书` });
    expect(await letter.textContent()).toContain('相关从业人员环保信用承诺书');
    expect(await letter.textContent()).toContain(`承诺人：${ZHANG.name}`);
    expect(await portal.getByRole('button', { name: `登记 ${ZHANG.name} 签署的信用承诺书` }).count()).toBe(0);
    expect(await portal.getByRole('button', { name: `登记 ${LI.name} 签署的信用承诺书` }).count()).toBe(1);
    await expectAccessible(portal);

    const { page } = await b.page();
    await devSignIn(page, rt.url, { role: 'league', league: '150600' });
    await page.goto(`${rt.url}${LIST}`);
    const filed = page.getByRole('table', { name: '用人单位填报的从业人员（待确认 2 人）' });
    expect(await filed.getByRole('cell', { name: ZHANG.id }).count()).toBe(1);
    expect(await page.getByText('名单中还没有参评从业人员。').count()).toBe(1);
    await expectAccessible(page);
    for (const p of [ZHANG, LI]) {
      await page.getByRole('button', { name: `列入 ${p.name}`, exact: true }).click();
      await expect.poll(() => page.getByRole('status').textContent()).toContain('已将该从业人员列入参评名单');
    }
    const entries = page.getByRole('table', { name: '参评从业人员（共 2 人）' });
    const row = entries.getByRole('row').filter({ hasText: ZHANG.id });
    expect(await row.getByText('第六条（六）纳入环保信用评价范围的单位相关从业人员').count()).toBe(1);
    expect(await row.getByRole('cell', { name: AG.id }).count()).toBe(1);
    expect(await page.getByRole('table', { name: '用人单位填报的从业人员（待确认 0 人）' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: /^不列入/ }).count()).toBe(0);
    await expectAccessible(page);

    await portal.goto(`${rt.url}/portal/practitioners`);
    expect(await mine.getByRole('cell', { name: '已列入名单' }).count()).toBe(2);

    // The region oversees the list, but sees the numbers masked (Art 18(6)).
    const { page: region } = await b.page();
    await devSignIn(region, rt.url, { role: 'region' });
    await region.goto(`${rt.url}${LIST}`);
    const masked = `${ZHANG.id.slice(0, 6)}********${ZHANG.id.slice(14)}`;
    const regionEntries = region.getByRole('table', { name: '参评从业人员（共 2 人）' });
    expect(await regionEntries.getByRole('cell', { name: masked }).count()).toBe(1);
    expect(await regionEntries.textContent()).not.toContain(ZHANG.id);
    expect(await region.getByRole('table', { name: '名单变更记录' }).textContent()).not.toContain(ZHANG.id);
    await expectAccessible(region);

    const { page: visitor } = await b.page();
    await visitor.goto(`${rt.url}/search?q=${encodeURIComponent(ZHANG.name)}`);
    expect(await visitor.getByText(`未找到名称含“${ZHANG.name}”的已公开发布的评价结果。`).count()).toBe(1);
    for (const path of ['/', `/results/practitioner/${ZHANG.id}`, '/lists', '/lists/2026/practitioner']) {
      await visitor.goto(`${rt.url}${path}`);
      const main = (await visitor.getByRole('main').textContent()) ?? '';
      expect(main).not.toContain(ZHANG.name);
      expect(main).not.toContain(LI.name);
      expect(main).not.toContain('环保信用承诺书');
    }
  });

  it('imports practitioners from the template, each with the employer’s code and kind', async () => {
    const { page } = await b.page();
    await devSignIn(page, rt.url, { role: 'league', league: '150600' });
    await page.goto(`${rt.url}${LIST}`);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: '下载导入模板' }).click(),
    ]);
    const template = join(dir, 'template.xlsx');
    await download.saveAs(template);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await readFile(template)) as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(2).values).toEqual([
      undefined,
      '公民身份号码',
      '姓名',
      '所属盟市',
      '纳入依据',
      '用人单位统一社会信用代码',
      '用人单位类型',
    ]);
    const WANG = { name: '王志强', id: residentId(23, '150602') };
    sheet.addRow([WANG.id, WANG.name, '鄂尔多斯市', '（六）', AG.id, '第三方服务机构']);
    sheet.addRow([residentId(24, '150602'), '赵敏', '鄂尔多斯市', '（六）', AG.id, '个人']);
    const file = join(dir, 'filled.xlsx');
    await book.xlsx.writeFile(file);
    await page.getByLabel('名单文件（.xlsx，按导入模板填写）').setInputFiles(file);
    await page.getByRole('button', { name: '导入', exact: true }).click();
    await page.getByRole('alert').waitFor();
    const problems = page.getByRole('table', { name: '名单文件中的问题（共 1 处）' });
    expect(await problems.getByRole('row').nth(1).textContent()).toBe(
      '第4行用人单位类型未知的用人单位类型“个人”，应为企事业单位或第三方服务机构',
    );

    sheet.spliceRows(4, 1);
    await book.xlsx.writeFile(file);
    await page.goto(`${rt.url}${LIST}`);
    await page.getByLabel('名单文件（.xlsx，按导入模板填写）').setInputFiles(file);
    await page.getByRole('button', { name: '导入', exact: true }).click();
    await page.getByRole('status').waitFor();
    expect(await page.getByRole('status').textContent()).toBe('导入完成：新增 1，更新 0，未变 0。');
    const row = page
      .getByRole('table', { name: /^参评从业人员/ })
      .getByRole('row')
      .filter({ hasText: WANG.id });
    expect(await row.getByRole('cell', { name: AG.id }).count()).toBe(1);
  });

  it('serves the region a list page without any whole resident ID, while the league still decides by the forms', async () => {
    const ZHAO = { name: '赵丽华', id: residentId(25, '150602'), position: '环评报告编制人员' };
    const { page: portal } = await b.page();
    await devSignIn(portal, rt.url, { role: 'agency', subject: AG.id });
    await portal.goto(`${rt.url}/portal/practitioners`);
    await fileOne(portal, ZHAO);
    await expect.poll(() => portal.getByRole('status').textContent()).toContain('已填报该从业人员');

    // Art 18(6): listed and pending practitioners alike, in visible text, hidden fields and attributes.
    const { page: region } = await b.page();
    await devSignIn(region, rt.url, { role: 'region' });
    await region.goto(`${rt.url}${LIST}`);
    expect(await region.getByRole('table', { name: '用人单位填报的从业人员（待确认 1 人）' }).count()).toBe(1);
    const html = await region.content();
    for (const id of [ZHANG.id, LI.id, ZHAO.id]) expect(html).not.toContain(id);

    const { page } = await b.page();
    await devSignIn(page, rt.url, { role: 'league', league: '150600' });
    await page.goto(`${rt.url}${LIST}`);
    await page.getByLabel(`不列入 ${ZHAO.name} 的理由（必填）`).fill('未从事环评报告编制工作');
    await page.getByRole('button', { name: `不列入 ${ZHAO.name}`, exact: true }).click();
    await expect.poll(() => page.getByRole('table', { name: /待确认 0 人/ }).count()).toBe(1);
    const entries = page.getByRole('table', { name: /^参评从业人员/ });
    expect(await entries.textContent()).not.toContain(ZHAO.id);
    page.once('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: `移除 ${LI.name}` }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toBe('已移除参评单位。');
    expect(await entries.textContent()).not.toContain(LI.id);
    expect(await entries.textContent()).toContain(ZHANG.id);
  });
});
