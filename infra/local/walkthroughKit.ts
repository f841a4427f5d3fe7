import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { type Browser, chromium, type Locator, type Page } from 'playwright-core';
import type { CycleKind } from '../../domain/cycles/definitions.ts';
import { LEAGUE_CODES, type LeagueCode } from '../../domain/identifiers/leagues.ts';
import { usccCheckCharacter } from '../../domain/identifiers/uscc.ts';
import type { CreditPlatform, PushBatch } from '../../functions/ports/creditPlatform.ts';
import { EcocreditError } from '../../functions/shared/errors.ts';
import { sign } from '../../functions/shared/webhookSignature.ts';
import { leagueName } from '../../functions/web/ui/format.ts';
import { generateJwtSecret, generateWebhookSecret, type LocalRuntime, startLocalRuntime } from './runtime.ts';
import { chromiumPath } from './services.ts';

/**
 * The harness of the walk-throughs (`npm run walkthrough`, `npm run walkthrough -- enterprise`): a
 * fresh in-memory local runtime, Chromium driven by role and label, one screenshot per step in
 * docs/screenshots/<prefix>-NN-<step>.png. What is not a page: the local clock (`POST /v1/dev/clock`),
 * the enforcement platform's webhook (records of enterprises arrive from the platforms), and the public
 * credit platform, replaced by a recorder whose batches the run prints.
 */
export const OUT = resolve('docs/screenshots');

export class StepFailed extends EcocreditError {
  override readonly name = 'StepFailed';
}

export type Who =
  | { role: 'region' }
  | { role: 'reviewGroup' }
  | { role: 'league'; league: string }
  | { role: 'agency'; subject: string }
  | { role: 'enterprise'; subject: string };

const ROLE_LABELS: Record<Who['role'], string> = {
  region: '自治区生态环境厅（全区）',
  reviewGroup: '信用评价复核小组',
  league: '盟市生态环境局',
  agency: '环保服务机构',
  enterprise: '企业',
};

/** A code of `league` with a valid check character (GB 32100-2015). */
export const codeIn = (league: string, n: number): string => {
  const body = `91${league}MA${String(n).padStart(7, '0')}`;
  return body + usccCheckCharacter(body);
};

/** A small valid PDF, the evidence a participant attaches. */
export const PDF = Buffer.concat([
  Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n'),
  Buffer.alloc(2048, 0x20),
  Buffer.from('%%EOF\n'),
]);

export const WEBHOOK_SOURCE = 'nmg-enforcement';

export interface Walk {
  readonly rt: LocalRuntime;
  readonly work: string;
  /** Batches the public credit platform received. */
  readonly pushed: PushBatch[];
  step(name: string, what: string, run: () => Promise<Page>): Promise<void>;
  expectText(where: Page | Locator, text: string | RegExp): Promise<void>;
  signIn(who: Who, name: string): Promise<Page>;
  anonymous(): Promise<Page>;
  /** Closes a signed-in page for good. */
  leave(page: Page): Promise<void>;
  setClock(now: string): Promise<void>;
  go(page: Page, path: string): Promise<Page>;
  /** Records an act on the cycle page, in the section of `league` (or the region's, `null`). */
  act(page: Page, league: string | null, name: string): Promise<Page>;
  /** The league's report page: 生成上报名单. */
  prepareReport(page: Page, league: string): Promise<Page>;
  /** A record from the enforcement platform through the signed webhook (the way records arrive). */
  postRecord(record: Record<string, unknown>): Promise<void>;
  /** Waits until `check` is true, reloading `path`; fails naming `what` after 60 tries. */
  until(page: Page, path: string, what: string, check: () => Promise<boolean>): Promise<Page>;
  readonly steps: () => number;
}

export const runWalk = async (
  kind: CycleKind,
  year: number,
  prefix: string,
  body: (w: Walk) => Promise<void>,
): Promise<void> => {
  // Quiet: warnings and errors only, so that the steps stand out (LOG_LEVEL=INFO shows every message).
  process.env.LOG_LEVEL ??= 'WARN';
  mkdirSync(OUT, { recursive: true });
  // Last run's pictures go, so that a renumbered step leaves none behind.
  const mine = new RegExp(`^${prefix}-\\d\\d-.*\\.png$`);
  for (const f of readdirSync(OUT)) if (mine.test(f)) rmSync(join(OUT, f));
  const work = mkdtempSync(join(tmpdir(), `ecocredit-${prefix}-`));
  const pushed: PushBatch[] = [];
  const platform: CreditPlatform = {
    push: async (batch) => {
      pushed.push(batch);
      console.log(
        `    公共信用信息平台收到推送批次 ${batch.batchId}：${batch.year}年度${batch.entries.length}条（${batch.entries
          .map((e) => `${e.name} ${e.grade}级`)
          .join('，')}）`,
      );
    },
  };
  const webhookSecret = generateWebhookSecret();
  const rt = await startLocalRuntime({
    dataDir: ':memory:',
    port: 0,
    webhookSecrets: new Map([[WEBHOOK_SOURCE, webhookSecret]]),
    jwtSecret: generateJwtSecret(),
    poll: true,
    creditPlatform: platform,
  });
  const browser: Browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-sync'],
  });
  let n = 0;
  let lastPage: Page | null = null;
  const shot = async (page: Page, name: string) => {
    n += 1;
    const file = `${prefix}-${String(n).padStart(2, '0')}-${name}.png`;
    await page.screenshot({ path: join(OUT, file), fullPage: true });
    return file;
  };
  const step: Walk['step'] = async (name, what, run) => {
    let page: Page;
    try {
      page = await run();
    } catch (err) {
      const seen = lastPage
        ? `\n当时的页面 ${lastPage.url()}：\n${(
            (await lastPage
              .locator('main')
              .textContent()
              .catch(() => '')) ?? ''
          ).slice(0, 1500)}`
        : '';
      throw new StepFailed(`第 ${n + 1} 步（${what}）失败：${err instanceof Error ? err.message : String(err)}${seen}`);
    }
    const file = await shot(page, name);
    console.log(`${String(n).padStart(2, '0')}  ${what}  →  docs/screenshots/${file}`);
  };
  const expectText: Walk['expectText'] = async (where, text) => {
    const found = where.getByText(text).first();
    await found.waitFor({ timeout: 10_000 }).catch(() => {
      throw new Error(`页面上没有“${String(text)}”`);
    });
  };

  /** Everyone signed in so far: a session lasts hours of the runtime's clock, so moving it signs people in again. */
  const people = new Map<Page, { who: Who; name: string }>();
  const enter = async (page: Page, who: Who, name: string) => {
    await page.goto(`${rt.url}/auth/dev`);
    await page.getByLabel(ROLE_LABELS[who.role], { exact: true }).check();
    if (who.role === 'league') await page.getByLabel('所属盟市（盟市生态环境局）').selectOption(who.league);
    if (who.role === 'agency' || who.role === 'enterprise')
      await page.getByLabel('统一社会信用代码（企业、环保服务机构）').fill(who.subject);
    await page.getByLabel('姓名').fill(name);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForLoadState('load');
  };
  const newPage = async () => {
    const context = await browser.newContext({
      locale: 'zh-CN',
      viewport: { width: 1200, height: 900 },
      acceptDownloads: true,
    });
    const page = await context.newPage();
    page.on('dialog', (d) => void d.accept());
    return page;
  };
  const signIn: Walk['signIn'] = async (who, name) => {
    const page = await newPage();
    await enter(page, who, name);
    people.set(page, { who, name });
    return page;
  };
  /** Moves the local clock (the only call that is not a page) and lets the deadlines due by then fire. */
  const setClock: Walk['setClock'] = async (now) => {
    const r = await fetch(`${rt.url}/v1/dev/clock`, { method: 'POST', body: JSON.stringify({ now }) });
    if (r.status !== 200) throw new StepFailed(`调整本地时钟失败：${r.status} ${await r.text()}`);
    const moved = (await r.json()) as { now: string; settled: boolean };
    console.log(`    本地时钟调至 ${moved.now}`);
    for (const [page, p] of people) await enter(page, p.who, p.name);
  };
  const go: Walk['go'] = async (page, path) => {
    lastPage = page;
    const res = await page.goto(`${rt.url}${path}`);
    if (!res || res.status() >= 400)
      throw new Error(`${path} 返回 ${res?.status()}：${await page.locator('main').textContent()}`);
    return page;
  };
  const cyclePath = `/console/cycles/${year}/${kind}`;
  const act: Walk['act'] = async (page, league, name) => {
    await go(page, cyclePath);
    const section =
      league === null
        ? page.getByRole('region', { name: '自治区阶段' })
        : page.getByRole('region', { name: leagueName(league), exact: true });
    await section.getByRole('button', { name }).click();
    await page.waitForLoadState('load');
    const alert = page.getByRole('alert');
    if ((await alert.count()) > 0) throw new Error((await alert.first().textContent()) ?? `“${name}”未能记录`);
    await expectText(page, `已记录“${name}”`);
    return page;
  };
  const prepareReport: Walk['prepareReport'] = async (page, league) => {
    await go(page, `/console/reports/${year}/${kind}/${league}`);
    await page.getByRole('button', { name: '生成上报名单' }).click();
    await page.waitForLoadState('load');
    await expectText(page, '上报名单已生成');
    return page;
  };
  const postRecord: Walk['postRecord'] = async (record) => {
    const raw = JSON.stringify({ type: 'record.created', record });
    const id = `msg_${String(record.eventId)}`;
    const ts = Math.floor(rt.clock.now().getTime() / 1000);
    const res = await fetch(`${rt.url}/v1/webhooks/${WEBHOOK_SOURCE}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'webhook-id': id,
        'webhook-timestamp': String(ts),
        'webhook-signature': sign(webhookSecret, id, ts, raw),
      },
      body: raw,
    });
    if (res.status >= 300) throw new Error(`执法平台推送记录失败：${res.status} ${await res.text()}`);
  };
  const until: Walk['until'] = async (page, path, what, check) => {
    for (let tries = 0; ; tries++) {
      await go(page, path);
      if (await check()) return page;
      if (tries === 60) throw new Error(`${what}：60秒内未完成`);
      await page.waitForTimeout(1000);
    }
  };
  const anonymous = async () => newPage();
  const leave = async (page: Page) => {
    people.delete(page);
    await page.context().close();
  };

  try {
    await body({
      rt,
      work,
      pushed,
      step,
      expectText,
      signIn,
      anonymous,
      leave,
      setClock,
      go,
      act,
      prepareReport,
      postRecord,
      until,
      steps: () => n,
    });
    console.log(`完成：共 ${n} 步，截图在 docs/screenshots/${prefix}-*.png`);
  } finally {
    await browser.close();
    await rt.stop();
    rmSync(work, { recursive: true, force: true });
  }
};

/** The leagues other than the walk-through's: each runs its own part of the cycle (their lists are empty here). */
export const otherLeagues = (league: string): LeagueCode[] => LEAGUE_CODES.filter((l) => l !== league);

/**
 * The other leagues' acts, done by each league's own officer on the cycle page: the region's stages
 * begin only when every league has reported (Art 16(2), 17(3)). Not photographed.
 */
export const actForLeagues = async (
  w: Walk,
  leagues: readonly LeagueCode[],
  acts: readonly string[],
  opts: { report?: boolean } = {},
): Promise<void> => {
  for (const l of leagues) {
    const page = await w.signIn({ role: 'league', league: l }, `${leagueName(l)}局评价专员`);
    for (const a of acts) await w.act(page, l, a);
    if (opts.report) {
      await w.prepareReport(page, l);
      await w.act(page, l, '报送自治区生态环境厅');
    }
    await w.leave(page);
  }
  console.log(
    `    其他${leagues.length}个盟市已记录：${[...acts, ...(opts.report ? ['生成上报名单', '报送自治区生态环境厅'] : [])].join('、')}`,
  );
};

/** The region opens the year's cycle of a kind on the console (Art 16(1), 17(1)), photographed. */
export const openCycle = (w: Walk, region: Page, kind: CycleKind, year: number, league: string, what: string) =>
  w.step('open-cycle', what, async () => {
    await w.go(region, '/console');
    await region.getByLabel('评价对象类型').selectOption(kind);
    await region.getByLabel('评价年度').fill(String(year));
    await region.getByRole('button', { name: '开启评价周期' }).click();
    await region.waitForLoadState('load');
    await region.getByRole('heading', { level: 2, name: leagueName(league) }).waitFor();
    return region;
  });

/**
 * The league downloads the import template of its list page, fills in `rows` and imports it
 * (Art 16(1), 17(1)), photographed; the import must add every row.
 */
export const importList = (
  w: Walk,
  league: Page,
  listPath: string,
  rows: readonly (readonly string[])[],
  what: string,
) =>
  w.step('import-list', what, async () => {
    await w.go(league, listPath);
    const [download] = await Promise.all([
      league.waitForEvent('download'),
      league.getByRole('link', { name: '下载导入模板' }).click(),
    ]);
    const template = join(w.work, 'template.xlsx');
    await download.saveAs(template);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(template);
    const sheet = book.worksheets[0]!;
    for (const row of rows) sheet.addRow([...row]);
    const filled = join(w.work, 'participants.xlsx');
    await book.xlsx.writeFile(filled);
    await league.getByLabel('名单文件（.xlsx，按导入模板填写）').setInputFiles(filled);
    await league.getByRole('button', { name: '导入', exact: true }).click();
    await league.waitForLoadState('load');
    await w.expectText(league, `导入完成：新增 ${rows.length}`);
    return league;
  });

/**
 * The participant's own part of Art 20 on the portal, photographed: it reads its participants'
 * notice, files its basic information (`fill` completes the form) and its head signs the credit
 * commitment letter (Annex 5).
 */
export const fileAndCommit = async (
  w: Walk,
  filer: Page,
  p: {
    readonly year: number;
    readonly read: string;
    readonly filed: string;
    readonly signed: string;
    readonly signer: string;
    readonly title: string;
  },
  fill: (page: Page) => Promise<void>,
): Promise<void> => {
  await w.step('participants-notice', p.read, async () => {
    await w.go(filer, '/portal/notices');
    await filer.getByRole('link', { name: `关于参加${p.year}年度环保信用评价的通知` }).click();
    await filer.waitForLoadState('load');
    await w.expectText(filer, /请于\d{4}年\d+月\d+日前/);
    return filer;
  });
  await w.step('filing', p.filed, async () => {
    await w.go(filer, '/portal/filing');
    await fill(filer);
    await filer.getByRole('button', { name: '提交填报' }).click();
    await filer.waitForLoadState('load');
    await w.expectText(filer, '已按时填报');
    return filer;
  });
  await w.step('commitment', p.signed, async () => {
    await w.go(filer, '/portal/filing');
    await filer.getByRole('link', { name: '签署信用承诺书' }).first().click();
    await filer.waitForLoadState('load');
    await filer.getByLabel('法定代表人或主要负责人姓名').fill(p.signer);
    await filer.getByLabel('职务', { exact: true }).fill(p.title);
    await filer.getByLabel('本单位已阅读并承诺遵守上述承诺内容').check();
    await filer.getByRole('button', { name: '签署信用承诺书' }).click();
    await filer.waitForLoadState('load');
    await w.expectText(filer, '信用承诺书已签署');
    return filer;
  });
};

export const mainOf = (run: () => Promise<void>) => async () => {
  try {
    await run();
  } catch (err) {
    console.error(err instanceof StepFailed ? err.message : err);
    process.exit(1);
  }
};

export interface ReviewDecision {
  readonly code: string;
  readonly name: string;
  /** 维持, or 变更 revoking the records of these catalogue wordings. */
  readonly decision: 'confirm' | 'change';
  readonly revoke?: readonly string[];
  readonly reasons: string;
}

export interface TailPlan {
  readonly kind: 'enterprise' | 'agency';
  readonly year: number;
  readonly league: string;
  readonly region: Page;
  readonly bureau: Page;
  /** The entry a member of the public comments on. */
  readonly commented: { readonly code: string; readonly name: string };
  readonly comment: string;
  readonly contact: string;
  readonly finding: '情况属实' | '部分属实' | '情况不属实';
  readonly findingReasons: string;
  /** An instant after the 7 working days of publicity (Art 16(3), 17(4)). */
  readonly afterPublicity: string;
  readonly decisions: readonly ReviewDecision[];
  /** The participant who reads its results notice, and the one looked up by the public. */
  readonly reader: Page;
  readonly readerCode: string;
  readonly lookedUp: { readonly code: string; readonly name: string };
}

/**
 * From the region's “开始公示” to the push: publicity, a public comment, the window closing by itself,
 * the league's investigation, the review group's decisions, 复核审定, publication, the results notice,
 * the public lookup and the public credit platform's batch (Art 16(3)-(6), 17(4)-(8), Art 8).
 */
export const publicityToPush = async (w: Walk, p: TailPlan): Promise<void> => {
  const { kind, year } = p;
  const cyclePath = `/console/cycles/${year}/${kind}`;
  const regionSection = (page: Page) => page.getByRole('region', { name: '自治区阶段' });

  await w.step('publicity-opened', '自治区生态环境厅“开始公示”：拟定等级公示7个工作日', async () => {
    await w.act(p.region, null, '开始公示');
    await regionSection(p.region).getByRole('table', { name: '自治区的期限' }).waitFor();
    return p.region;
  });

  const citizen = await w.anonymous();
  await w.step('publicity-list', '公众（无需登录）在门户网站“评价结果公示”查看拟定等级', async () => {
    await w.go(citizen, '/');
    await citizen.getByRole('navigation').getByRole('link', { name: '评价结果公示' }).click();
    await citizen.waitForLoadState('load');
    await citizen
      .getByRole('link', { name: new RegExp(`^${year}年度.*拟定等级公示$`) })
      .first()
      .click();
    await citizen.waitForLoadState('load');
    await w.expectText(citizen, p.commented.name);
    return citizen;
  });

  await w.step('public-comment', '公众对一条拟定等级提出意见（联系方式仅供核实，不公开）', async () => {
    await citizen.getByRole('link', { name: `对${p.commented.name}提出意见` }).click();
    await citizen.waitForLoadState('load');
    await citizen.getByLabel(/意见内容/).fill(p.comment);
    await citizen.getByLabel(/联系方式/).fill(p.contact);
    // The form refuses what is sent less than 3 seconds after it was shown (docs/publicity.md).
    await citizen.waitForTimeout(3500);
    await citizen.getByRole('button', { name: '提交意见' }).click();
    await citizen.waitForLoadState('load');
    await w.expectText(citizen, '感谢您提出意见');
    return citizen;
  });

  await w.setClock(p.afterPublicity);
  await w.step('publicity-closed', '公示期（7个工作日）届满，周期自动进入“复核审定”', async () => {
    await w.go(p.region, cyclePath);
    await regionSection(p.region).getByText('复核审定', { exact: true }).first().waitFor({ timeout: 10_000 });
    return p.region;
  });

  await w.step('comment-investigated', '盟市生态环境局调查核实公众意见，记录结果和理由', async () => {
    await w.go(p.bureau, '/console/comments');
    await w.go(p.bureau, `/console/comments/${year}/${kind}`);
    await w.expectText(p.bureau, p.comment);
    await p.bureau.getByLabel(p.finding, { exact: true }).check();
    await p.bureau.getByLabel('调查核实情况及理由').fill(p.findingReasons);
    await p.bureau.getByRole('button', { name: '记录调查核实结果' }).click();
    await p.bureau.waitForLoadState('load');
    await w.expectText(p.bureau, `${p.finding}：`);
    return p.bureau;
  });

  const group = await w.signIn({ role: 'reviewGroup' }, '复核小组成员');
  await w.step('review-items', '信用评价复核小组查看复核事项（拟评D级、拟列入黑名单、有异议）', async () => {
    await w.go(group, '/console/review');
    await w.go(group, `/console/review/${year}/${kind}`);
    await w.expectText(group, `未决定 ${p.decisions.length} 项`);
    return group;
  });

  for (const d of p.decisions) {
    const what =
      d.decision === 'confirm'
        ? `复核小组对${d.name}作出复核决定：维持拟定结果`
        : `复核小组对${d.name}作出复核决定：变更（撤销或更正信用信息，重新评价）`;
    await w.step(d.decision === 'confirm' ? 'review-confirm' : 'review-change', what, async () => {
      await w.go(group, `/console/review/${year}/${kind}/${d.code}`);
      await group
        .getByLabel(d.decision === 'confirm' ? '维持（维持拟定结果）' : '变更（撤销或更正信用信息，重新评价）')
        .check();
      for (const wording of d.revoke ?? [])
        await group
          .getByRole('checkbox', { name: new RegExp(`^撤销 .*：${wording.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) })
          .check();
      await group.getByLabel('复核理由').fill(d.reasons);
      await group.getByRole('button', { name: '提交复核决定' }).click();
      await group.waitForLoadState('load');
      const alert = group.getByRole('alert');
      if ((await alert.count()) > 0) throw new Error((await alert.first().textContent()) ?? '复核决定未记录');
      await w.expectText(group, '复核决定已记录');
      return group;
    });
  }
  // A change revokes records: the record queue applies it and the score follows before the freeze.
  await p.region.waitForTimeout(3000);

  await w.step('review-confirmed', '自治区生态环境厅记录“复核审定完毕”：年度最终结果冻结', async () => {
    await w.go(p.region, `/console/review/${year}/${kind}`);
    await w.expectText(p.region, '未决定 0 项');
    return w.act(p.region, null, '复核审定完毕');
  });
  // The final results are frozen in batches through the rescore queue.
  await p.region.waitForTimeout(5000);

  await w.step('published', '自治区生态环境厅“公布评价结果”：公布冻结的最终结果', async () => {
    await w.act(p.region, null, '公布评价结果');
    return p.region;
  });

  await w.step('results-notice', '参评单位在“我的通知”中阅读评价结果通知', async () => {
    const title = `${year}年度环保信用评价结果通知`;
    await w.until(
      p.reader,
      '/portal/notices',
      '评价结果通知',
      async () => (await p.reader.getByRole('link', { name: title }).count()) > 0,
    );
    await p.reader.getByRole('link', { name: title }).first().click();
    await p.reader.waitForLoadState('load');
    await w.expectText(p.reader, /评分[\d.]+分，[ABCD]级/);
    return p.reader;
  });

  await w.step('public-lookup', '公众在门户网站按统一社会信用代码查询已公布的评价结果', async () => {
    await w.go(citizen, '/');
    await citizen.getByLabel('企业或机构名称、统一社会信用代码').fill(p.lookedUp.code);
    await citizen.getByRole('button', { name: '查询' }).click();
    await citizen.waitForLoadState('load');
    await w.expectText(citizen, p.lookedUp.name);
    await w.expectText(citizen, `${year}`);
    return citizen;
  });

  await w.step(
    'pushed',
    '评价结果推送至公共信用信息平台；平台确认接收后自治区记录“公共信用信息平台确认接收”',
    async () => {
      for (let tries = 0; w.pushed.length === 0; tries++) {
        if (tries === 60) throw new Error('60秒内没有推送批次到达公共信用信息平台');
        await p.region.waitForTimeout(1000);
      }
      await w.act(p.region, null, '公共信用信息平台确认接收');
      await regionSection(p.region).getByText('信息推送', { exact: true }).first().waitFor({ timeout: 10_000 });
      return p.region;
    },
  );
};
