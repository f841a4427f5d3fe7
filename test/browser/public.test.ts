import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SubjectRef } from '../../functions/ports/store.ts';
import { PublishResults } from '../../functions/publication/publishResults.ts';
import type { LocalRuntime } from '../../infra/local/runtime.ts';
import { expectAccessible, launchBrowser, type TestBrowser } from '../support/browser.ts';
import { agency, enterprise, practitioner, record, residentId, uscc } from '../support/builders.ts';
import { startFrozenRuntime } from '../support/runtime.ts';
import { deliverRecord, registerProfile } from '../support/store.ts';

/**
 * The public site (Art 20: results are published; Art 18(6), 35: practitioners never): a member of
 * the public searches by name, opens a result, reads the published list and downloads it.
 */
const CLEAN = { kind: 'enterprise' as const, id: uscc(11, '150600') }; // 鄂尔多斯, two deductions, one repaired: B
const QUIET = { kind: 'enterprise' as const, id: uscc(12, '150600') }; // 鄂尔多斯, no records: A
const STEEL = { kind: 'enterprise' as const, id: uscc(13, '150200') }; // 包头, direct D (Art 14(2))
const LAB = { kind: 'agency' as const, id: uscc(14, '150200') }; // 包头, no records: A
const PERSON = { kind: 'practitioner' as const, id: residentId(15) };

describe('the public results site', () => {
  let rt: LocalRuntime;
  let b: TestBrowser;
  beforeAll(async () => {
    rt = await startFrozenRuntime('2026-11-20T02:00:00Z');
    b = await launchBrowser();
    const at = '2025-01-02T00:00:00Z';
    const s = rt.store;
    await registerProfile(s, enterprise({ id: CLEAN.id, name: '鄂尔多斯市清源化工有限公司', league: '150600' }), at);
    const sites = [
      { siteId: `${QUIET.id}001P`, outputShare: 0.7 },
      { siteId: `${QUIET.id}002P`, outputShare: 0.3 },
    ];
    await registerProfile(
      s,
      enterprise({ id: QUIET.id, name: '鄂尔多斯市洁能热电有限公司', league: '150600', sites }),
      at,
    );
    await registerProfile(s, enterprise({ id: STEEL.id, name: '包头市清源钢铁有限公司', league: '150200' }), at);
    await registerProfile(s, agency({ id: LAB.id, name: '包头市清源环境监测有限公司', league: '150200' }), at);
    await registerProfile(s, practitioner(15, { employer: LAB }), at);
    const ordos = { league: '150600', department: '150600-EEB' };
    const deliveries: [SubjectRef, ReturnType<typeof record>][] = [
      [
        CLEAN,
        record({ eventId: 'PUB-1', subject: CLEAN, rule: 'PMT_SELF_MONITORING', occurredOn: '2025-04-01', ...ordos }),
      ],
      [
        CLEAN,
        record({ eventId: 'PUB-2', subject: CLEAN, rule: 'PMT_SELF_MONITORING', occurredOn: '2025-05-01', ...ordos }),
      ],
      [
        CLEAN,
        record({
          eventId: 'PUB-3',
          subject: CLEAN,
          rule: 'PMT_SELF_MONITORING',
          occurredOn: '2025-06-01',
          rectifiedOn: '2025-07-01',
          repairedOn: '2026-03-02',
          ...ordos,
        }),
      ],
      [
        STEEL,
        record({
          eventId: 'PUB-4',
          subject: STEEL,
          rule: 'SR_EVASION_UNCOMPLIED',
          occurredOn: '2025-05-01',
          rectifiedOn: '2025-08-01',
          league: '150200',
          department: '150200-EEB',
        }),
      ],
      [
        PERSON,
        record({ eventId: 'PUB-5', subject: PERSON, rule: 'PR_FRAUD_IN_SERVICE', occurredOn: '2025-05-01', ...ordos }),
      ],
    ];
    for (const [subject, r] of deliveries) expect(await deliverRecord(s, subject, r, at)).toBe(true);
    const publish = new PublishResults(s);
    expect(
      await publish.execute({
        type: 'publish',
        kind: 'enterprise',
        year: 2024,
        publishedOn: '2025-06-27',
        subjects: [CLEAN],
      }),
    ).toBe(1);
    expect(
      await publish.execute({
        type: 'publish',
        kind: 'enterprise',
        year: 2025,
        publishedOn: '2026-06-26',
        subjects: [CLEAN, QUIET, STEEL],
      }),
    ).toBe(3);
    expect(
      await publish.execute({
        type: 'publish',
        kind: 'agency',
        year: 2025,
        publishedOn: '2026-06-26',
        subjects: [LAB],
      }),
    ).toBe(1);
  });
  afterAll(async () => {
    await b?.close();
    await rt?.stop();
  });

  it('shows the latest published grades by kind and by league on the home page', async () => {
    const { page } = await b.page();
    await page.goto(`${rt.url}/`);
    expect(await page.getByRole('img', { name: /最新发布年度各类评价对象的等级分布/ }).count()).toBe(1);
    const byLeague = page.getByRole('img', { name: /2025年度企事业单位各盟市等级分布/ });
    expect(await byLeague.locator('desc').textContent()).toContain('鄂尔多斯市：A 1 家，B 1 家，C 0 家，D 0 家');
    expect(await byLeague.locator('desc').textContent()).toContain('包头市：A 0 家，B 0 家，C 0 家，D 1 家');
    await expectAccessible(page);
  });

  it('finds subjects by a part of their name and opens a published result with its reasons', async () => {
    const { page } = await b.page();
    await page.goto(`${rt.url}/`);
    await page.getByRole('searchbox', { name: '企业或机构名称、统一社会信用代码' }).fill('清源');
    await page.getByRole('button', { name: '查询' }).click();
    await page.waitForURL(/\/search\?/);
    const table = page.getByRole('table', { name: /名称含“清源”/ });
    expect(await table.getByRole('link').allTextContents()).toEqual([
      '包头市清源钢铁有限公司',
      '鄂尔多斯市清源化工有限公司',
      '包头市清源环境监测有限公司',
    ]);
    expect(await table.getByText('第三方服务机构').count()).toBe(1);
    await expectAccessible(page);

    await table.getByRole('link', { name: '鄂尔多斯市清源化工有限公司' }).click();
    await page.waitForURL(/\/results\/enterprise\//);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('鄂尔多斯市清源化工有限公司');
    const summary = page.getByRole('region', { name: '评价结果' });
    expect(await summary.getByText('环保良好单位').count()).toBe(1);
    expect(await summary.getByText('94', { exact: true }).count()).toBe(1);
    expect(await summary.getByText('2025年度').count()).toBe(1);
    expect(await summary.getByText('2026年6月26日').count()).toBe(1);
    const reasons = page.getByRole('table', { name: '评价依据的环境信用信息' });
    expect(await reasons.getByText('未按照排污许可证要求进行自行监测').count()).toBe(3);
    expect(await reasons.getByText('已信用修复（2026年3月2日），不计分').count()).toBe(1);
    expect(
      await page
        .getByRole('img', { name: /历年评价得分和等级/ })
        .locator('desc')
        .textContent(),
    ).toBe('2024年：100分 A；2025年：94分 B');
    expect(await page.getByRole('heading', { name: '信用承诺书' }).count()).toBe(1);
    await expectAccessible(page);

    await page.getByRole('link', { name: '2024年度' }).click();
    await page.waitForURL(/year=2024/);
    expect(await summary.getByText('环保诚信单位').count()).toBe(1);
  });

  it('goes straight to a subject from its code', async () => {
    const { page } = await b.page();
    await page.goto(`${rt.url}/search?q=${STEEL.id.toLowerCase()}`);
    expect(page.url()).toBe(`${rt.url}/results/enterprise/${STEEL.id}`);
    expect(await page.getByRole('region', { name: '评价结果' }).getByText('环保不良单位').count()).toBe(1);
  });

  it('shows each site’s score and grade of a multi-site enterprise, but not its output shares', async () => {
    const { page } = await b.page();
    await page.goto(`${rt.url}/search?q=${QUIET.id}`);
    const sitesTable = page.getByRole('table', { name: '各厂址的评价得分和等级' });
    expect(await sitesTable.getByRole('row').count()).toBe(3);
    expect(await sitesTable.getByText(`${QUIET.id}002P`).count()).toBe(1);
    expect(await page.getByText(/0\.7|70%|产值|占比/).count()).toBe(0);
    await expectAccessible(page);
  });

  it('lists a year, filters it by league and grade, and downloads the same list as Excel', async () => {
    const { page } = await b.page();
    await page.goto(`${rt.url}/lists`);
    await expectAccessible(page);
    await page.getByRole('link', { name: '2025年度企事业单位环保信用评价结果' }).click();
    await page.waitForURL(/\/lists\/2025\/enterprise$/);
    expect(await page.getByRole('table').getByRole('row').count()).toBe(4);
    await expectAccessible(page);

    await page.getByLabel('盟市').selectOption('150600');
    await page.getByRole('button', { name: '筛选' }).click();
    await page.waitForURL(/league=150600/);
    const rows = page.getByRole('table').getByRole('link');
    // By league, then grade: the A before the B.
    expect(await rows.allTextContents()).toEqual(['鄂尔多斯市洁能热电有限公司', '鄂尔多斯市清源化工有限公司']);
    await expectAccessible(page);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: '导出 Excel' }).click(),
    ]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(await download.path());
    const sheet = book.worksheets[0]!;
    expect((sheet.getRow(2).values as unknown[]).slice(1)).toEqual([
      '统一社会信用代码',
      '名称',
      '盟市',
      '评价年度',
      '评价得分',
      '评价等级',
      '等级名称',
      '发布日期',
    ]);
    expect(sheet.rowCount).toBe(4);
    const codes = [3, 4].map((r) => sheet.getRow(r).getCell(1).value);
    expect(codes.sort()).toEqual([CLEAN.id, QUIET.id].sort());

    await page.goto(`${rt.url}/lists/2025/enterprise?league=150600&grade=A`);
    expect(await page.getByRole('table').getByRole('link').allTextContents()).toEqual(['鄂尔多斯市洁能热电有限公司']);
    await page.goto(`${rt.url}/lists/2025/enterprise?grade=D`);
    expect(await page.getByRole('table').getByRole('link').allTextContents()).toEqual(['包头市清源钢铁有限公司']);
  });

  it('never finds a practitioner: not by resident identity number, not by address', async () => {
    const { page } = await b.page();
    await page.goto(`${rt.url}/`);
    await page.getByRole('searchbox', { name: '企业或机构名称、统一社会信用代码' }).fill(PERSON.id);
    await page.getByRole('button', { name: '查询' }).click();
    await page.waitForURL(/\/search\?/);
    expect(await page.getByText(/未找到/).count()).toBe(1);
    await expectAccessible(page);
    const res = await page.goto(`${rt.url}/results/practitioner/${PERSON.id}`);
    expect(res?.status()).toBe(404);
    await expectAccessible(page);
    for (const path of [`/lists/2025/practitioner`, `/exports/lists/2025/practitioner`])
      expect((await fetch(`${rt.url}${path}`)).status).toBe(404);
  });

  it('answers a bad query parameter with 400 naming the field, never 500', async () => {
    const { page } = await b.page();
    const cases: [string, string][] = [
      ['/lists/20x5/enterprise', '评价年度（year）'],
      ['/lists/2025/enterprise?league=159999', '盟市（league）'],
      ['/lists/2025/enterprise?grade=E', '评价等级（grade）'],
      ['/lists/2025/enterprise?cursor=broken!', '分页位置（cursor）'],
      ['/lists/2025/enterprise?cursor=eyJQSyI6MX0', '分页位置（cursor）'],
      ['/exports/lists/2025/enterprise?league=x', '盟市（league）'],
      [`/results/enterprise/${CLEAN.id}?year=25`, '评价年度（year）'],
      ['/search?q=', '名称或代码（q）'],
      [`/search?q=${'清'.repeat(101)}`, '名称或代码（q）'],
      ['/search?q=清源&cursor=zz', '分页位置（cursor）'],
    ];
    for (const [path, field] of cases) {
      const res = await page.goto(`${rt.url}${path}`);
      expect(res?.status(), path).toBe(400);
      expect(await page.getByRole('alert').textContent(), path).toContain(field);
    }
    await expectAccessible(page);
  });
});
