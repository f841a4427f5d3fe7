import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentClient } from '../../functions/adapters/dynamoDocument.ts';
import { DynamoObjections } from '../../functions/adapters/dynamoObjections.ts';
import type { LocalRuntime } from '../../infra/local/runtime.ts';
import { devSignIn, expectAccessible, launchBrowser, type TestBrowser } from '../support/browser.ts';
import { REPORTED_ENTERPRISES, REPORTING_LEAGUE, seedSentEnterpriseReports } from '../support/reports.ts';
import { startTestRuntime } from '../support/runtime.ts';

/**
 * The league's report and the region's quality check (Art 16(2), Art 8) in Chromium: Ordos prepares and
 * sends its report with a disputed record shown as disputed; the region samples with a recorded seed
 * and returns one entry; Ordos corrects and re-reports; the region agrees and releases.
 */
let rt: LocalRuntime;
let b: TestBrowser;
const LEAGUE_PAGE = `/console/reports/2025/enterprise/${REPORTING_LEAGUE}`;
const DISPUTED = REPORTED_ENTERPRISES[0]!;

beforeAll(async () => {
  rt = await startTestRuntime();
  await seedSentEnterpriseReports(rt, [REPORTING_LEAGUE]);
  // An open objection of the first enterprise to its record (有异议（复核中）until reviewed).
  await new DynamoObjections(documentClient(rt.dynamo), rt.tableName).file(
    {
      id: 'enterprise-report-objection-1',
      kind: 'publicity',
      cycle: { year: 2025, kind: 'enterprise' },
      league: REPORTING_LEAGUE,
      subject: { kind: 'enterprise', id: DISPUTED.code },
      subjectName: DISPUTED.name,
      records: ['REPORT-SUP-1'],
      preGrade: false,
      reasons: '督办已解除',
      evidenceFiles: [],
      filedAt: '2026-04-20T02:00:00.000Z',
      filedOn: '2026-04-20',
      filedBy: `enterprise:${DISPUTED.code}`,
      windowClosesOn: null,
      status: 'open',
      reviews: [],
      reviewedAt: null,
      reviewedBy: null,
    },
    {
      subject: { kind: 'enterprise', id: DISPUTED.code },
      at: '2026-04-20T02:00:00.000Z',
      actor: `enterprise:${DISPUTED.code}`,
      action: 'objection.filed',
      what: {},
      why: null,
    },
  );
  b = await launchBrowser();
}, 180_000);
afterAll(async () => {
  await b?.close();
  await rt?.stop();
});

const signedIn = async (as: 'league' | 'region'): Promise<Page> => {
  const { page } = await b.page();
  await devSignIn(page, rt.url, as === 'league' ? { role: 'league', league: REPORTING_LEAGUE } : { role: 'region' });
  page.on('dialog', (d) => void d.accept());
  return page;
};

const drawnText = async (page: Page) =>
  (await page.getByText(/随机种子 4242\s*从第\d版抽取 2 条：/).textContent()) ?? '';

describe('the league’s report and the quality check', () => {
  let drawn: string[] = [];

  it('a league prepares its report from the menu; a disputed record is shown as disputed; it sends it', async () => {
    const page = await signedIn('league');
    await page.goto(`${rt.url}/console`);
    await page.getByRole('link', { name: '上报名单' }).click();
    await page.getByLabel('评价年度').fill('2025');
    await page.getByLabel('评价对象类别').selectOption('enterprise');
    await page.getByRole('button', { name: '打开上报名单' }).click();
    await page.waitForURL(new RegExp(`${LEAGUE_PAGE}$`));
    expect(await page.getByText('尚未生成上报名单。').count()).toBe(1);
    await expectAccessible(page);
    await page.getByRole('button', { name: '生成上报名单' }).click();
    await page.waitForURL(/done=prepared/);
    const rows = page.getByRole('table', { name: '上报条目' }).getByRole('row');
    expect(await rows.count()).toBe(1 + REPORTED_ENTERPRISES.length);
    const disputed = await rows.filter({ hasText: DISPUTED.code }).textContent();
    expect(disputed).toContain('有异议（复核中）');
    expect(disputed).toContain('拟定等级取决于有异议的记录');
    expect(disputed).toContain('98');
    expect(await rows.filter({ hasText: REPORTED_ENTERPRISES[1]!.code }).textContent()).not.toContain('有异议');
    await expectAccessible(page);
    await page.getByRole('button', { name: /报送上报名单/ }).click();
    await page.waitForURL(/done=sent/);
    expect(await page.getByRole('status').textContent()).toBe('上报名单已报送。');
    expect(await page.getByText('已报送', { exact: true }).count()).toBe(1);
    // Sent: nothing to prepare or send any more.
    expect(await page.getByRole('button', { name: '生成上报名单' }).count()).toBe(0);
  });

  it('the region sees each league’s report and samples Ordos with a recorded seed, drawing the same again', async () => {
    const page = await signedIn('region');
    await page.goto(`${rt.url}/console/reports/2025/enterprise`);
    const overview = page.getByRole('table', { name: '各盟市上报情况' });
    const ordos = await overview.getByRole('row').filter({ hasText: '鄂尔多斯市' }).textContent();
    expect(ordos).toContain('已报送（第1版）');
    expect(ordos).toContain('2026年4月20日');
    await expectAccessible(page);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: '导出 Excel' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('2025年度企事业单位各盟市上报名单.xlsx');
    await overview.getByRole('link', { name: '鄂尔多斯市' }).click();
    await page.getByLabel('抽查比例（%）').fill('50');
    await page.getByLabel('随机种子（留空由系统生成）').fill('4242');
    await page.getByRole('button', { name: '抽样' }).click();
    await page.waitForURL(/done=sampled/);
    const first = await drawnText(page);
    drawn = REPORTED_ENTERPRISES.map((e) => e.code).filter((c) => first.includes(c));
    expect(drawn).toHaveLength(2);
    await page.getByRole('button', { name: '重新抽样' }).click();
    await page.waitForURL(/done=sampled/);
    expect(await drawnText(page)).toBe(first);
    await expectAccessible(page);
  });

  it('the region agrees to one entry and returns the other with reasons', async () => {
    const page = await signedIn('region');
    await page.goto(`${rt.url}${LEAGUE_PAGE}`);
    const agree = page.getByRole('form', { name: `抽查意见：${drawn[0]}` });
    await agree.getByLabel('同意', { exact: true }).check();
    await agree.getByRole('button', { name: '记录抽查意见' }).click();
    await page.waitForURL(/done=finding/);
    const ret = page.getByRole('form', { name: `抽查意见：${drawn[1]}` });
    await ret.getByLabel('退回', { exact: true }).check();
    await ret.getByRole('button', { name: '记录抽查意见' }).click();
    // Returned without reasons: refused, naming the field.
    expect(await page.getByRole('alert').textContent()).toContain('理由：退回须写明理由');
    const again = page.getByRole('form', { name: `抽查意见：${drawn[1]}` });
    await again.getByLabel('退回', { exact: true }).check();
    await again.getByLabel('理由（退回时必填）').fill('督办记录的日期与文件不符');
    await again.getByRole('button', { name: '记录抽查意见' }).click();
    await page.waitForURL(/done=finding/);
    await page.goto(`${rt.url}/console/reports/2025/enterprise`);
    expect(await page.getByText(/鄂尔多斯市生态环境局：1条退回记录尚未重新上报/).count()).toBe(1);
  });

  it('the league sees the returned entry with its reasons, prepares a new version and reports it again', async () => {
    const page = await signedIn('league');
    await page.goto(`${rt.url}${LEAGUE_PAGE}`);
    expect(await page.getByRole('alert').textContent()).toContain(`${drawn[1]}：督办记录的日期与文件不符`);
    await expectAccessible(page);
    await page.getByRole('button', { name: '生成上报名单' }).click();
    await page.waitForURL(/done=prepared/);
    expect(await page.getByText('第2版（共2版）').count()).toBe(1);
    await page.getByRole('button', { name: '重新上报' }).click();
    await page.waitForURL(/done=sent/);
    expect(await page.getByRole('alert').count()).toBe(0);
  });

  it('the region agrees to the re-reported entry and releases (质量抽查完毕)', async () => {
    const page = await signedIn('region');
    await page.goto(`${rt.url}${LEAGUE_PAGE}`);
    const form = page.getByRole('form', { name: `抽查意见：${drawn[1]}` });
    await form.getByLabel('同意', { exact: true }).check();
    await form.getByRole('button', { name: '记录抽查意见' }).click();
    await page.waitForURL(/done=finding/);
    await page.goto(`${rt.url}/console/reports/2025/enterprise`);
    await page.getByRole('link', { name: '评价周期' }).click();
    await page.getByRole('button', { name: '质量抽查完毕' }).click();
    await page.waitForURL(/recorded=regionReleased/);
    expect(await page.getByRole('status').textContent()).toContain('质量抽查完毕');
  });

  it('the report downloads as an Excel workbook', async () => {
    const page = await signedIn('league');
    await page.goto(`${rt.url}${LEAGUE_PAGE}`);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: '导出 Excel' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/上报名单.*第2版\.xlsx$/);
  });
});
