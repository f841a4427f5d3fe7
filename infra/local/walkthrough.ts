import type { Page } from 'playwright-core';
import { CATALOGUE } from '../../domain/catalogue/catalogue.ts';
import { isWarnableRule } from '../../domain/warnings/warning.ts';
import { runEnterpriseWalk } from './walkthroughEnterprise.ts';
import {
  actForLeagues,
  codeIn,
  fileAndCommit,
  importList,
  mainOf,
  openCycle,
  otherLeagues,
  PDF,
  publicityToPush,
  runWalk,
  type Walk,
} from './walkthroughKit.ts';

/**
 * `npm run walkthrough`: one agency evaluation cycle (Art 17) of the previous year, from an empty
 * system to the published results, the results notices and the push to the public credit platform,
 * driven through the pages only — the region, the Ordos league bureau, two agencies, a member of the
 * public and the review group, each signed in through the local sign-in (the public without) — with a
 * screenshot of every step in docs/screenshots/walkthrough-NN-<step>.png (docs/walkthrough.md).
 * `npm run walkthrough -- enterprise` runs the enterprise cycle (Art 16) the same way
 * (docs/walkthrough-enterprise.md). The only calls that are not pages are the local clock
 * (`POST /v1/dev/clock`), to let the working-day windows pass, and the credit platform's recorder. A
 * step that fails stops the run with a message and exit code 1, so the run doubles as an end-to-end check.
 */
const YEAR = 2025;
const LEAGUE = '150600';
const LEAGUE_NAME = '鄂尔多斯市';
const code = (n: number): string => codeIn(LEAGUE, n);
const FILER = { id: code(501), name: '鄂尔多斯市清源环境监测有限公司' };
const SILENT = { id: code(502), name: '鄂尔多斯市远方环评咨询有限公司' };
const RECORD_KEPT = 'AG_INTERVIEWED';
const RECORD_DISPUTED = 'AG_NOTIFIED';
const WARNED_RULE = 'AG_OBSTRUCTION';
const OTHERS = otherLeagues(LEAGUE);

const agencyWalk = async (w: Walk): Promise<void> => {
  const { step, expectText, signIn, setClock, go } = w;
  const cyclePath = `/console/cycles/${YEAR}/agency`;
  const listPath = `/console/participants/${YEAR}/agency?league=${LEAGUE}`;
  const ordos = (page: Page) => page.getByRole('region', { name: LEAGUE_NAME, exact: true });
  const act = (page: Page, name: string) => w.act(page, LEAGUE, name);

  // Monday 2 March 2026, 09:00 in Beijing: the 2025 agency evaluation begins (Art 17(1)).
  await setClock('2026-03-02T01:00:00Z');
  const region = await signIn({ role: 'region' }, '自治区厅评价专员');
  const league = await signIn({ role: 'league', league: LEAGUE }, '鄂尔多斯市局评价专员');

  await openCycle(w, region, 'agency', YEAR, LEAGUE, '自治区生态环境厅开启2025年度第三方服务机构评价周期');

  await importList(
    w,
    league,
    listPath,
    [
      [FILER.id, FILER.name, LEAGUE_NAME, '（五）', '环境监测服务机构'],
      [SILENT.id, SILENT.name, LEAGUE_NAME, '（五）', '环评服务机构'],
    ],
    '鄂尔多斯市局下载导入模板，导入两家参评机构',
  );

  await step('registered-from-list', '导入名单即登记了两家机构：鄂尔多斯市局查看其评价对象信息', async () => {
    for (const [unit, category] of [
      [SILENT, '环评服务机构'],
      [FILER, '环境监测服务机构'],
    ] as const) {
      await go(league, `/console/subjects/agency/${encodeURIComponent(unit.id)}`);
      await expectText(league, unit.name);
      await expectText(league, category);
    }
    return league;
  });

  await step('list-confirmed', '鄂尔多斯市局确定参评名单', () => act(league, '确定参评名单'));

  await step('participants-notified', '鄂尔多斯市局通知参评单位，20个工作日的填报期开始', async () => {
    await act(league, '通知参评单位');
    await ordos(league)
      .getByRole('table', { name: `${LEAGUE_NAME}的期限` })
      .waitFor();
    return league;
  });

  await actForLeagues(w, OTHERS, ['确定参评名单', '通知参评单位']);

  const filer = await signIn({ role: 'agency', subject: FILER.id }, '张清源');
  await fileAndCommit(
    w,
    filer,
    {
      year: YEAR,
      read: '参评机构在“我的通知”中阅读参评通知',
      filed: '参评机构填报基本信息',
      signed: '参评机构的主要负责人签署信用承诺书',
      signer: '张清源',
      title: '总经理',
    },
    (page) => page.getByLabel('环境监测服务机构').check(),
  );

  // 1 April 2026: the 20 working days of the filing window (Art 20) have passed.
  await setClock('2026-04-01T01:00:00Z');
  await step('filing-closed', '填报期届满：未填报的机构被标记为“未填报”', async () => {
    await go(league, listPath);
    const row = league.getByRole('row').filter({ hasText: SILENT.name });
    await row.getByRole('cell', { name: '未填报', exact: true }).waitFor({ timeout: 10_000 });
    return league;
  });

  const silent = await signIn({ role: 'agency', subject: SILENT.id }, '李远方');
  await step('late-filing-notice', '未填报的机构收到逾期填报告知', async () => {
    await go(silent, '/portal/notices');
    await silent.getByRole('row').filter({ hasText: '逾期填报告知' }).getByRole('link').first().click();
    await silent.waitForLoadState('load');
    await expectText(silent, /已于\d{4}年\d+月\d+日届满/);
    return silent;
  });

  const supplement = async (rule: string, occurredOn: string) => {
    await go(league, '/console/supplement');
    await league.getByLabel('代码（统一社会信用代码或公民身份号码）').fill(FILER.id);
    await league.getByLabel('评价指标代码').fill(rule);
    await league.getByLabel('发生日期').fill(occurredOn);
    await league.getByLabel('信息产生部门').fill('鄂尔多斯市生态环境局执法支队');
    await league.getByRole('button', { name: '补充信用信息' }).click();
    await league.waitForLoadState('load');
    const alert = league.getByRole('alert');
    if ((await alert.count()) > 0) throw new Error((await alert.first().textContent()) ?? '补充失败');
  };
  await step('supplement', '鄂尔多斯市局补充其他来源的信用信息', async () => {
    await supplement(RECORD_KEPT, '2025-05-12');
    await supplement(RECORD_DISPUTED, '2025-08-20');
    return league;
  });

  await step('verify', '鄂尔多斯市局核实补充的信息（谁产生、谁补充、谁核实）', async () => {
    // The supplemented records reach the subject's score through the record queue: wait for both.
    const provenance = league.getByRole('table', { name: '信息来源与核实（谁产生、谁补充、谁核实）' });
    for (let tries = 0; ; tries++) {
      await go(league, `/console/subjects/agency/${FILER.id}?year=${YEAR}`);
      if ((await provenance.count()) > 0 && (await provenance.getByRole('row').count()) >= 3) break;
      if (tries === 30) throw new Error('补充的信用信息30秒内未入库');
      await league.waitForTimeout(1000);
    }
    for (let i = 0; i < 2; i++) {
      const verify = provenance.getByRole('button', { name: /^核实 / }).first();
      if ((await verify.count()) === 0) break;
      await verify.click();
      await league.waitForLoadState('load');
    }
    await expectText(provenance, '已核实');
    return league;
  });

  await step('supplement-done', '鄂尔多斯市局记录“补充、归集、核实信息完毕”', () =>
    act(league, '补充、归集、核实信息完毕'),
  );
  await step('confirmation-notified', '鄂尔多斯市局通知参评单位确认环境信息和预评结果', () =>
    act(league, '通知确认环境信息和预评结果'),
  );

  await actForLeagues(w, OTHERS, ['补充、归集、核实信息完毕', '通知确认环境信息和预评结果']);

  let objectionId = '';
  await step('confirmation', '参评机构查看信用信息和预评结果', async () => {
    await go(filer, '/portal/confirmation');
    await filer.getByRole('table', { name: `${YEAR}年度环境信息（信用信息）明细` }).waitFor();
    return filer;
  });
  await step('objection', '参评机构对一条信息提出异议，附理由和证明材料', async () => {
    await filer
      .getByLabel('证明材料文件（PDF 文件，不超过 10 MB）')
      .setInputFiles({ name: '撤回通报的文件.pdf', mimeType: 'application/pdf', buffer: PDF });
    await filer.getByRole('button', { name: '上传' }).click();
    await filer.waitForLoadState('load');
    await expectText(filer, '证明材料 1');
    const wording = CATALOGUE.find((r) => r.code === RECORD_DISPUTED)!.wording;
    await filer.getByRole('checkbox', { name: wording }).check();
    await filer.getByLabel('异议理由').fill('该通报已由发文部门撤回，附撤回文件。');
    await filer.getByRole('button', { name: '提出异议' }).click();
    await filer.waitForLoadState('load');
    const status = (await filer.getByRole('status').first().textContent()) ?? '';
    objectionId = /异议编号 (\S+?)）/.exec(status)?.[1] ?? '';
    if (!objectionId) throw new Error(`未见异议编号：${status}`);
    await expectText(filer, '有异议（复核中）');
    return filer;
  });

  await step('objection-review', '鄂尔多斯市局复核异议：撤销该条信息并说明理由', async () => {
    await go(league, '/console/objections');
    await go(league, `/console/objections/${encodeURIComponent(objectionId)}`);
    await league.getByLabel('撤销').check();
    await league.getByLabel('复核理由').fill('经核实，该通报已由发文部门撤回，撤销该信用信息。');
    await league.getByRole('button', { name: '提交复核结论' }).click();
    await league.waitForLoadState('load');
    await expectText(league, '复核结果已保存');
    return league;
  });

  await step('objection-result', '参评机构阅读异议复核结果通知书', async () => {
    await go(filer, `/portal/notices/objection-${objectionId}`);
    await expectText(filer, '环保信用评价异议复核结果通知书');
    return filer;
  });

  let warningId = '';
  await step('warning-issued', '鄂尔多斯市局向另一家机构下达信用预警', async () => {
    await go(league, '/console/warnings/new');
    // Not cooperating with the evaluation (Art 21-22 allow a warning for it before any deduction).
    const rule = CATALOGUE.find((r) => r.code === WARNED_RULE && isWarnableRule(r, 'agency'));
    if (!rule) throw new Error(`${WARNED_RULE} 不是可预警的第三方服务机构指标`);
    await league.getByLabel('单位类型').selectOption('agency');
    await league.getByLabel('统一社会信用代码').fill(SILENT.id);
    await league.getByLabel('失信行为（评价指标）').selectOption(rule.code);
    await league.getByLabel('发现（发生）日期').fill('2026-03-31');
    await league
      .getByLabel('发现的问题')
      .fill('未在填报期限内报送2025年度参评资料，经电话催报仍未报送，不配合信用评价工作。');
    await league.getByLabel('整改要求').fill('补报2025年度参评资料，指定专人负责信用评价联络工作，报送整改报告。');
    await league.getByLabel('整改期限（不早于今天）').fill('2026-04-20');
    await league.getByRole('button', { name: '下达信用预警' }).click();
    await league.waitForLoadState('load');
    await expectText(league, '信用预警已下达');
    warningId = decodeURIComponent(new URL(league.url()).pathname.split('/').at(-1)!);
    return league;
  });

  await step('warning-rectified', '被预警的机构报告整改情况并上传证明材料', async () => {
    await go(silent, '/portal/warnings');
    await silent.getByRole('link', { name: `报告整改 ${warningId}` }).click();
    await silent.waitForLoadState('load');
    await silent
      .getByLabel('证明材料文件（PDF 文件，不超过 10 MB）')
      .setInputFiles({ name: '整改报告.pdf', mimeType: 'application/pdf', buffer: PDF });
    await silent.getByRole('button', { name: '上传' }).click();
    await silent.waitForLoadState('load');
    await silent.getByLabel(/^整改完成日期/).fill('2026-04-01');
    await silent.getByLabel('整改情况', { exact: true }).fill('已补报参评资料并指定信用评价联络人，整改报告见附件。');
    await silent.getByRole('button', { name: '提交整改报告' }).click();
    await silent.waitForLoadState('load');
    await expectText(silent, '整改情况已报告');
    return silent;
  });

  await step('warning-confirmed', '鄂尔多斯市局确认整改，不予扣分', async () => {
    await go(league, `/console/warnings/${encodeURIComponent(warningId)}`);
    await league.getByRole('button', { name: '确认整改' }).click();
    await league.waitForLoadState('load');
    await expectText(league, '不予扣分');
    return league;
  });

  // 10 April 2026: the 5 working days for objections (Art 17(3)), to 9 April, have passed.
  await setClock('2026-04-10T01:00:00Z');
  await step('report-sent', '鄂尔多斯市局生成上报名单，将拟定等级报送自治区生态环境厅', async () => {
    // `reportSent` needs a complete report (docs/reports.md): the league prepares it first.
    await go(league, `/console/reports/${YEAR}/agency/${LEAGUE}`);
    await league.getByRole('button', { name: '生成上报名单' }).click();
    await league.waitForLoadState('load');
    await expectText(league, '上报名单已生成');
    return act(league, '报送自治区生态环境厅');
  });

  // The region's stages begin once every league has reported (Art 17(3)-(4)): the other eleven
  // leagues, whose lists are empty here, report through their own officers' pages.
  await actForLeagues(w, OTHERS, [], { report: true });
  await step('all-reported', '十二个盟市均已报送：自治区阶段“信息公示”开始', async () => {
    await go(region, `/console/reports/${YEAR}/agency`);
    await region.getByRole('table', { name: '各盟市上报情况' }).waitFor();
    await go(region, cyclePath);
    await region.getByRole('region', { name: '自治区阶段' }).getByText('信息公示', { exact: true }).first().waitFor();
    return region;
  });

  // Monday 11 May 2026: the region opens publicity (to start by 20 May, Art 17(4)).
  await setClock('2026-05-11T01:00:00Z');
  await publicityToPush(w, {
    kind: 'agency',
    year: YEAR,
    league: LEAGUE,
    region,
    bureau: league,
    commented: { code: FILER.id, name: FILER.name },
    comment: '该机构2025年曾因违反相关规定被生态环境部门约谈，拟定等级是否已考虑该情况？请核实。',
    contact: '赵女士 13900000000',
    finding: '部分属实',
    findingReasons: '经核实，该机构2025年5月12日被约谈属实，已计入评价（扣10分）；未发现其他失信行为。',
    afterPublicity: '2026-05-21T01:00:00Z',
    decisions: [
      {
        code: FILER.id,
        name: FILER.name,
        decision: 'confirm',
        reasons: '公众意见反映的约谈情况已按附件2计分，拟定结果无误，维持。',
      },
    ],
    reader: filer,
    readerCode: FILER.id,
    lookedUp: { code: FILER.id, name: FILER.name },
  });
};

await mainOf(() =>
  process.argv[2] === 'enterprise' ? runEnterpriseWalk() : runWalk('agency', YEAR, 'walkthrough', agencyWalk),
)();
