import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maskResidentId } from '../../domain/participants/practitionerFiling.ts';
import type { LocalRuntime } from '../../infra/local/runtime.ts';
import { devSignIn, expectAccessible, launchBrowser, type TestBrowser } from '../support/browser.ts';
import {
  DISHONEST,
  HONEST,
  ORDOS,
  PR_EMPLOYER,
  practitionerAct,
  SERVICE_RECORD,
  seedPractitionerResults,
} from '../support/practitionerResults.ts';
import { startTestRuntime } from '../support/runtime.ts';

/**
 * Art 18(6): the league bureau that established a dishonest individual's records lists its letters
 * (函告), prints each and exports the list; the employer that filed the individual receives it.
 */
let rt: LocalRuntime;
let b: TestBrowser;

beforeAll(async () => {
  rt = await startTestRuntime();
  await seedPractitionerResults(rt);
  if ((await practitionerAct(rt, 'reviewConfirmed')).status !== 200) throw new Error('reviewConfirmed refused');
  await rt.drain();
  const notified = await practitionerAct(rt, 'resultsNotified');
  if (notified.status !== 200) throw new Error(`resultsNotified: ${JSON.stringify(notified.json)}`);
  b = await launchBrowser();
}, 120_000);
afterAll(async () => {
  await b?.close();
  await rt?.stop();
});

describe('失信函告 in the console and the portal (Art 18(6))', () => {
  it('the league officer sees its letters, opens one to print, and downloads the list', async () => {
    const { page } = await b.page();
    await devSignIn(page, rt.url, { role: 'league', league: ORDOS });
    await page.goto(`${rt.url}/console`);
    await page.getByRole('link', { name: '失信函告' }).click();
    const table = page.getByRole('table', { name: '2025年度失信函告' });
    const rows = table.getByRole('row').filter({ hasText: DISHONEST.name });
    expect(await rows.count()).toBe(1);
    expect(await rows.textContent()).toContain(maskResidentId(DISHONEST.residentId));
    expect(await table.textContent()).not.toContain(HONEST.name);
    expect(await page.getByRole('main').textContent()).not.toContain(DISHONEST.residentId);
    // The region's notice of the league's practitioners' results is on the same page.
    expect(
      await page.getByRole('article', { name: '关于2025年度相关从业人员环保信用评定结果的通知' }).textContent(),
    ).toContain('未评定为环保失信个人');
    await expectAccessible(page);

    const dir = await mkdtemp(join(tmpdir(), 'letters-'));
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: '导出 Excel' }).click(),
    ]);
    const file = join(dir, 'letters.xlsx');
    await download.saveAs(file);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await readFile(file)) as unknown as ArrayBuffer);
    const text = JSON.stringify(book.worksheets[0]!.getSheetValues());
    expect(text).toContain(DISHONEST.name);
    expect(text).toContain(maskResidentId(DISHONEST.residentId));
    expect(text).not.toContain(DISHONEST.residentId);
    await rm(dir, { recursive: true, force: true });

    await rows.getByRole('link', { name: `查看并打印：${DISHONEST.name}` }).click();
    const letter = page.getByRole('article', { name: `关于${DISHONEST.name}被评定为环保失信个人的函` });
    expect(await letter.textContent()).toContain(SERVICE_RECORD);
    expect(await letter.textContent()).toContain('鄂尔多斯市生态环境局');
    expect(await letter.textContent()).toContain(PR_EMPLOYER.name);
    expect(await page.getByRole('button', { name: '打印' }).count()).toBe(1);
    await expectAccessible(page);
  });

  it('the employer sees its practitioner’s letter among its notices, labelled with the practitioner', async () => {
    const { page } = await b.page();
    await devSignIn(page, rt.url, { role: 'agency', subject: PR_EMPLOYER.code });
    await page.goto(`${rt.url}/portal/notices`);
    const rows = page
      .getByRole('table', { name: /^通知/ })
      .getByRole('row')
      .filter({ hasText: `从业人员：${DISHONEST.name}` })
      .filter({ hasText: '失信函告' });
    expect(await rows.count()).toBe(2);
    await expectAccessible(page);
    await rows.first().getByRole('link').click();
    expect(await page.getByRole('article').textContent()).toContain('被评定为环保失信个人');
    await expectAccessible(page);
  });
});
