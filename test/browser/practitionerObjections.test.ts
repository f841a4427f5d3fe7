import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { objectionIdShown } from '../../domain/objections/objection.ts';
import { maskResidentId } from '../../domain/participants/practitionerFiling.ts';
import { documentClient } from '../../functions/adapters/dynamoDocument.ts';
import { DynamoNotices } from '../../functions/adapters/dynamoNotices.ts';
import type { LocalRuntime } from '../../infra/local/runtime.ts';
import { devSignIn, expectAccessible, launchBrowser, type TestBrowser } from '../support/browser.ts';
import { ORDOS, PDF } from '../support/objections.ts';
import {
  EMPLOYER,
  OTHER_UNIT,
  P_RECORD_A,
  P_RECORD_B,
  PERSON,
  seedPractitionerConfirmation,
} from '../support/practitionerObjections.ts';
import { getScore, staffToken, startTestRuntime } from '../support/runtime.ts';

/**
 * Art 18(1), 18(4): a practitioner has no account; the unit that filed it, once listed, receives its
 * confirmation notice, objects for it, and receives the review's result. No other unit does.
 */
let rt: LocalRuntime;
let b: TestBrowser;

beforeAll(async () => {
  rt = await startTestRuntime();
  await seedPractitionerConfirmation(rt);
  b = await launchBrowser();
}, 120_000);
afterAll(async () => {
  await b?.close();
  await rt?.stop();
});

const practitionerResult = async () => {
  const token = await staffToken({ role: 'league', league: ORDOS });
  const r = await getScore(rt, 'practitioner', PERSON.residentId, { token, query: 'year=2025' });
  return r.json as { dishonest: boolean | null; items: { eventId: string; state: string }[] };
};

const CONFIRMATION_TITLE = '确认从业人员环境信息和预评结果';
const RECORDS = '2025年度环境信息（信用信息）明细';

describe('a practitioner’s confirmation and objection, made by its employer (Art 18(4))', () => {
  let objectionId = '';

  it('the employer sees its practitioner’s confirmation notice beside its own, labelled and masked; opening it marks it read', async () => {
    const { page } = await b.page();
    await devSignIn(page, rt.url, { role: 'agency', subject: EMPLOYER });
    await page.goto(`${rt.url}/portal/notices`);
    const row = page
      .getByRole('table', { name: /^通知/ })
      .getByRole('row')
      .filter({ hasText: `从业人员：${PERSON.name}` });
    expect(await row.count()).toBe(1);
    expect(await row.textContent()).toContain('信息确认通知');
    expect(await row.textContent()).toContain(maskResidentId(PERSON.residentId));
    expect(await page.getByRole('main').textContent()).not.toContain(PERSON.residentId);
    expect(await row.textContent()).toContain('未读');
    await expectAccessible(page);
    await row.getByRole('link').click();
    const article = page.getByRole('article');
    expect(await article.textContent()).toContain(P_RECORD_A);
    expect(await article.textContent()).toContain('预评结果为环保失信个人');
    expect(await article.textContent()).toContain(maskResidentId(PERSON.residentId));
    expect(await article.textContent()).not.toContain(PERSON.residentId);
    expect(await page.getByText(`从业人员：${PERSON.name}`).count()).toBe(1);
    await expectAccessible(page);
    await page.goto(`${rt.url}/portal/notices`);
    const again = page
      .getByRole('table', { name: /^通知/ })
      .getByRole('row')
      .filter({ hasText: `从业人员：${PERSON.name}` });
    expect(await again.textContent()).toContain('已读');
  });

  it('the employer opens the practitioner’s confirmation from its practitioners page and objects to one record with a PDF', async () => {
    expect((await practitionerResult()).dishonest).toBe(true);
    const { page } = await b.page();
    await devSignIn(page, rt.url, { role: 'agency', subject: EMPLOYER });
    await page.goto(`${rt.url}/portal/practitioners`);
    await page.getByRole('link', { name: `确认 ${PERSON.name} 的环境信息和预评结果` }).click();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(CONFIRMATION_TITLE);
    expect(await page.getByText(`从业人员：${PERSON.name}`).count()).toBe(1);
    expect(await page.getByText('预评结果为环保失信个人').count()).toBe(1);
    expect(await page.getByText(/2026年4月\d+日前（含当日）可以提出异议（第十八条第四项）/).count()).toBe(1);
    await expectAccessible(page);
    await page
      .getByLabel('证明材料文件（PDF 文件，不超过 10 MB）')
      .setInputFiles({ name: '说明.pdf', mimeType: 'application/pdf', buffer: PDF });
    await page.getByRole('button', { name: '上传' }).click();
    expect(await page.getByText('证明材料 1').count()).toBe(1);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(CONFIRMATION_TITLE);
    await page.getByLabel(new RegExp(P_RECORD_A)).check();
    await page.getByLabel('异议理由').fill('本人从未出借从业资质，附单位劳动合同。');
    await page.getByRole('button', { name: '提出异议' }).click();
    const status = await page.getByRole('status').textContent();
    objectionId = new URL(page.url()).searchParams.get('filed') ?? '';
    expect(objectionId).toMatch(/^practitioner-/);
    // The objection id names the practitioner: shown, its resident identity number is masked.
    expect(status).toContain(`异议编号 ${objectionIdShown(objectionId)}`);
    expect(await page.getByRole('main').textContent()).not.toContain(PERSON.residentId);
    const records = page.getByRole('table', { name: RECORDS });
    expect(await records.getByRole('row').filter({ hasText: P_RECORD_A }).textContent()).toContain('有异议（复核中）');
    expect(await records.getByRole('row').filter({ hasText: P_RECORD_B }).textContent()).not.toContain('有异议');
    expect(await page.getByText('拟定等级取决于有异议的记录').count()).toBe(1);
    await expectAccessible(page);
  });

  it('another unit neither sees the practitioner’s notices nor its confirmation, nor objects for it', async () => {
    const { page } = await b.page();
    await devSignIn(page, rt.url, { role: 'agency', subject: OTHER_UNIT });
    await page.goto(`${rt.url}/portal/notices`);
    expect(await page.getByText(`从业人员：${PERSON.name}`).count()).toBe(0);
    await expectAccessible(page);
    const seen = await page.goto(
      `${rt.url}/portal/notices/confirmation-2025-practitioner?practitioner=${PERSON.residentId}`,
    );
    expect(seen?.status()).toBe(403);
    const confirmation = await page.goto(
      `${rt.url}/portal/practitioners/confirmation?year=2025&person=${PERSON.residentId}`,
    );
    expect(confirmation?.status()).toBe(403);
    expect(await page.content()).not.toContain(P_RECORD_A);
    await expectAccessible(page);
  });

  it('the league revokes the record with reasons; the practitioner’s result and the review notice follow', async () => {
    const { page } = await b.page();
    await devSignIn(page, rt.url, { role: 'league', league: ORDOS });
    await page.goto(`${rt.url}/console/objections`);
    const listed = page
      .getByRole('table', { name: '异议及复核情况' })
      .getByRole('row')
      .filter({ hasText: objectionIdShown(objectionId) });
    expect(await listed.textContent()).toContain(PERSON.name);
    expect(await listed.textContent()).not.toContain(PERSON.residentId);
    expect(await listed.textContent()).toMatch(/还剩 \d+ 个工作日/);
    await expectAccessible(page);
    await page.goto(`${rt.url}/console/objections/${objectionId}`);
    await expectAccessible(page);
    page.on('dialog', (d) => void d.accept());
    await page.getByLabel('撤销').check();
    await page.getByLabel('复核理由').fill('经核实，该从业人员未出借资质，撤销该信用信息。');
    await page.getByRole('button', { name: '提交复核结论' }).click();
    expect(await page.getByRole('status').textContent()).toContain('复核结果已保存');
    await rt.drain();
    const after = await practitionerResult();
    expect(after.dishonest).toBe(false);
    expect(after.items.find((i) => i.eventId === P_RECORD_A)?.state).toBe('revoked');
    const notices = new DynamoNotices(documentClient(rt.dynamo), rt.tableName);
    const notice = await notices.notice({ kind: 'practitioner', id: PERSON.residentId }, `objection-${objectionId}`);
    expect(notice?.kind).toBe('objectionReview');
    expect(notice?.body).toContain('撤销。理由：经核实，该从业人员未出借资质');
  });

  it('the employer sees the review’s result as the practitioner’s notice and on its confirmation page', async () => {
    const { page } = await b.page();
    await devSignIn(page, rt.url, { role: 'agency', subject: EMPLOYER });
    await page.goto(`${rt.url}/portal/notices`);
    const row = page.getByRole('table', { name: /^通知/ }).getByRole('row').filter({ hasText: '异议复核结果通知' });
    expect(await row.textContent()).toContain(`从业人员：${PERSON.name}`);
    await row.getByRole('link').click();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('环保信用评价异议复核结果通知书');
    expect(await page.getByRole('article').textContent()).toContain('撤销。理由：经核实，该从业人员未出借资质');
    await expectAccessible(page);
    await page.goto(`${rt.url}/portal/practitioners/confirmation?year=2025&person=${PERSON.residentId}`);
    const outcome = page.getByRole('table', { name: '复核结果' });
    expect(await outcome.getByRole('row').filter({ hasText: P_RECORD_A }).textContent()).toContain('撤销');
    expect(await page.getByText('有异议（复核中）').count()).toBe(0);
    expect(await page.getByText('预评结果为未发现环保失信行为').count()).toBe(1);
    await expectAccessible(page);
  });
});
