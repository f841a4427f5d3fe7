import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ruleByCode } from '../../domain/catalogue/catalogue.ts';
import type { LocalRuntime } from '../../infra/local/runtime.ts';
import { devSignIn, expectAccessible, launchBrowser, type TestBrowser } from '../support/browser.ts';
import { uscc } from '../support/builders.ts';
import { postWebhook, startTestRuntime } from '../support/runtime.ts';

/** The participant portal: an enterprise's own score, its repairs and its evidence files (Art 22–27). */
const ENT = uscc(811, '150600');
const OTHER = uscc(812, '150600');
const PDF = Buffer.concat([
  Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n'),
  Buffer.alloc(2048, 0x20),
  Buffer.from('%%EOF\n'),
]);

const created = (subject: string, eventId: string, rule: string, rectifiedOn: string | null) => ({
  type: 'record.created',
  record: {
    eventId,
    subject: { kind: 'enterprise', id: subject },
    rule,
    occurredOn: '2026-03-01',
    department: '150600-EEB',
    league: '150600',
    rectifiedOn,
  },
});

let rt: LocalRuntime;
let b: TestBrowser;
let evidenceDir: string;
const evidenceFiles = async (): Promise<string[]> =>
  readdir(join(evidenceDir, 'evidence', 'enterprise', ENT)).catch(() => []);

beforeAll(async () => {
  evidenceDir = await mkdtemp(join(tmpdir(), 'portal-evidence-'));
  rt = await startTestRuntime({ evidenceDir });
  rt.clock.set(new Date('2026-09-01T02:00:00Z'));
  // P-LEDGER: rectified 2026-04-01, repairable since; P-EIA: rectified 2026-08-01, repairable from 2026-11-01 (Art 27).
  await postWebhook(rt, created(ENT, 'P-LEDGER', 'PMT_LEDGER', '2026-04-01'));
  await postWebhook(rt, created(ENT, 'P-EIA', 'EIA_QUALITY', '2026-08-01'));
  await postWebhook(rt, created(OTHER, 'OTHER-SECRET-1', 'HW_FAIL', null));
  await rt.drain();
  b = await launchBrowser();
});
afterAll(async () => {
  await b?.close();
  await rt?.stop();
  if (evidenceDir) await rm(evidenceDir, { recursive: true, force: true });
});

describe('the participant portal', () => {
  it('shows the enterprise its live score, grade and every reason in the catalogue’s words', async () => {
    const { page } = await b.page();
    await devSignIn(page, rt.url, { role: 'enterprise', subject: ENT });
    await page.goto(`${rt.url}/portal`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('我的环保信用');
    const reasons = page.getByRole('table', { name: '评分依据（本年度信用信息）' });
    for (const [eventId, rule] of [
      ['P-LEDGER', 'PMT_LEDGER'],
      ['P-EIA', 'EIA_QUALITY'],
    ] as const) {
      const row = reasons.getByRole('row').filter({ hasText: eventId });
      expect(await row.textContent()).toContain(ruleByCode(rule)!.wording);
      expect(await row.textContent()).toContain('计分');
    }
    // 100 − 3 (ledger) − 10 (EIA quality): 87, a B plate (Art 11).
    expect(await page.getByText('87', { exact: true }).count()).toBe(1);
    expect(await page.locator('.plate').first().textContent()).toContain('环保良好单位');
    expect(await page.content()).not.toContain('OTHER-SECRET-1');
    await expectAccessible(page);
  });

  it('disables the apply button before the earliest repair date and says from when (Art 27)', async () => {
    const { page } = await b.page();
    await devSignIn(page, rt.url, { role: 'enterprise', subject: ENT });
    await page.goto(`${rt.url}/portal/repairs`);
    expect(await page.getByRole('button', { name: '申请修复 P-EIA' }).isDisabled()).toBe(true);
    expect(await page.getByText('自2026年11月1日起可申请修复').count()).toBe(1);
    expect(await page.getByRole('button', { name: '申请修复 P-LEDGER' }).isEnabled()).toBe(true);
    await expectAccessible(page);
    // Before the date the application page itself says so, with no form.
    await page.goto(`${rt.url}/portal/repairs/apply?eventId=P-EIA`);
    expect(await page.getByText('该信用信息自2026年11月1日起可申请修复。').count()).toBe(1);
    expect(await page.getByRole('button', { name: '提交修复申请' }).count()).toBe(0);
  });

  it('refuses an evidence file whose content is not PDF, JPEG or PNG, naming the field, and stores nothing', async () => {
    const { page } = await b.page();
    await devSignIn(page, rt.url, { role: 'enterprise', subject: ENT });
    await page.goto(`${rt.url}/portal/repairs/apply?eventId=P-LEDGER`);
    await page.getByLabel('证明材料文件（PDF 文件，不超过 10 MB）').setInputFiles({
      name: '整改报告.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('MZ\x90\x00 not a pdf'),
    });
    await page.getByRole('button', { name: '上传' }).click();
    expect(await page.getByRole('alert').textContent()).toContain('证明材料文件（file）须为 PDF、JPEG 或 PNG 格式');
    expect(await evidenceFiles()).toEqual([]);
    await expectAccessible(page);
  });

  it('enables the button from the earliest date; the enterprise applies with an evidence PDF and sees it listed', async () => {
    rt.clock.set(new Date('2026-11-02T02:00:00Z'));
    const { page } = await b.page();
    await devSignIn(page, rt.url, { role: 'enterprise', subject: ENT });
    await page.goto(`${rt.url}/portal/repairs`);
    const apply = page.getByRole('button', { name: '申请修复 P-EIA' });
    expect(await apply.isEnabled()).toBe(true);
    await apply.click();
    await page.waitForURL(/\/portal\/repairs\/apply\?eventId=P-EIA/);
    await expectAccessible(page);
    await page
      .getByLabel('证明材料文件（PDF 文件，不超过 10 MB）')
      .setInputFiles({ name: '整改报告.pdf', mimeType: 'application/pdf', buffer: PDF });
    await page.getByRole('button', { name: '上传' }).click();
    await page.waitForURL(/key=/);
    expect(await page.getByText('证明材料 1：PDF 文件').count()).toBe(1);
    expect(await evidenceFiles()).toHaveLength(2); // the file and its type
    await page.getByLabel('整改情况及证据').fill('已委托有资质单位重新编制环境影响报告书并通过审查');
    await page.getByRole('button', { name: '提交修复申请' }).click();
    await page.waitForURL(/\/portal\/repairs\?applied=P-EIA/);
    expect(await page.getByRole('status').textContent()).toContain('P-EIA');
    const row = page.getByRole('table', { name: '我的修复申请' }).getByRole('row').filter({ hasText: 'P-EIA' });
    expect(await row.textContent()).toContain('待核实');
    expect(await row.textContent()).toContain('1 个文件');
    // Verified within 20 working days of 2026-11-02 (Art 23 ¶2).
    expect(await row.textContent()).toContain('2026年11月30日前');
    expect(await page.getByText('已申请，待核实').count()).toBe(1);
    await expectAccessible(page);
  });

  it('never shows another enterprise’s data, nor lets it apply for another’s record', async () => {
    const { page } = await b.page();
    await devSignIn(page, rt.url, { role: 'enterprise', subject: OTHER });
    await page.goto(`${rt.url}/portal`);
    const html = await page.content();
    expect(html).toContain('OTHER-SECRET-1');
    expect(html).not.toContain('P-LEDGER');
    expect(html).not.toContain('P-EIA');
    await page.goto(`${rt.url}/portal/repairs`);
    expect(await page.content()).not.toContain('P-EIA');
    expect(await page.getByText('尚未提交信用修复申请。').count()).toBe(1);
    const res = await page.goto(`${rt.url}/portal/repairs/apply?eventId=P-LEDGER`);
    expect(res?.status()).toBe(404);
  });

  it('sends a person who is not signed in to sign in, and keeps bureau staff out', async () => {
    const res = await fetch(`${rt.url}/portal`, { redirect: 'manual' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toContain('/auth/signin?next=%2Fportal');
    const { page } = await b.page();
    await devSignIn(page, rt.url, { role: 'league', league: '150600' });
    expect((await page.goto(`${rt.url}/portal`))?.status()).toBe(403);
  });
});
