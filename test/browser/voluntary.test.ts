import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../infra/local/runtime.ts';
import { devSignIn, expectAccessible, launchBrowser, type TestBrowser } from '../support/browser.ts';
import { agency, enterprise, uscc } from '../support/builders.ts';
import { startFrozenRuntime } from '../support/runtime.ts';
import { registerProfile } from '../support/store.ts';

/**
 * Taking part of one's own accord (Art 6(8)): an enterprise applies in the portal for the evaluation
 * year under way; the league bureau accepts it onto the list on item (八), or declines with a reason.
 */
const ACCEPTED = { id: uscc(71, '150600'), name: '鄂尔多斯市自愿化工有限公司' };
const DECLINED = { id: uscc(72, '150600'), name: '鄂尔多斯市申请建材有限公司' };
const AGENCY = { id: uscc(73, '150600'), name: '鄂尔多斯市自愿监测有限公司' };
const LIST = '/console/participants/2025/enterprise?league=150600';

let rt: LocalRuntime;
let b: TestBrowser;
beforeAll(async () => {
  // November 2026: the 2025 evaluation is under way (filing happens in the year after).
  rt = await startFrozenRuntime('2026-11-20T02:00:00Z');
  for (const u of [ACCEPTED, DECLINED])
    await registerProfile(rt.store, enterprise({ id: u.id, name: u.name, league: '150600' }), '2026-01-05T00:00:00Z');
  await registerProfile(
    rt.store,
    agency({ id: AGENCY.id, name: AGENCY.name, league: '150600', categories: ['monitoring'] }),
    '2026-01-05T00:00:00Z',
  );
  b = await launchBrowser();
});
afterAll(async () => {
  await b?.close();
  await rt?.stop();
});

const applyAs = async (id: string) => {
  const { page } = await b.page();
  await devSignIn(page, rt.url, { role: 'enterprise', subject: id });
  await page.goto(`${rt.url}/portal/participation`);
  await page.getByRole('button', { name: '提交自愿参加申请' }).click();
  await expect.poll(() => page.getByRole('status').textContent()).toContain('已提交自愿参加申请');
  return page;
};

describe('voluntary participation (Art 6(8))', () => {
  it('an enterprise applies once; the league bureau accepts it onto the list on item (八)', async () => {
    const portal = await applyAs(ACCEPTED.id);
    const mine = portal.getByRole('table', { name: '本单位的自愿参加申请' });
    expect(await mine.getByRole('cell', { name: '2025年度' }).count()).toBe(1);
    expect(await mine.getByRole('cell', { name: '待处理' }).count()).toBe(1);
    expect(await portal.getByRole('button', { name: '提交自愿参加申请' }).count()).toBe(0);
    await expectAccessible(portal);

    const { page } = await b.page();
    await devSignIn(page, rt.url, { role: 'league', league: '150600' });
    await page.goto(`${rt.url}${LIST}`);
    const pending = page.getByRole('table', { name: '待处理的自愿参加申请（共 1 份）' });
    expect(await pending.getByRole('cell', { name: ACCEPTED.name, exact: true }).count()).toBe(1);
    await expectAccessible(page);
    await page.getByRole('button', { name: `接受 ${ACCEPTED.name}`, exact: true }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('已接受自愿参加申请');
    const entries = page.getByRole('table', { name: '参评单位（共 1 家）' });
    const row = entries.getByRole('row').filter({ hasText: ACCEPTED.id });
    expect(await row.getByText('第六条（八）自愿申请参加环保信用评价的单位及从业人员').count()).toBe(1);
    expect(await page.getByText('暂无待处理的自愿参加申请。').count()).toBe(1);

    await portal.reload();
    expect(await mine.getByRole('cell', { name: '已接受（已列入参评名单）' }).count()).toBe(1);
  });

  it('declining needs a reason, which the enterprise then reads', async () => {
    const portal = await applyAs(DECLINED.id);
    const { page } = await b.page();
    await devSignIn(page, rt.url, { role: 'league', league: '150600' });
    await page.goto(`${rt.url}${LIST}`);
    const reason = page.getByLabel(`不予接受 ${DECLINED.name} 的理由（必填）`);
    await reason.fill('   ');
    await page.getByRole('button', { name: `不予接受 ${DECLINED.name}` }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.getByText('不予接受须填写理由').count()).toBe(1);
    await page.getByLabel(`不予接受 ${DECLINED.name} 的理由（必填）`).fill('已列入排污许可名单，无须自愿申请');
    await page.getByRole('button', { name: `不予接受 ${DECLINED.name}` }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('已不予接受自愿参加申请');
    expect(await page.getByRole('row').filter({ hasText: DECLINED.id }).count()).toBe(0);

    await portal.reload();
    const mine = portal.getByRole('table', { name: '本单位的自愿参加申请' });
    expect(await mine.getByRole('cell', { name: '不予接受', exact: true }).count()).toBe(1);
    expect(await mine.getByRole('cell', { name: '已列入排污许可名单，无须自愿申请' }).count()).toBe(1);
    await expectAccessible(portal);
  });

  it('an agency applies with its Annex 2 categories and is accepted onto the agencies’ list with them', async () => {
    const { page: portal } = await b.page();
    await devSignIn(portal, rt.url, { role: 'agency', subject: AGENCY.id });
    await portal.goto(`${rt.url}/portal/participation`);
    await portal.getByRole('button', { name: '提交自愿参加申请' }).click();
    await portal.getByRole('alert').waitFor();
    expect(await portal.getByRole('alert').textContent()).toContain('第三方服务机构至少有一个服务类别');
    await expectAccessible(portal);
    await portal.getByLabel('环境监测服务机构', { exact: true }).check();
    await portal.getByLabel('环评服务机构', { exact: true }).check();
    await portal.getByRole('button', { name: '提交自愿参加申请' }).click();
    await expect.poll(() => portal.getByRole('status').textContent()).toContain('已提交自愿参加申请');

    const { page } = await b.page();
    await devSignIn(page, rt.url, { role: 'league', league: '150600' });
    await page.goto(`${rt.url}/console/participants/2025/agency?league=150600`);
    const pending = page.getByRole('table', { name: '待处理的自愿参加申请（共 1 份）' });
    expect(await pending.getByRole('cell', { name: '环境监测服务机构；环评服务机构' }).count()).toBe(1);
    await expectAccessible(page);
    await page.getByRole('button', { name: `接受 ${AGENCY.name}`, exact: true }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('已接受自愿参加申请');
    const row = page
      .getByRole('table', { name: '参评单位（共 1 家）' })
      .getByRole('row')
      .filter({ hasText: AGENCY.id });
    expect(await row.getByRole('cell', { name: '环境监测服务机构；环评服务机构' }).count()).toBe(1);
    expect(await row.getByText('第六条（八）自愿申请参加环保信用评价的单位及从业人员').count()).toBe(1);
  });
});
