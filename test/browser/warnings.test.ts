import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../infra/local/runtime.ts';
import { devSignIn, expectAccessible, launchBrowser, type TestBrowser } from '../support/browser.ts';
import { uscc } from '../support/builders.ts';
import { getScore, postWebhook, putSubject, staffToken, startTestRuntime } from '../support/runtime.ts';

/** Credit warnings (Art 21-22, I8): issued on the console, reported in the portal, confirmed or left to expire. */
const ORDOS = '150600';
const RECTIFIER = uscc(921, ORDOS);
const LATE = uscc(922, ORDOS);
const PDF = Buffer.concat([
  Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n'),
  Buffer.alloc(2048, 0x20),
  Buffer.from('%%EOF\n'),
]);

let rt: LocalRuntime;
let b: TestBrowser;
let league: string;

beforeAll(async () => {
  rt = await startTestRuntime();
  rt.clock.freeze(new Date('2026-09-01T02:00:00Z'));
  const region = await staffToken({ role: 'region' });
  league = await staffToken({ role: 'league', league: ORDOS });
  await putSubject(rt, 'enterprise', RECTIFIER, { name: '鄂尔多斯市整改示范有限公司', league: ORDOS }, region);
  await putSubject(rt, 'enterprise', LATE, { name: '鄂尔多斯市逾期未改有限公司', league: ORDOS }, region);
  // A warning issued through an enforcement platform's webhook, for the list beside the bureau's own.
  await postWebhook(rt, {
    type: 'record.created',
    record: {
      eventId: 'PLATFORM-WARN-1',
      subject: { kind: 'enterprise', id: LATE },
      rule: 'PMT_LEDGER',
      occurredOn: '2026-08-10',
      department: '150600-EEB',
      league: ORDOS,
      warning: { issuedOn: '2026-08-12', deadline: '2026-10-30' },
    },
  });
  await rt.drain();
  b = await launchBrowser();
});
afterAll(async () => {
  await b?.close();
  await rt?.stop();
});

const issue = async (subject: string, occurredOn: string, deadline: string): Promise<string> => {
  const { page } = await b.page();
  page.on('dialog', (d) => void d.accept());
  await devSignIn(page, rt.url, { role: 'league', league: ORDOS });
  await page.goto(`${rt.url}/console/warnings/new`);
  await expectAccessible(page);
  await page.getByLabel('单位类型').selectOption('enterprise');
  await page.getByLabel('统一社会信用代码').fill(subject);
  await page.getByLabel('失信行为（评价指标）').selectOption('PMT_SELF_MONITORING');
  await page.getByLabel('发现（发生）日期').fill(occurredOn);
  await page.getByLabel('发现的问题').fill('现场检查发现2026年第二季度自行监测数据缺失。');
  await page.getByLabel('整改要求').fill('补齐自行监测方案并按季度开展监测，上传监测报告。');
  await page.getByLabel('整改期限（不早于今天）').fill(deadline);
  await page.getByRole('button', { name: '下达信用预警' }).click();
  await page.waitForLoadState('load');
  expect(await page.getByRole('status').textContent()).toContain('信用预警已下达');
  await expectAccessible(page);
  const eventId = decodeURIComponent(new URL(page.url()).pathname.split('/').at(-1)!);
  expect(eventId).toMatch(/^WARN-150600-20260901-[0-9a-f]{12}$/);
  return eventId;
};

const score = async (id: string) =>
  (await getScore(rt, 'enterprise', id, { token: league })).json as Record<string, any>;

describe('credit warnings issued by a league bureau', () => {
  it('spares the deduction when the unit reports in time and the bureau confirms (Art 22)', async () => {
    const eventId = await issue(RECTIFIER, '2026-08-20', '2026-09-15');
    await rt.drain();
    const before = await score(RECTIFIER);
    expect(before.pending.map((p: { eventId: string }) => p.eventId)).toContain(eventId);
    expect(before.score).toBe(100);

    // The unit sees the warning and what to do, and reports with a PDF.
    const { page } = await b.page();
    page.on('dialog', (d) => void d.accept());
    await devSignIn(page, rt.url, { role: 'enterprise', subject: RECTIFIER });
    await page.goto(`${rt.url}/portal/warnings`);
    const row = page
      .getByRole('table', { name: '我的信用预警（共 1 件）' })
      .getByRole('row')
      .filter({ hasText: '未按照排污许可证要求进行自行监测' });
    expect(await row.textContent()).toContain('2026年9月15日');
    expect(await row.textContent()).toContain('请在整改期限内完成整改');
    await expectAccessible(page);
    await row.getByRole('link', { name: `报告整改 ${eventId}` }).click();
    expect(await page.getByText('补齐自行监测方案并按季度开展监测').count()).toBe(1);
    await expectAccessible(page);
    await page
      .getByLabel('证明材料文件（PDF 文件，不超过 10 MB）')
      .setInputFiles({ name: '监测报告.pdf', mimeType: 'application/pdf', buffer: PDF });
    await page.getByRole('button', { name: '上传' }).click();
    await page.waitForLoadState('load');
    expect(await page.getByText('证明材料 1：PDF 文件').count()).toBe(1);
    await page.getByLabel(/^整改完成日期/).fill('2026-09-01');
    await page.getByLabel('整改情况', { exact: true }).fill('已补齐监测方案，第三季度监测报告见附件。');
    await page.getByRole('button', { name: '提交整改报告' }).click();
    await page.waitForLoadState('load');
    expect(await page.getByRole('status').textContent()).toContain('整改情况已报告');
    await expectAccessible(page);

    // The written notice was issued to the unit, in Chinese, with the rectification required and the deadline.
    await page.goto(`${rt.url}/portal/notices/warning-${eventId}`);
    const text = await page.locator('main').textContent();
    expect(text).toContain('环保信用预警通知书');
    expect(text).toContain('请你单位于2026年9月15日前（含当日）完成有效整改');
    expect(text).toContain('补齐自行监测方案并按季度开展监测');

    // The league confirms: reported ones come first in its list.
    const { page: officer } = await b.page();
    officer.on('dialog', (d) => void d.accept());
    await devSignIn(officer, rt.url, { role: 'league', league: ORDOS });
    await officer.goto(`${rt.url}/console/warnings`);
    const first = officer.getByRole('table').getByRole('row').nth(1);
    expect(await first.textContent()).toContain('已报告整改，待确认');
    expect(await officer.getByRole('row').filter({ hasText: '执法平台报送' }).count()).toBe(1);
    await expectAccessible(officer);
    await first.getByRole('link').click();
    expect(await officer.getByText('证明材料 1：PDF 文件').count()).toBe(1);
    await expectAccessible(officer);
    await officer.getByRole('button', { name: '确认整改' }).click();
    await officer.waitForLoadState('load');
    expect(await officer.getByRole('status').textContent()).toContain('不予扣分');
    await rt.drain();

    const after = await score(RECTIFIER);
    expect(after.pending.map((p: { eventId: string }) => p.eventId)).not.toContain(eventId);
    expect(after.score).toBe(100);
    const item = after.items.find((i: { eventId: string }) => i.eventId === eventId);
    expect(item === undefined || item.state !== 'counted').toBe(true);
  });

  it('counts the points from the occurrence date once the deadline passes unconfirmed (I8)', async () => {
    const eventId = await issue(LATE, '2026-08-25', '2026-09-10');
    await rt.drain();
    expect((await score(LATE)).score).toBe(100);

    rt.clock.freeze(new Date('2026-09-11T02:00:00Z'));
    const after = await score(LATE);
    const item = after.items.find((i: { eventId: string }) => i.eventId === eventId);
    expect(item).toMatchObject({ state: 'counted', points: -3, occurredOn: '2026-08-25' });
    expect(after.score).toBe(97);
    expect(after.pending.map((p: { eventId: string }) => p.eventId)).not.toContain(eventId);

    const { page } = await b.page();
    await devSignIn(page, rt.url, { role: 'league', league: ORDOS });
    await page.goto(`${rt.url}/console/warnings/${eventId}`);
    expect(await page.getByText('已逾期').count()).toBeGreaterThan(0);
    expect(await page.getByRole('button', { name: '确认整改' }).count()).toBe(0);
    await expectAccessible(page);

    const { page: unit } = await b.page();
    await devSignIn(unit, rt.url, { role: 'enterprise', subject: LATE });
    await unit.goto(`${rt.url}/portal/warnings/${eventId}`);
    expect(await unit.getByText('整改期限已过且未经确认').count()).toBe(1);
    expect(await unit.getByRole('button', { name: '提交整改报告' }).count()).toBe(0);
    await expectAccessible(unit);
  });
});
