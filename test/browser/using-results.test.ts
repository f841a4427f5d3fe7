import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../infra/local/runtime.ts';
import { devSignIn, expectAccessible, launchBrowser, type TestBrowser } from '../support/browser.ts';
import { SEEDED, seedPublishedResults } from '../support/resultsUse.ts';
import { startTestRuntime } from '../support/runtime.ts';

/** Reads an exported workbook: every row as text. */
const workbookRows = async (path: string): Promise<string[][]> => {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  const rows: string[][] = [];
  book.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
  return rows;
};

describe('using the published results in a real browser (Art 19, 28–31)', () => {
  let rt: LocalRuntime;
  let b: TestBrowser;
  beforeAll(async () => {
    rt = await startTestRuntime();
    rt.clock.set(new Date('2026-09-01T02:00:00Z'));
    await seedPublishedResults(rt.store);
    b = await launchBrowser();
  });
  afterAll(async () => {
    await b?.close();
    await rt?.stop();
  });

  it('a league planner builds its 双随机 sampling list with a base ratio and exports it (Art 28)', async () => {
    const { page } = await b.page();
    await devSignIn(page, rt.url, { role: 'league', league: '150300' });
    await page.goto(`${rt.url}/`);
    await page.getByRole('link', { name: '双随机抽查名单' }).click();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('2025年度“双随机”抽查名单（乌海市）');
    await page.getByLabel('基础抽查比例（‰）').fill('100');
    await page.getByRole('button', { name: '生成名单' }).click();
    const list = page.getByRole('table', { name: '抽查名单' });
    const row = list.getByRole('row').filter({ hasText: SEEDED.blacklisted.name });
    expect(await row.getByRole('cell').allTextContents()).toEqual(
      expect.arrayContaining([SEEDED.blacklisted.id, '是', '20%']),
    );
    expect(await list.getByText(SEEDED.agencyC.name).count()).toBe(0);
    await expectAccessible(page);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: '导出 Excel' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('2025年度“双随机”抽查名单（乌海市）.xlsx');
    const rows = await workbookRows((await download.path())!);
    expect(rows[0]![0]).toContain('基础抽查比例 100‰');
    expect(rows.find((r) => r[0] === SEEDED.blacklisted.id)).toEqual(
      expect.arrayContaining(['列入黑名单', '是', '20%']),
    );
  });

  it('a league bureau cannot read another league’s sampling list; a bad base ratio is named', async () => {
    const { page } = await b.page();
    await devSignIn(page, rt.url, { role: 'league', league: '150300' });
    const res = await page.goto(`${rt.url}/console/sampling?league=150600`);
    expect(res?.status()).toBe(403);
    const bad = await page.goto(`${rt.url}/console/sampling?basePermille=0`);
    expect(bad?.status()).toBe(400);
    expect(
      await page
        .getByRole('alert')
        .getByText('基础抽查比例（‰）（basePermille）：基础抽查比例须为 1 至 1000 的整数（‰）')
        .count(),
    ).toBe(1);
  });

  it('anyone asks whether an agency may be hired, and gets the answer with its article (Art 31(2))', async () => {
    const { page } = await b.page();
    await page.goto(`${rt.url}/`);
    await page.getByRole('link', { name: '奖惩措施查询' }).click();
    await page.getByLabel('统一社会信用代码').fill(SEEDED.agencyD.id);
    await page.getByRole('button', { name: '查询' }).click();
    expect(await page.getByText('可否采购其环境服务：不可以（第三十一条第二项').count()).toBe(1);
    const table = page.getByRole('table', { name: `${SEEDED.agencyD.name}适用的措施（截至2026年9月1日）` });
    const procurement = table.getByRole('row').filter({ hasText: '各级政府或者有关部门不得采购其环境服务' });
    expect(await procurement.getByRole('cell').allTextContents()).toEqual([
      '各级政府或者有关部门不得采购其环境服务',
      '约束和惩戒措施',
      expect.stringContaining('第三十一条'),
      '是',
      '2026年6月26日',
      '信用修复完成或下一年度评价结果公布前',
    ]);
    await expectAccessible(page);
    await page.getByLabel('统一社会信用代码').fill(SEEDED.clean.id);
    await page.getByLabel('查询日期（默认今天）').fill('2026-06-25');
    await page.getByRole('button', { name: '查询' }).click();
    expect(await page.getByText('2024年度（2025年6月27日发布）').count()).toBe(1);
  });

  it('the public blacklist shows when each entry started and why, and exports it (Art 19)', async () => {
    const { page } = await b.page();
    await page.goto(`${rt.url}/`);
    await page.getByRole('link', { name: '失信黑名单' }).click();
    const table = page.getByRole('table', { name: /环境保护领域失信黑名单（截至2026年9月1日，共 1 家）/ });
    expect(await table.getByRole('row').nth(1).getByRole('cell').allTextContents()).toEqual([
      SEEDED.blacklisted.id,
      SEEDED.blacklisted.name,
      '企事业单位',
      '乌海市',
      '2026年6月26日',
      '连续3年（2023年度、2024年度、2025年度）评定为D级（第十九条）',
    ]);
    await expectAccessible(page);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: '导出 Excel' }).click(),
    ]);
    const rows = await workbookRows((await download.path())!);
    expect(rows[1]).toEqual(['统一社会信用代码', '名称', '评价对象类别', '盟市', '列入日期', '列入原因']);
    expect(rows[2]![0]).toBe(SEEDED.blacklisted.id);
  });

  it('the region reads the grade distribution per league and kind over the years, and exports it', async () => {
    const { page } = await b.page();
    await devSignIn(page, rt.url, { role: 'region' });
    await page.goto(`${rt.url}/`);
    await page.getByRole('link', { name: '评价结果统计' }).click();
    expect(await page.getByRole('img', { name: /2025年度第三方服务机构各盟市评价等级分布/ }).count()).toBe(1);
    const counts = page.getByRole('table', { name: '各年度各盟市评价等级数量' });
    const ordos = counts.getByRole('row').filter({ hasText: '2025年度' }).filter({ hasText: '鄂尔多斯市' });
    expect(await ordos.getByRole('cell').allTextContents()).toEqual([
      '2025年度',
      '第三方服务机构',
      '鄂尔多斯市',
      '0',
      '0',
      '1',
      '0',
      '1',
    ]);
    await expectAccessible(page);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: '导出 Excel' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('评价结果统计.xlsx');
  });
});
