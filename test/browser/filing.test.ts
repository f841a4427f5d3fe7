import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ParticipantEntry } from '../../domain/participants/participant.ts';
import { documentClient } from '../../functions/adapters/dynamoDocument.ts';
import { DynamoParticipants } from '../../functions/adapters/dynamoParticipants.ts';
import type { LocalRuntime } from '../../infra/local/runtime.ts';
import { devSignIn, expectAccessible, launchBrowser, type TestBrowser } from '../support/browser.ts';
import { agency, uscc } from '../support/builders.ts';
import { callApi, getScore, staffToken, startFrozenRuntime } from '../support/runtime.ts';
import { registerProfile } from '../support/store.ts';

/**
 * Filing (Art 20) and late marking (Art 20, 32) in the pages: the participants' notice opens the
 * window, a participant files in time, and one that never files is marked when the window closes —
 * its late-filing note is read in the portal, the bureau sees it read, and its result loses the
 * incentive measures.
 */
const LEAGUE = '150600' as const;
const FILER = { id: uscc(301, LEAGUE), name: '鄂尔多斯按时环评有限公司' };
const SILENT = { id: uscc(302, LEAGUE), name: '鄂尔多斯逾期监测有限公司' };

let rt: LocalRuntime;
let b: TestBrowser;
let officer: string;
beforeAll(async () => {
  // Monday 2 March 2026, 10:00 in Beijing: the 2025 agency evaluation is listing its participants.
  rt = await startFrozenRuntime('2026-03-02T02:00:00Z');
  const region = await staffToken({ role: 'region', league: '150000' });
  officer = await staffToken({ role: 'league', league: LEAGUE });
  for (const a of [FILER, SILENT])
    await registerProfile(
      rt.store,
      agency({ id: a.id, name: a.name, league: LEAGUE, categories: ['eia'] }),
      '2026-01-05T00:00:00Z',
    );
  const entry = (a: typeof FILER): ParticipantEntry => ({
    kind: 'agency',
    code: a.id,
    name: a.name,
    league: LEAGUE,
    basis: '6.5',
    sites: [],
    categories: ['eia'],
  });
  await new DynamoParticipants(documentClient(rt.dynamo), rt.tableName).putParticipants(
    { year: 2025, kind: 'agency', league: LEAGUE },
    [entry(FILER), entry(SILENT)],
    {
      at: '2026-03-02T02:00:00Z',
      actor: `staff:league:${LEAGUE}`,
      action: 'participants.imported',
      what: {},
      why: null,
      afterConfirmation: false,
    },
  );
  expect((await callApi(rt, 'POST', '/v1/cycles', region, { kind: 'agency', year: 2025 })).status).toBe(201);
  for (const act of ['listConfirmed', 'participantsNotified'])
    expect((await callApi(rt, 'POST', '/v1/cycles/2025/agency/acts', officer, { act, league: LEAGUE })).status).toBe(
      200,
    );
  b = await launchBrowser();
});
afterAll(async () => {
  await b?.close();
  await rt?.stop();
});

const incentives = async (id: string): Promise<boolean> => {
  const s = await getScore(rt, 'agency', id, { token: officer, query: 'year=2025' });
  expect(s.status).toBe(200);
  return JSON.stringify(s.json).includes('Art 29(1)');
};

describe('filing in the portal', () => {
  it('a participant gets the participants notice and files on time: 已按时填报', async () => {
    const { page } = await b.page();
    await devSignIn(page, rt.url, { role: 'agency', subject: FILER.id });
    await page.goto(`${rt.url}/portal/notices`);
    await page.getByRole('link', { name: '关于参加2025年度环保信用评价的通知' }).click();
    expect(await page.getByText('请于2026年3月30日前').count()).toBe(1);
    await expectAccessible(page);

    await page.goto(`${rt.url}/portal/filing`);
    expect(await page.getByText('填报期限：2026年3月30日').count()).toBe(1);
    expect(await page.getByText('还剩 20 个工作日').count()).toBe(1);
    expect(await page.getByRole('link', { name: '签署信用承诺书' }).count()).toBe(1);
    await expectAccessible(page);
    // Nothing ticked: refused, naming the field, and nothing filed.
    await page.getByRole('button', { name: '提交填报' }).click();
    expect(await page.getByText(/服务类别：至少选择一个服务类别/).count()).toBeGreaterThan(0);
    await expectAccessible(page);
    await page.getByLabel('环评服务机构').check();
    await page.getByRole('button', { name: '提交填报' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('已按时填报');
    expect(await page.getByRole('button', { name: '提交填报' }).count()).toBe(0);
    await expectAccessible(page);
  });

  it('when the window closes, one who never filed is marked, reads its 逾期填报告知, and loses its incentive measures (Art 32)', async () => {
    expect(await incentives(SILENT.id)).toBe(true);
    rt.clock.freeze(new Date('2026-03-31T02:00:00Z'));
    await rt.tick();
    await rt.drain();

    const bureau = await b.page();
    await devSignIn(bureau.page, rt.url, { role: 'league', league: LEAGUE });
    await bureau.page.goto(`${rt.url}/console/participants/2025/agency?league=${LEAGUE}`);
    const rowOf = (name: string) => bureau.page.getByRole('row').filter({ hasText: name });
    expect(await rowOf(FILER.name).getByRole('cell', { name: '按时', exact: true }).count()).toBe(1);
    expect(await rowOf(SILENT.name).getByRole('cell', { name: '未填报', exact: true }).count()).toBe(1);
    await expectAccessible(bureau.page);

    const { page } = await b.page();
    await devSignIn(page, rt.url, { role: 'agency', subject: SILENT.id });
    await page.goto(`${rt.url}/portal/filing`);
    expect(await page.getByText('填报情况：未填报（已逾期）').count()).toBe(1);
    await expectAccessible(page);
    await page.goto(`${rt.url}/portal/notices`);
    const row = page.getByRole('row').filter({ hasText: '逾期填报告知' });
    expect(await row.getByRole('cell', { name: '未读' }).count()).toBe(1);
    await expectAccessible(page);
    await row.getByRole('link').click();
    expect(await page.getByText('已于2026年3月30日届满').count()).toBe(1);
    await expectAccessible(page);

    await bureau.page.goto(`${rt.url}/console/notices`);
    const sent = bureau.page.getByRole('row').filter({ hasText: SILENT.name }).filter({ hasText: '逾期填报告知' });
    expect(await sent.getByRole('cell', { name: '已读', exact: true }).count()).toBe(1);
    expect(await sent.getByRole('cell', { name: '2026年3月31日 10:00' }).count()).toBe(2);
    await expectAccessible(bureau.page);

    expect(await incentives(FILER.id)).toBe(true);
    expect(await incentives(SILENT.id)).toBe(false);
  });

  it('a filing after the window closed is accepted and marked 逾期填报', async () => {
    const { page } = await b.page();
    await devSignIn(page, rt.url, { role: 'agency', subject: SILENT.id });
    await page.goto(`${rt.url}/portal/filing`);
    await page.getByLabel('环评服务机构').check();
    await page.getByRole('button', { name: '提交填报' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('逾期填报');
    expect(await incentives(SILENT.id)).toBe(false);
  });
});
