import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../infra/local/runtime.ts';
import { devSignIn, expectAccessible, launchBrowser, type TestBrowser } from '../support/browser.ts';
import { cycleAtPublicity, PUBLICITY_LEAGUE, putSentReport, reportEntry } from '../support/publicity.ts';
import { reportsOn } from '../support/reports.ts';
import { callApi, staffToken, startTestRuntime } from '../support/runtime.ts';

/**
 * Publicity of the proposed results and the public's comments in Chromium (Art 16(3)-(4); Art 7):
 * publicity opens, a member of the public comments, the window closes by itself, a late comment is
 * refused with the reason, and the league records its finding.
 */
let rt: LocalRuntime;
let b: TestBrowser;
const FIRST = reportEntry(1);
const moveClock = (now: string) =>
  fetch(`${rt.url}/v1/dev/clock`, { method: 'POST', body: JSON.stringify({ now }) }).then((r) => r.json());
/** A person takes a while to write: the clock moves on between the form and its submission. */
const wait = (seconds: number) => rt.clock.set(new Date(rt.clock.now().getTime() + seconds * 1000));

beforeAll(async () => {
  rt = await startTestRuntime();
  b = await launchBrowser();
  rt.clock.set(new Date('2026-03-02T01:00:00Z'));
  const cycle = cycleAtPublicity('enterprise', 2025, [PUBLICITY_LEAGUE], '2026-03-02T01:00:00Z');
  if (!(await rt.cycleStore.writeCycle({ cycle, expectedVersion: null, scheduled: [], unscheduled: [], audit: [] })))
    throw new Error('cycle not written');
  await putSentReport(reportsOn(rt).reports, { year: 2025, kind: 'enterprise', league: PUBLICITY_LEAGUE }, 1, [
    FIRST,
    reportEntry(2, { grade: 'D', gradeName: '环保不良单位', score: 540, blacklistProposed: true }),
    reportEntry(3, { suspended: true, grade: null, score: null, name: '立案侦查中的公司' }),
  ]);
  rt.clock.set(new Date('2026-05-06T02:00:00Z'));
}, 120_000);
afterAll(async () => {
  await b?.close();
  await rt?.stop();
});

describe('publicity and the public’s comments', () => {
  it('before publicity opens, the list is not public (a Chinese 404 page)', async () => {
    const { page } = await b.page();
    const res = await page.goto(`${rt.url}/publicity/2025/enterprise`);
    expect(res?.status()).toBe(404);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('未找到该公示');
    await page.goto(`${rt.url}/`);
    await page.getByRole('navigation').getByRole('link', { name: '评价结果公示' }).click();
    expect(await page.getByText('目前没有正在公示的评价结果。').count()).toBe(1);
    await expectAccessible(page);
  });

  it('once opened, anyone reads the list with its window and comments on an entry without signing in', async () => {
    const region = await staffToken({ role: 'region', league: '150000' });
    const opened = await callApi(rt, 'POST', '/v1/cycles/2025/enterprise/acts', region, { act: 'publicityOpened' });
    expect(opened.status).toBe(200);
    const { page } = await b.page();
    await page.goto(`${rt.url}/`);
    await page.getByRole('link', { name: /评价结果公示（拟定等级/ }).click();
    expect(await page.getByText('公示期 2026年5月6日至5月14日').count()).toBe(1);
    await expectAccessible(page);
    await page.getByRole('link', { name: '2025年度企事业单位环保信用评价拟定等级公示' }).click();
    const table = page.getByRole('table', { name: /2025年度企事业单位环保信用评价拟定等级公示/ });
    expect(await table.getByRole('row').count()).toBe(3); // the header and two entries: never the suspended one (I15)
    expect(await page.getByText('立案侦查中的公司').count()).toBe(0);
    expect(await table.getByText('D 环保不良单位').count()).toBe(1);
    await expectAccessible(page);
    await page.getByLabel('名称或统一社会信用代码').fill('2号');
    await page.getByRole('button', { name: '查询' }).click();
    expect(await page.getByRole('table').getByRole('row').count()).toBe(2);
    await page.goto(`${rt.url}/publicity/2025/enterprise`);
    await page.getByRole('link', { name: `对${FIRST.name}提出意见` }).click();
    await expectAccessible(page);
    await page.getByLabel(/意见内容/).fill('该企业夜间通过暗管排放废水，请核查。');
    await page.getByLabel(/联系方式/).fill('王先生 13800000000');
    wait(30);
    await page.getByRole('button', { name: '提交意见' }).click();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('感谢您提出意见');
    await expectAccessible(page);
    // The contact is never shown on a public page.
    await page.goto(`${rt.url}/publicity/2025/enterprise`);
    expect(await page.getByText('13800000000').count()).toBe(0);
  });

  it('the window closes by itself; a comment sent afterwards is refused with the reason', async () => {
    const { page } = await b.page();
    await page.goto(`${rt.url}/publicity/2025/enterprise/${FIRST.code}`);
    await page.getByLabel(/意见内容/).fill('迟到的意见');
    await moveClock('2026-05-15T01:00:00Z');
    const region = await staffToken({ role: 'region', league: '150000' });
    const cycle = await callApi(rt, 'GET', '/v1/cycles/2025/enterprise', region);
    expect(cycle.json.region.stage).toBe('REVIEW');
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST'),
      page.getByRole('button', { name: '提交意见' }).click(),
    ]);
    expect(response.status()).toBe(409);
    expect(await page.getByText('公示期已于2026年5月14日结束，不再受理意见').count()).toBe(1);
    await expectAccessible(page);
    await page.goto(`${rt.url}/publicity`);
    expect(await page.getByText('公示已结束').count()).toBe(1);
  });

  it('the league sees the comment with its contact and records its finding, which goes to the review group', async () => {
    const { page } = await b.page();
    await devSignIn(page, rt.url, { role: 'league', league: PUBLICITY_LEAGUE });
    await page.goto(`${rt.url}/console`);
    await page.getByRole('link', { name: '公示意见' }).click();
    await expectAccessible(page);
    await page.getByRole('link', { name: '2025年度企事业单位公示意见' }).click();
    expect(await page.getByText('该企业夜间通过暗管排放废水，请核查。').count()).toBe(1);
    expect(await page.getByText('王先生 13800000000').count()).toBe(1);
    expect(await page.getByText('迟到的意见').count()).toBe(0);
    await expectAccessible(page);
    await page.getByLabel('部分属实').check();
    await page.getByLabel('调查核实情况及理由').fill('经现场核查，雨水排放口存在少量废水混排。');
    await page.getByRole('button', { name: '记录调查核实结果' }).click();
    const item = page.getByRole('article');
    expect(await item.getByText(/部分属实：经现场核查/).count()).toBe(1);
    expect(await item.getByRole('definition').filter({ hasText: /^是$/ }).count()).toBe(1);
    expect(await page.getByRole('button', { name: '记录调查核实结果' }).count()).toBe(0);
    await expectAccessible(page);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: '导出 Excel' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('2025年度企事业单位公示意见.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile((await download.path())!);
    const rows: string[][] = [];
    book.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
    expect(rows[1]).toEqual([
      '统一社会信用代码',
      '名称',
      '盟市',
      '收到时间',
      '意见内容',
      '联系方式',
      '调查核实结果',
      '调查核实情况及理由',
      '核实时间',
      '提交复核小组',
    ]);
    expect(rows[2]).toEqual(expect.arrayContaining([FIRST.code, '王先生 13800000000', '部分属实', '是']));
  });
});
