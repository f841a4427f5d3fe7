import type { Page } from 'playwright-core';
import { CATALOGUE } from '../../domain/catalogue/catalogue.ts';
import {
  actForLeagues,
  codeIn,
  fileAndCommit,
  importList,
  openCycle,
  otherLeagues,
  publicityToPush,
  runWalk,
  type Walk,
} from './walkthroughKit.ts';

/**
 * `npm run walkthrough -- enterprise`: one enterprise evaluation cycle (Art 16, 20) of the previous
 * year, from an empty system to the published results, the results notices and the push, through the
 * pages — the region, the Ordos league bureau, two enterprises (one with two sites), a member of the
 * public and the review group — with a screenshot of every step in
 * docs/screenshots/walkthrough-enterprise-NN-<step>.png (docs/walkthrough-enterprise.md). Enterprises
 * have no supplement or confirmation stage (Art 16): their records arrive from the enforcement
 * platforms through the signed webhook, which the run plays, besides the local clock.
 */
const YEAR = 2025;
const LEAGUE = '150600';
const LEAGUE_NAME = '鄂尔多斯市';
const TWO_SITES = {
  id: codeIn(LEAGUE, 601),
  name: '鄂尔多斯市恒源煤化工有限公司',
  sites: 'P150600001:60%；P150600002:40%',
};
const ONE_SITE = { id: codeIn(LEAGUE, 602), name: '鄂尔多斯市蓝天建材有限公司', sites: 'P150600003:100%' };
const PERMIT_FRAUD = 'SR_PERMIT_FRAUD';
const SELF_MONITORING = 'PMT_SELF_MONITORING';
const HW_FAIL = 'HW_FAIL';
const wording = (rule: string) => CATALOGUE.find((r) => r.code === rule)!.wording;

const enterpriseWalk = async (w: Walk): Promise<void> => {
  const { step, expectText, signIn, setClock, go } = w;
  const listPath = `/console/participants/${YEAR}/enterprise?league=${LEAGUE}`;
  const reportPath = `/console/reports/${YEAR}/enterprise/${LEAGUE}`;
  const act = (page: Page, name: string) => w.act(page, LEAGUE, name);
  const record = (eventId: string, subject: string, siteId: string | null, rule: string, occurredOn: string) =>
    w.postRecord({
      eventId,
      subject: { kind: 'enterprise', id: subject, ...(siteId ? { siteId } : {}) },
      rule,
      occurredOn,
      department: '150600-EEB',
      league: LEAGUE,
    });
  /** Waits until the subject page of `unit` lists the record of `rule` (the record queue applies it). */
  const recordShown = (page: Page, unit: { id: string }, rule: string) =>
    w.until(page, `/console/subjects/enterprise/${unit.id}?year=${YEAR}`, `${rule} 入库`, async () => {
      return (await page.getByText(wording(rule)).count()) > 0;
    });

  // Monday 5 January 2026, 09:00 in Beijing: the 2025 enterprise evaluation begins (Art 16(1)).
  await setClock('2026-01-05T01:00:00Z');
  const region = await signIn({ role: 'region' }, '自治区厅评价专员');
  const league = await signIn({ role: 'league', league: LEAGUE }, '鄂尔多斯市局评价专员');

  await openCycle(w, region, 'enterprise', YEAR, LEAGUE, '自治区生态环境厅开启2025年度企事业单位评价周期');

  await importList(
    w,
    league,
    listPath,
    [
      [TWO_SITES.id, TWO_SITES.name, LEAGUE_NAME, '（一）', TWO_SITES.sites],
      [ONE_SITE.id, ONE_SITE.name, LEAGUE_NAME, '（一）', ONE_SITE.sites],
    ],
    '鄂尔多斯市局按导入模板导入两家参评企业（一家两个厂址，含产量占比）',
  );

  await step('registered-from-list', '导入名单即登记了两家企业：两个厂址及各自产量占比', async () => {
    await go(league, `/console/subjects/enterprise/${encodeURIComponent(TWO_SITES.id)}`);
    await expectText(league, TWO_SITES.name);
    await expectText(league, 'P150600002');
    return league;
  });

  // Records of 2025 arrive from the enforcement platform (not a page: the platforms' webhook).
  await record('NMG-2025-0601', TWO_SITES.id, 'P150600001', SELF_MONITORING, '2025-06-18');
  await record('NMG-2025-0602', ONE_SITE.id, null, PERMIT_FRAUD, '2025-09-15');
  await step('records-arrived', '执法平台推送的2025年度信用信息入库：一家企业拟直接评为D级', async () => {
    await recordShown(league, TWO_SITES, SELF_MONITORING);
    return recordShown(league, ONE_SITE, PERMIT_FRAUD);
  });

  await step('list-confirmed', '鄂尔多斯市局确定参评名单（1月31日前）', () => act(league, '确定参评名单'));
  await step('participants-notified', '鄂尔多斯市局通知参评单位，20个工作日的填报期开始', async () => {
    await act(league, '通知参评单位');
    await league.getByRole('table', { name: `${LEAGUE_NAME}的期限` }).waitFor();
    return league;
  });
  await actForLeagues(w, otherLeagues(LEAGUE), ['确定参评名单', '通知参评单位']);

  const filer = await signIn({ role: 'enterprise', subject: TWO_SITES.id }, '王恒源');
  await fileAndCommit(
    w,
    filer,
    {
      year: YEAR,
      read: '参评企业在“我的通知”中阅读参评通知',
      filed: '参评企业填报基本信息：各厂址及产量占比',
      signed: '参评企业的法定代表人签署信用承诺书',
      signer: '王恒源',
      title: '董事长',
    },
    (page) => page.getByLabel(/^厂址及产量占比/).fill(TWO_SITES.sites),
  );

  // Wednesday 4 February 2026: the 20 working days of the filing window (Art 20) have passed.
  await setClock('2026-02-04T01:00:00Z');
  await step('filing-closed', '填报期届满：未填报的企业被标记为“未填报”，周期进入“等级评定”', async () => {
    await go(league, listPath);
    const row = league.getByRole('row').filter({ hasText: ONE_SITE.name });
    await row.getByRole('cell', { name: '未填报', exact: true }).waitFor({ timeout: 10_000 });
    return league;
  });

  await step('report-prepared', '鄂尔多斯市局生成上报名单：拟定得分、等级、直接评为D级', async () => {
    await w.prepareReport(league, LEAGUE);
    await league.getByRole('table', { name: '上报条目' }).waitFor();
    return league;
  });
  await step('report-sent', '鄂尔多斯市局将上报名单报送自治区生态环境厅（4月30日前）', () =>
    act(league, '报送自治区生态环境厅'),
  );

  // The region's quality check begins once every league has reported (Art 16(2)).
  await actForLeagues(w, otherLeagues(LEAGUE), [], { report: true });

  let drawn: string[] = [];
  await step('sampled', '自治区生态环境厅质量抽查：设定抽查比例和随机种子，抽样', async () => {
    await go(region, `/console/reports/${YEAR}/enterprise`);
    await region.getByRole('table', { name: '各盟市上报情况' }).getByRole('link', { name: LEAGUE_NAME }).click();
    await region.waitForLoadState('load');
    await region.getByLabel('抽查比例（%）').fill('100');
    await region.getByLabel('随机种子（留空由系统生成）').fill('20260204');
    await region.getByRole('button', { name: '抽样' }).click();
    await region.waitForURL(/done=sampled/);
    const text = (await region.getByText(/随机种子 20260204\s*从第\d版抽取 2 条：/).textContent()) ?? '';
    drawn = [TWO_SITES.id, ONE_SITE.id].filter((c) => text.includes(c));
    if (drawn.length !== 2) throw new Error(`抽样结果不含两家企业：${text}`);
    return region;
  });

  await step('sample-returned', '自治区生态环境厅记录抽查意见：一条同意，一条退回并写明理由', async () => {
    const agree = region.getByRole('form', { name: `抽查意见：${ONE_SITE.id}` });
    await agree.getByLabel('同意', { exact: true }).check();
    await agree.getByRole('button', { name: '记录抽查意见' }).click();
    await region.waitForURL(/done=finding/);
    const ret = region.getByRole('form', { name: `抽查意见：${TWO_SITES.id}` });
    await ret.getByLabel('退回', { exact: true }).check();
    await ret
      .getByLabel('理由（退回时必填）')
      .fill('未归集该企业2号厂址2025年度危险废物规范化管理督查考核结果，请补充后重新上报');
    await ret.getByRole('button', { name: '记录抽查意见' }).click();
    await region.waitForURL(/done=finding/);
    await go(region, `/console/reports/${YEAR}/enterprise`);
    await expectText(region, /1条退回记录尚未重新上报/);
    return region;
  });

  await step('returned-seen', '鄂尔多斯市局在上报名单页面看到退回的条目和理由', async () => {
    await go(league, reportPath);
    await expectText(league, `${TWO_SITES.id}：未归集该企业2号厂址`);
    return league;
  });

  // The missing assessment arrives from the platform, for the second site.
  await record('NMG-2025-0603', TWO_SITES.id, 'P150600002', HW_FAIL, '2025-11-20');
  await step('corrected-rereported', '考核结果归集入库后，鄂尔多斯市局重新生成上报名单并“重新上报”', async () => {
    await recordShown(league, TWO_SITES, HW_FAIL);
    await w.prepareReport(league, LEAGUE);
    await league.getByRole('button', { name: '重新上报' }).click();
    await league.waitForURL(/done=sent/);
    await expectText(league, '上报名单已报送');
    return league;
  });

  await step('sample-agreed', '自治区生态环境厅对重新上报的条目记录“同意”', async () => {
    await go(region, reportPath);
    const form = region.getByRole('form', { name: `抽查意见：${TWO_SITES.id}` });
    await form.getByLabel('同意', { exact: true }).check();
    await form.getByRole('button', { name: '记录抽查意见' }).click();
    await region.waitForURL(/done=finding/);
    return region;
  });

  await step('region-released', '自治区生态环境厅记录“质量抽查完毕”', async () => {
    await w.act(region, null, '质量抽查完毕');
    return region;
  });

  // Wednesday 6 May 2026: the region opens publicity (to start by 31 May, Art 16(3)).
  await setClock('2026-05-06T01:00:00Z');
  await publicityToPush(w, {
    kind: 'enterprise',
    year: YEAR,
    league: LEAGUE,
    region,
    bureau: league,
    commented: { code: TWO_SITES.id, name: TWO_SITES.name },
    comment: '该企业2号厂区夜间常有刺鼻气味，危险废物堆放不规范，请核查。',
    contact: '刘先生 13700000000',
    finding: '部分属实',
    findingReasons:
      '经现场核查，2号厂址危险废物贮存场所标识不全，已计入2025年度考核结果（不达标）；未发现夜间违法排放。',
    afterPublicity: '2026-05-18T01:00:00Z',
    decisions: [
      {
        code: TWO_SITES.id,
        name: TWO_SITES.name,
        decision: 'confirm',
        reasons: '公众意见反映的情况已由危险废物规范化管理考核结果计分，拟定结果无误，维持。',
      },
      {
        code: ONE_SITE.id,
        name: ONE_SITE.name,
        decision: 'change',
        revoke: [wording(PERMIT_FRAUD)],
        reasons: '经复核，该行政许可撤销决定已被行政复议机关撤销，撤销该信用信息并重新评价。',
      },
    ],
    reader: filer,
    readerCode: TWO_SITES.id,
    lookedUp: { code: TWO_SITES.id, name: TWO_SITES.name },
  });
};

export const runEnterpriseWalk = (): Promise<void> =>
  runWalk('enterprise', YEAR, 'walkthrough-enterprise', enterpriseWalk);
