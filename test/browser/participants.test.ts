import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../infra/local/runtime.ts';
import { devSignIn, expectAccessible, launchBrowser, type TestBrowser } from '../support/browser.ts';
import { uscc } from '../support/builders.ts';
import { startTestRuntime } from '../support/runtime.ts';

const LIST = '/console/participants/2026/agency?league=150600';
const badCheck = (code: string) => `${code.slice(0, 17)}${code[17] === '0' ? '1' : '0'}`;

/** The template filled with rows, as a bureau saves it. */
const filled = async (template: string, rows: string[][], out: string) => {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(template);
  const sheet = book.worksheets[0]!;
  for (const r of rows) sheet.addRow(r);
  await book.xlsx.writeFile(out);
  return out;
};

describe('participant lists in the console (Art 6, 17(1))', () => {
  let rt: LocalRuntime;
  let b: TestBrowser;
  let dir: string;
  beforeAll(async () => {
    rt = await startTestRuntime();
    b = await launchBrowser();
    dir = await mkdtemp(join(tmpdir(), 'participants-'));
  });
  afterAll(async () => {
    await b?.close();
    await rt?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('imports a list checked whole: two bad rows reported with row and column, nothing stored; then the fixed file', async () => {
    const { page } = await b.page();
    await devSignIn(page, rt.url, { role: 'league', league: '150600' });
    await page.goto(`${rt.url}${LIST}`);
    expect(await page.getByText('名单中还没有参评单位。').count()).toBe(1);
    await expectAccessible(page);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: '下载导入模板' }).click(),
    ]);
    const template = join(dir, 'template.xlsx');
    await download.saveAs(template);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await readFile(template)) as unknown as ArrayBuffer);
    expect(book.worksheets[0]!.getRow(2).values).toEqual([
      undefined,
      '统一社会信用代码',
      '名称',
      '所属盟市',
      '纳入依据',
      '服务类别',
    ]);

    const good = (n: number) => [uscc(n, '150600'), `检测公司${n}`, '鄂尔多斯市', '（五）', '环境监测服务机构'];
    const bad = await filled(
      template,
      [
        good(1),
        [badCheck(uscc(2, '150600')), '检测公司2', '鄂尔多斯市', '（五）', '环境监测服务机构'],
        good(3),
        [uscc(4, '150600'), '检测公司4', '火星市', '（五）', '环评服务机构'],
      ],
      join(dir, 'bad.xlsx'),
    );
    await page.getByLabel('名单文件（.xlsx，按导入模板填写）').setInputFiles(bad);
    await page.getByRole('button', { name: '导入', exact: true }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.getByText('名单文件有误，未导入任何内容').count()).toBe(1);
    const problems = page.getByRole('table', { name: '名单文件中的问题（共 2 处）' });
    expect(await problems.getByRole('row').allTextContents()).toEqual([
      '行号列问题',
      '第4行统一社会信用代码统一社会信用代码校验码错误（GB 32100-2015）',
      '第6行所属盟市未知的盟市“火星市”，应为自治区12个盟市之一',
    ]);
    await expectAccessible(page);
    await page.goto(`${rt.url}${LIST}`);
    expect(await page.getByText('名单中还没有参评单位。').count()).toBe(1);

    const fixed = await filled(template, [good(1), good(2), good(3), good(4)], join(dir, 'fixed.xlsx'));
    await page.getByLabel('名单文件（.xlsx，按导入模板填写）').setInputFiles(fixed);
    await page.getByRole('button', { name: '导入', exact: true }).click();
    await page.getByRole('status').waitFor();
    expect(await page.getByRole('status').textContent()).toBe('导入完成：新增 4，更新 0，未变 0。');
    const list = page.getByRole('table', { name: '参评单位（共 4 家）' });
    expect(await list.getByRole('row', { name: /检测公司3/ }).textContent()).toContain(
      '第六条（五）开展涉及生态环境保护工作的第三方服务机构',
    );
    await expectAccessible(page);

    await page.getByLabel('名单文件（.xlsx，按导入模板填写）').setInputFiles(fixed);
    await page.getByRole('button', { name: '导入', exact: true }).click();
    await page.getByRole('status').waitFor();
    expect(await page.getByRole('status').textContent()).toBe('导入完成：新增 0，更新 0，未变 4。');
  });

  it('adds one entry by the form and removes one, each in the list’s change record', async () => {
    const { page } = await b.page();
    await devSignIn(page, rt.url, { role: 'league', league: '150600' });
    await page.goto(`${rt.url}/console/participants/2026/enterprise?league=150600`);
    await page.getByLabel('统一社会信用代码').fill(uscc(20, '150600'));
    await page.getByLabel('名称', { exact: true }).fill('甲化工有限公司');
    await page.getByLabel('纳入依据（第六条）').selectOption('6.1');
    await page.getByLabel(/厂址及产量占比/).fill('P001:70%；P002:20%');
    await page.getByRole('button', { name: '添加' }).click();
    expect(await page.getByRole('alert').textContent()).toContain('厂址及产量占比：各厂址产量占比之和为90%，应为100%');
    await expectAccessible(page);

    await page.getByLabel(/厂址及产量占比/).fill('P001:70%；P002:30%');
    await page.getByRole('button', { name: '添加' }).click();
    expect(await page.getByRole('status').textContent()).toBe('已添加参评单位。');
    expect(await page.getByRole('row', { name: /甲化工有限公司/ }).textContent()).toContain('P001:70%；P002:30%');

    page.once('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: '移除 甲化工有限公司' }).click();
    expect(await page.getByRole('status').textContent()).toBe('已移除参评单位。');
    expect(await page.getByText('名单中还没有参评单位。').count()).toBe(1);
    const trail = page.getByRole('table', { name: '名单变更记录' });
    expect(await trail.getByRole('row').count()).toBe(3);
    await expectAccessible(page);
  });

  it('keeps another league’s bureau out of the list', async () => {
    const { page } = await b.page();
    await devSignIn(page, rt.url, { role: 'league', league: '150100' });
    const res = await page.goto(`${rt.url}${LIST}`);
    expect(res?.status()).toBe(403);
  });
});
