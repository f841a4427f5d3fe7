import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ruleByCode } from '../../domain/catalogue/catalogue.ts';
import { documentClient } from '../../functions/adapters/dynamoDocument.ts';
import { DynamoNotices } from '../../functions/adapters/dynamoNotices.ts';
import type { LocalRuntime } from '../../infra/local/runtime.ts';
import { devSignIn, expectAccessible, launchBrowser, type TestBrowser } from '../support/browser.ts';
import {
  AGENCY_NAME,
  OBJECTING_AGENCY,
  ORDOS,
  PDF,
  RECORD_A,
  RECORD_B,
  seedConfirmation,
} from '../support/objections.ts';
import { getScore, staffToken, startTestRuntime } from '../support/runtime.ts';

/** Confirmation and objections (Art 17(3)): an agency objects, the league reviews, the score and the notice follow. */
let rt: LocalRuntime;
let b: TestBrowser;

beforeAll(async () => {
  rt = await startTestRuntime();
  await seedConfirmation(rt);
  b = await launchBrowser();
}, 120_000);
afterAll(async () => {
  await b?.close();
  await rt?.stop();
});

const score = async () => {
  const token = await staffToken({ role: 'league', league: ORDOS });
  const r = await getScore(rt, 'agency', OBJECTING_AGENCY, { token, query: 'year=2025' });
  return r.json as { score: number; items: { eventId: string; state: string }[] };
};

describe('objections to the confirmation notice and their review (Art 17(3))', () => {
  let objectionId = '';

  it('an agency sees its records with points and its pre-grade, and objects to one record with reasons and a PDF', async () => {
    expect((await score()).score).toBe(80);
    const { page } = await b.page();
    await devSignIn(page, rt.url, { role: 'agency', subject: OBJECTING_AGENCY });
    await page.goto(`${rt.url}/portal/confirmation`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('确认环境信息和预评结果');
    const records = page.getByRole('table', { name: '2025年度环境信息（信用信息）明细' });
    expect(await records.getByRole('row').filter({ hasText: RECORD_A }).textContent()).toContain(
      ruleByCode('AG_NOTIFIED')!.wording,
    );
    expect(await page.getByText(/2026年4月\d+日前（含当日）可以提出异议/).count()).toBe(1);
    await expectAccessible(page);
    await page
      .getByLabel('证明材料文件（PDF 文件，不超过 10 MB）')
      .setInputFiles({ name: '说明.pdf', mimeType: 'application/pdf', buffer: PDF });
    await page.getByRole('button', { name: '上传' }).click();
    expect(await page.getByText('证明材料 1').count()).toBe(1);
    await page.getByLabel(new RegExp(`${RECORD_A}`)).check();
    await page.getByLabel('异议理由').fill('该通报已被上级部门撤回，附撤回文件。');
    await page.getByRole('button', { name: '提出异议' }).click();
    const status = await page.getByRole('status').textContent();
    objectionId = /异议编号 (\S+?)）/.exec(status ?? '')?.[1] ?? '';
    expect(objectionId).toMatch(/^agency-/);
    const row = page
      .getByRole('table', { name: '2025年度环境信息（信用信息）明细' })
      .getByRole('row')
      .filter({ hasText: RECORD_A });
    expect(await row.textContent()).toContain('有异议（复核中）');
    expect(
      await page
        .getByRole('table', { name: '2025年度环境信息（信用信息）明细' })
        .getByRole('row')
        .filter({ hasText: RECORD_B })
        .textContent(),
    ).not.toContain('有异议');
    expect(await page.getByText('拟定等级取决于有异议的记录').count()).toBe(1);
    await expectAccessible(page);
  });

  it('the record shows as disputed on the console, and the objection is listed with its review limit', async () => {
    const { page } = await b.page();
    await devSignIn(page, rt.url, { role: 'league', league: ORDOS });
    await page.goto(`${rt.url}/console/subjects/agency/${OBJECTING_AGENCY}?year=2025`);
    expect(await page.getByText(`（${RECORD_A}）：有异议（复核中）`).count()).toBe(1);
    expect(await page.getByText('拟定等级取决于有异议的记录。').count()).toBe(1);
    await page.goto(`${rt.url}/console/objections`);
    const row = page.getByRole('table', { name: '异议及复核情况' }).getByRole('row').filter({ hasText: objectionId });
    expect(await row.textContent()).toContain(AGENCY_NAME);
    expect(await row.textContent()).toMatch(/还剩 \d+ 个工作日/);
    await expectAccessible(page);
    // The officer opens the uploaded PDF from the objection's page: the same bytes, as an attachment.
    await page.goto(`${rt.url}/console/objections/${encodeURIComponent(objectionId)}`);
    const href = await page.getByRole('link', { name: '查看证明材料 1' }).getAttribute('href');
    const file = await page.request.get(`${rt.url}${href}`);
    expect(file.headers()['content-disposition']).toMatch(/^attachment; /);
    expect(Buffer.from(await file.body()).equals(PDF)).toBe(true);
    await expectAccessible(page);
    // The subjects list marks the subject under an open objection.
    await page.goto(`${rt.url}/console/subjects?q=${encodeURIComponent(AGENCY_NAME)}`);
    const listed = page
      .getByRole('table', { name: /^评价对象/ })
      .getByRole('row')
      .filter({ hasText: AGENCY_NAME });
    expect(await listed.getByText('有异议', { exact: true }).count()).toBe(1);
    await expectAccessible(page);
  });

  it('the league revokes the record with reasons; after the worker the score no longer counts it and the notice is issued', async () => {
    const { page } = await b.page();
    await devSignIn(page, rt.url, { role: 'league', league: ORDOS });
    await page.goto(`${rt.url}/console/objections/${objectionId}`);
    await expectAccessible(page);
    page.on('dialog', (d) => void d.accept());
    await page.getByLabel('撤销').check();
    await page.getByLabel('复核理由').fill('经核实，该通报已撤回，撤销该信用信息。');
    await page.getByRole('button', { name: '提交复核结论' }).click();
    expect(await page.getByRole('status').textContent()).toContain('复核结果已保存');
    await rt.drain();
    const after = await score();
    expect(after.score).toBe(90);
    expect(after.items.find((i) => i.eventId === RECORD_A)?.state).toBe('revoked');
    const notices = new DynamoNotices(documentClient(rt.dynamo), rt.tableName);
    const notice = await notices.notice({ kind: 'agency', id: OBJECTING_AGENCY }, `objection-${objectionId}`);
    expect(notice?.kind).toBe('objectionReview');
    expect(notice?.body).toContain('撤销。理由：经核实，该通报已撤回');
  });

  it('the agency sees the outcome of its objection, and the record no longer as disputed', async () => {
    const { page } = await b.page();
    await devSignIn(page, rt.url, { role: 'agency', subject: OBJECTING_AGENCY });
    await page.goto(`${rt.url}/portal/confirmation`);
    const outcome = page.getByRole('table', { name: '复核结果' });
    expect(await outcome.getByRole('row').filter({ hasText: RECORD_A }).textContent()).toContain('撤销');
    expect(await page.getByText('有异议（复核中）').count()).toBe(0);
    await expectAccessible(page);
    await page.goto(`${rt.url}/portal/notices/objection-${objectionId}`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('环保信用评价异议复核结果通知书');
    expect(await page.getByRole('article').textContent()).toContain('撤销。理由：经核实，该通报已撤回');
    await expectAccessible(page);
  });

  it('the league verifies a record on the subject page (谁产生、谁补充、谁核实); supplementing waits for its stage; the list exports', async () => {
    const { page } = await b.page();
    await devSignIn(page, rt.url, { role: 'league', league: ORDOS });
    await page.goto(`${rt.url}/console/subjects/agency/${OBJECTING_AGENCY}?year=2025`);
    const provenance = page.getByRole('table', { name: '信息来源与核实（谁产生、谁补充、谁核实）' });
    expect(await provenance.getByRole('row').filter({ hasText: RECORD_B }).textContent()).toContain('150600-EEB');
    await provenance.getByRole('button', { name: `核实 ${RECORD_B}` }).click();
    expect(
      await page
        .getByRole('table', { name: '信息来源与核实（谁产生、谁补充、谁核实）' })
        .getByRole('row')
        .filter({ hasText: RECORD_B })
        .textContent(),
    ).toContain('已核实');
    await expectAccessible(page);
    await page.goto(`${rt.url}/console/supplement`);
    await expectAccessible(page);
    await page.getByLabel('代码（统一社会信用代码或公民身份号码）').fill(OBJECTING_AGENCY);
    await page.getByLabel('评价指标代码').fill('AG_OBSTRUCTION');
    await page.getByLabel('发生日期').fill('2025-09-01');
    await page.getByLabel('信息产生部门').fill('鄂尔多斯市市场监督管理局');
    await page.getByRole('button', { name: '补充信用信息' }).click();
    expect(await page.content()).toContain('当前不在“补充、归集、核实信息”阶段');
    const xlsx = await page.request.get(`${rt.url}/exports/console/objections`);
    expect(xlsx.status()).toBe(200);
    expect(xlsx.headers()['content-type']).toContain('spreadsheetml');
  });
});
