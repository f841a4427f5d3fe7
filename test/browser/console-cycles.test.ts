import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../infra/local/runtime.ts';
import { devSignIn, expectAccessible, launchBrowser, type TestBrowser } from '../support/browser.ts';
import { record, uscc } from '../support/builders.ts';
import { callApi, postWebhook, putSubject, staffToken, startFrozenRuntime } from '../support/runtime.ts';

/** The bureau console's dashboard, cycles, calendars and records set aside, in a real browser. */
const ORDOS = '150600';
const HOHHOT = '150100';
const ENT_ORDOS = uscc(611, ORDOS);
const ENT_HOHHOT = uscc(612, HOHHOT);
const STUCK_ENT = uscc(613, ORDOS);

let rt: LocalRuntime;
let b: TestBrowser;
let region: string;

/** A claim set aside after failing, as ingestion leaves it (docs/ingestion.md "A stuck claim"). */
const seedStuck = async (eventId: string) => {
  const r = record({
    eventId,
    rule: 'PMT_LEDGER',
    subject: { kind: 'enterprise', id: STUCK_ENT, siteId: null },
    league: ORDOS,
    department: `${ORDOS}-EEB`,
  });
  const at = '2026-11-20T01:00:00.000Z';
  const claim = {
    eventId,
    subject: { kind: 'enterprise' as const, id: STUCK_ENT },
    contentHash: 'h',
    occurredOn: r.occurredOn,
    rectifiedOn: null,
    revokedOn: null,
    applied: false,
    source: 'nmg-enforcement',
    claimedAt: at,
  };
  const message = {
    type: 'record.created' as const,
    record: r,
    contentHash: 'h',
    source: 'nmg-enforcement',
    receivedAt: at,
  };
  await rt.store.reserveClaims(`d-${eventId}`, [{ claim, league: ORDOS, message }], at);
  await rt.store.commitDelivery(`d-${eventId}`, at);
  await rt.store.setAside(
    { eventId, entry: 'created' },
    'ConcurrentUpdateError: subject kept changing',
    '2026-11-20T01:30:00.000Z',
  );
};

beforeAll(async () => {
  rt = await startFrozenRuntime('2026-11-20T02:00:00Z');
  b = await launchBrowser();
  region = await staffToken({ role: 'region', league: '150000' });
  await putSubject(rt, 'enterprise', ENT_ORDOS, { name: '鄂尔多斯市测试煤化有限公司', league: ORDOS }, region);
  await putSubject(rt, 'enterprise', ENT_HOHHOT, { name: '呼和浩特市测试乳业有限公司', league: HOHHOT }, region);
  for (const [id, league, eventId] of [
    [ENT_ORDOS, ORDOS, 'CC-1'],
    [ENT_HOHHOT, HOHHOT, 'CC-2'],
  ] as const)
    await postWebhook(rt, {
      type: 'record.created',
      record: {
        eventId,
        subject: { kind: 'enterprise', id },
        rule: 'SUP_CITY',
        occurredOn: '2026-06-01',
        department: `${league}-EEB`,
        league,
      },
    });
  await rt.drain();
  expect((await callApi(rt, 'POST', '/v1/cycles', region, { kind: 'agency', year: 2026 })).status).toBe(201);
  // A cycle of last year, its fixed dates long passed: overdue alerts, and Ordos still to confirm its list.
  expect((await callApi(rt, 'POST', '/v1/cycles', region, { kind: 'practitioner', year: 2025 })).status).toBe(201);
  await seedStuck('STUCK-CC-1');
}, 120_000);
afterAll(async () => {
  await b?.close();
  await rt?.stop();
});

/** Every form that posts carries the CSRF token. */
const expectCsrfOnEveryForm = async (page: Page) => {
  const forms = await page.evaluate(() =>
    [...document.querySelectorAll('form')]
      .filter((f) => f.method.toLowerCase() === 'post')
      .map((f) => (f.querySelector('input[name="_csrf"]') as HTMLInputElement | null)?.value ?? ''),
  );
  expect(forms.length).toBeGreaterThan(0);
  for (const token of forms) expect(token.length).toBeGreaterThan(20);
};

const chartText = (page: Page, name: RegExp) =>
  page
    .getByRole('img', { name })
    .first()
    .evaluate((svg) => svg.querySelector('desc')?.textContent ?? '');

describe('the bureau console: dashboard and cycles', () => {
  it('a league officer sees only its league on the dashboard, with its deadlines and working days left', async () => {
    const { page } = await b.page();
    await devSignIn(page, rt.url, { role: 'league', league: ORDOS });
    await page.goto(`${rt.url}/console`);
    expect(await page.getByRole('heading', { level: 2, name: '2026年度第三方服务机构环保信用评价' }).count()).toBe(1);
    const progress = await chartText(page, /各盟市进度/);
    expect(progress).toContain('鄂尔多斯市：确定参评名单');
    expect(progress).not.toContain('呼和浩特市');
    const grades = await chartText(page, /企事业单位（2026年度实时结果）/);
    expect(grades).toMatch(/^鄂尔多斯市：/);
    expect(grades).not.toContain('呼和浩特市');
    // LISTING must end by 2027-03-31 (Art 17(1)): a deadline with its working days left.
    const upcoming = page.getByRole('table', { name: '2026年度第三方服务机构环保信用评价临近的期限' });
    expect(
      await upcoming
        .getByRole('row', { name: /“确定参评名单”完成期限 鄂尔多斯市 2027年3月31日 还剩 \d+ 个工作日/ })
        .count(),
    ).toBe(1);
    // Begun in November, the legal windows all fit before their fixed dates.
    const agency = page.getByRole('region', { name: '2026年度第三方服务机构环保信用评价' });
    expect(await agency.getByText('按当前进度，各固定日期均可按期完成。').count()).toBe(1);
    // Last year's practitioners: the list was due by 2026-03-31 (Art 18(1)), an overdue alert in working days.
    const lastYear = page.getByRole('region', { name: '2025年度相关从业人员环保信用评价' });
    expect(
      await lastYear
        .getByText(/^鄂尔多斯市：“确定参评名单”应于2026年3月31日前完成（第十八条第（一）项），已逾期 \d+ 个工作日$/)
        .count(),
    ).toBe(1);
    expect(await lastYear.getByText(/呼和浩特市/).count()).toBe(0);
    // Only the region opens cycles.
    expect(await page.getByRole('button', { name: '开启评价周期' }).count()).toBe(0);
    await expectAccessible(page);
  });

  it('a league officer opens the cycle, records acts and sees the stage and the new deadline', async () => {
    const { page } = await b.page();
    await devSignIn(page, rt.url, { role: 'league', league: ORDOS });
    await page.goto(`${rt.url}/console`);
    await page.getByRole('link', { name: '查看并办理2026年度第三方服务机构评价周期' }).click();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('2026年度第三方服务机构环保信用评价周期');
    expect(await page.getByRole('heading', { level: 2, name: '鄂尔多斯市' }).count()).toBe(1);
    expect(await page.getByRole('heading', { level: 2, name: '呼和浩特市' }).count()).toBe(0);
    // No region act is offered to a league bureau.
    expect(await page.getByRole('button', { name: '开始公示' }).count()).toBe(0);
    await expectCsrfOnEveryForm(page);
    await expectAccessible(page);
    const ordos = page.getByRole('region', { name: '鄂尔多斯市' });
    // Beside the button: what the act does and which deadline it starts.
    expect(
      await ordos.getByText(/确定本盟市的参评名单；鄂尔多斯市进入“参评单位填报”阶段；不开始新的期限/).count(),
    ).toBe(1);
    page.on('dialog', (d) => void d.accept());
    await ordos.getByRole('button', { name: '确定参评名单' }).click();
    await page.waitForURL(/recorded=listConfirmed/);
    expect(await page.getByRole('status').textContent()).toContain('已记录“确定参评名单”（鄂尔多斯市）');
    expect(await ordos.getByText('参评单位填报', { exact: true }).count()).toBe(1);
    const note = ordos.getByText(/通知参评单位开始填报；开始计算：“参评单位填报”期间至2026年12月18日（第二十条）/);
    expect(await note.count()).toBe(1);
    await ordos.getByRole('button', { name: '通知参评单位' }).click();
    await page.waitForURL(/recorded=participantsNotified/);
    const deadlines = ordos.getByRole('table', { name: '鄂尔多斯市的期限' });
    expect(
      await deadlines
        .getByRole('row', { name: /“参评单位填报”期间届满 2026年12月18日（还剩 20 个工作日） 计时中 第二十条/ })
        .count(),
    ).toBe(1);
    await expectAccessible(page);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: '导出 Excel' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('2026年度第三方服务机构环保信用评价期限表.xlsx');
  });

  it('refuses a league officer who posts a region act, and changes nothing', async () => {
    const { page } = await b.page();
    await devSignIn(page, rt.url, { role: 'league', league: ORDOS });
    await page.goto(`${rt.url}/console/cycles/2025/practitioner`);
    const token = await page.evaluate(
      () => (document.querySelector('input[name="_csrf"]') as HTMLInputElement | null)?.value ?? '',
    );
    const before = await callApi(rt, 'GET', '/v1/cycles/2025/practitioner', region);
    const res = await page.request.post(`${rt.url}/console/cycles/2025/practitioner/acts`, {
      form: { _csrf: token, act: 'publicityOpened' },
      maxRedirects: 0,
    });
    expect(res.status()).toBe(403);
    expect(await res.text()).toContain('该程序行为不属于您的职责');
    expect((await callApi(rt, 'GET', '/v1/cycles/2025/practitioner', region)).json.version).toBe(before.json.version);
    // Another league's act is refused the same way.
    const other = await page.request.post(`${rt.url}/console/cycles/2025/practitioner/acts`, {
      form: { _csrf: token, act: 'listConfirmed', league: HOHHOT },
      maxRedirects: 0,
    });
    expect(other.status()).toBe(403);
    // The same refusal as a page, from a form whose act was tampered with in the browser.
    await page.evaluate(() => {
      (document.querySelector('form.act input[name="act"]') as HTMLInputElement).value = 'publicityOpened';
    });
    page.on('dialog', (d) => void d.accept());
    await page.getByRole('region', { name: '鄂尔多斯市' }).getByRole('button').first().click();
    await page.waitForLoadState('load');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('无权办理');
    expect(await page.getByText('该程序行为不属于您的职责（《暂行办法》第八条、第十六至十八条）').count()).toBe(1);
    await expectAccessible(page);
  });

  it('answers a bad year or kind with a page naming it, and an unknown cycle with 404', async () => {
    const { page } = await b.page();
    await devSignIn(page, rt.url, { role: 'league', league: ORDOS });
    const badYear = await page.goto(`${rt.url}/console/cycles/20x6/agency`);
    expect(badYear?.status()).toBe(400);
    expect(await page.getByText('年度须为四位数字').count()).toBe(1);
    const badKind = await page.goto(`${rt.url}/console/cycles/2026/company`);
    expect(badKind?.status()).toBe(400);
    expect(await page.getByText(/评价周期类型须为/).count()).toBe(1);
    const absent = await page.goto(`${rt.url}/console/cycles/2031/agency`);
    expect(absent?.status()).toBe(404);
    await expectAccessible(page);
  });

  it('the region opens a cycle from the dashboard and sees every league', async () => {
    const { page } = await b.page();
    await devSignIn(page, rt.url, { role: 'region' });
    await page.goto(`${rt.url}/console`);
    await expectCsrfOnEveryForm(page);
    await expectAccessible(page);
    const grades = await chartText(page, /企事业单位（2026年度实时结果）/);
    expect(grades).toContain('鄂尔多斯市：');
    expect(grades).toContain('呼和浩特市：');
    await page.getByLabel('评价对象类型').selectOption('enterprise');
    await page.getByLabel('评价年度').fill('2026');
    page.on('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: '开启评价周期' }).click();
    await page.waitForURL(/\/console\/cycles\/2026\/enterprise$/);
    expect(await page.getByRole('heading', { level: 2, name: '呼和浩特市' }).count()).toBe(1);
    expect(await page.getByRole('heading', { level: 2, name: '阿拉善盟' }).count()).toBe(1);
    await page.goto(`${rt.url}/console`);
    expect(await page.getByRole('heading', { level: 2, name: '2026年度企事业单位环保信用评价' }).count()).toBe(1);
    // Opened twice: refused with the reason.
    await page.getByLabel('评价对象类型').selectOption('enterprise');
    await page.getByLabel('评价年度').fill('2026');
    await page.getByRole('button', { name: '开启评价周期' }).click();
    expect(await page.getByText('该评价周期已开启').count()).toBe(1);
  });
});

describe('the bureau console: calendars and records set aside', () => {
  it('the region loads a year’s calendar and sees which deadlines it moved', async () => {
    // A limit counted from 2026-12-21 runs into 2027, which has no official calendar yet: provisional.
    rt.clock.freeze(new Date('2026-12-21T02:00:00Z'));
    try {
      expect((await callApi(rt, 'POST', '/v1/cycles', region, { kind: 'practitioner', year: 2026 })).status).toBe(201);
      // Art 18(2): the supplement is due 10 working days after the list, counted into 2027.
      const act = { act: 'listConfirmed', league: HOHHOT };
      expect((await callApi(rt, 'POST', '/v1/cycles/2026/practitioner/acts', region, act)).status).toBe(200);
      const { page } = await b.page();
      await devSignIn(page, rt.url, { role: 'region' });
      await page.goto(`${rt.url}/console/calendars`);
      expect(
        await page
          .getByRole('table', { name: '已采用的国务院节假日安排' })
          .getByText('2026年', { exact: true })
          .count(),
      ).toBe(1);
      await expectCsrfOnEveryForm(page);
      await expectAccessible(page);
      await page.getByLabel('年度').fill('2027');
      await page.getByLabel(/放假日期/).fill('2027-01-01 元旦\n2027-02-10~2027-02-16 春节\nnot a date');
      page.on('dialog', (d) => void d.accept());
      await page.getByRole('button', { name: '载入节假日安排' }).click();
      expect(await page.getByText('放假日期第3行：须为“日期 名称”', { exact: false }).count()).toBe(1);
      await expectAccessible(page);
      await page.getByLabel(/放假日期/).fill('2027-01-01 元旦\n2027-02-10~2027-02-16 春节');
      await page.getByRole('button', { name: '载入节假日安排' }).click();
      expect(await page.getByRole('status').textContent()).toContain('已载入2027年节假日安排');
      const moved = page.getByRole('table', { name: '因载入2027年节假日安排而调整的期限' });
      expect(
        await moved
          .getByRole('row', {
            name: /2026年度相关从业人员 “补充、归集、核实信息”完成期限（呼和浩特市） 2027年1月4日 2027年1月5日/,
          })
          .count(),
      ).toBe(1);
      await expectAccessible(page);
      await page.goto(`${rt.url}/console/calendars`);
      const loaded = page.getByRole('row').filter({ hasText: '已载入' });
      expect((await loaded.getByRole('cell').allTextContents()).slice(1, 4)).toEqual(['已载入', '8', '0']);
      expect(await loaded.getByText('2027年', { exact: true }).count()).toBe(1);
    } finally {
      rt.clock.freeze(new Date('2026-11-20T02:00:00Z'));
    }
  });

  it('a league officer may not load a calendar', async () => {
    const { page } = await b.page();
    await devSignIn(page, rt.url, { role: 'league', league: ORDOS });
    await page.goto(`${rt.url}/console/calendars`);
    expect(await page.getByRole('button', { name: '载入节假日安排' }).count()).toBe(0);
    await expectAccessible(page);
  });

  it('lists a record set aside with its cause, exports it, and re-drives it', async () => {
    const { page } = await b.page();
    await devSignIn(page, rt.url, { role: 'league', league: ORDOS });
    await page.goto(`${rt.url}/console`);
    await page.getByRole('link', { name: '未能入库的记录' }).click();
    const row = page.getByRole('row', { name: /STUCK-CC-1/ });
    expect(await row.getByText('ConcurrentUpdateError: subject kept changing').count()).toBe(1);
    expect(await row.getByText('nmg-enforcement').count()).toBe(1);
    expect(await row.getByText('2026年11月20日 09:30').count()).toBe(1);
    await expectCsrfOnEveryForm(page);
    await expectAccessible(page);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: '导出 Excel' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('未能入库的记录.xlsx');
    page.on('dialog', (d) => void d.accept());
    await row.getByRole('button', { name: '重新入库 STUCK-CC-1' }).click();
    await page.waitForURL(/redriven=STUCK-CC-1/);
    expect(await page.getByRole('status').textContent()).toContain('事件 STUCK-CC-1 已重新入库');
    expect(await page.getByRole('row', { name: /STUCK-CC-1/ }).count()).toBe(0);
    await expectAccessible(page);
  });

  it('another league does not see the record, and cannot re-drive it', async () => {
    await seedStuck('STUCK-CC-2');
    const { page } = await b.page();
    await devSignIn(page, rt.url, { role: 'league', league: HOHHOT });
    await page.goto(`${rt.url}/console/stuck`);
    expect(await page.getByText('没有未能入库的记录。').count()).toBe(1);
    const token = await page.evaluate(
      () => (document.querySelector('input[name="_csrf"]') as HTMLInputElement | null)?.value ?? '',
    );
    const res = await page.request.post(`${rt.url}/console/stuck/STUCK-CC-2/redrive`, {
      form: { _csrf: token },
      maxRedirects: 0,
    });
    expect(res.status()).toBe(404);
    expect((await rt.store.stuckEntries()).map((e) => e.key.eventId)).toContain('STUCK-CC-2');
  });
});
