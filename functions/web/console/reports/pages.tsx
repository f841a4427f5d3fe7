import { ACT_NAMES, STAGE_NAMES } from '../../../../domain/cycles/definitions.ts';
import { DISPUTED_TEXT, GRADE_DEPENDS_TEXT } from '../../../../domain/objections/objection.ts';
import {
  FINDING_NAMES,
  type Finding,
  latestFindings,
  MAX_FINDING_REASONS_LENGTH,
  MAX_SHARE_PERCENT,
  MIN_SHARE_PERCENT,
} from '../../../../domain/reports/qualityCheck.ts';
import { isDisputed, type ReportEntry } from '../../../../domain/reports/reportEntry.ts';
import type { InputIssue } from '../../../../domain/validation.ts';
import type { ReportAudit, ReportHead } from '../../../ports/leagueReports.ts';
import type { ReportView } from '../../../reports/readReport.ts';
import type { LeagueReportRow } from '../../../reports/reportOverview.ts';
import type { WebDeps } from '../../deps.ts';
import { redirect, type WebResponse } from '../../http/response.ts';
import type { PageContext } from '../../router.ts';
import { chineseDate, chineseDateTime, kindName, leagueName, scoreText } from '../../ui/format.ts';
import { CsrfField } from '../../ui/layout.tsx';
import { Plate } from '../../ui/plate.tsx';
import { ErrorNotice, RefusalMessage } from '../../ui/refusal.tsx';
import { cycleOfParams, overviewPath, reportPath, reportRefOf } from './paths.ts';

type Ctx = PageContext<WebDeps>;

const TITLE = '上报名单';
const STATUS_NAMES: Record<ReportHead['status'], string> = {
  preparing: '生成中',
  complete: '已生成，未报送',
  sent: '已报送',
};
const FIELDS: Readonly<Record<string, string>> = {
  sharePercent: '抽查比例（%）',
  seed: '随机种子',
  code: '抽查条目',
  outcome: '抽查意见',
  reasons: '理由',
};

export const reportTitle = (v: Pick<ReportView, 'ref'>) =>
  `${v.ref.year}年度${kindName(v.ref.kind)}上报名单（${leagueName(v.ref.league)}）`;

/** The score in tenths as the regulation writes points (one decimal at most, I2). */
export const entryScore = (e: Pick<ReportEntry, 'score'>): string => (e.score === null ? '—' : scoreText(e.score / 10));

/** The disputed mark of an entry: 有异议（复核中）, and whether the proposed grade depends on it. */
export const disputedText = (e: ReportEntry): string =>
  [isDisputed(e) ? DISPUTED_TEXT : '', e.gradeDependsOnDispute ? GRADE_DEPENDS_TEXT : ''].filter(Boolean).join('；');

const EntryGrade = ({ e }: { e: ReportEntry }) =>
  e.kind === 'practitioner' ? <span>{e.gradeName ?? '—'}</span> : <Plate grade={e.grade} />;

const EntriesTable = ({
  entries,
  findings,
}: {
  entries: readonly ReportEntry[];
  findings: ReadonlyMap<string, Finding>;
}) => (
  <div class="table-wrap">
    <table aria-labelledby="report-entries">
      <thead>
        <tr>
          <th scope="col">统一社会信用代码（身份证号）</th>
          <th scope="col">名称</th>
          <th scope="col">评价对象类别</th>
          <th scope="col">拟定得分</th>
          <th scope="col">拟定等级</th>
          <th scope="col">直接评为D级</th>
          <th scope="col">拟列入黑名单</th>
          <th scope="col">异议</th>
          <th scope="col">抽查意见</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((e) => {
          const f = findings.get(e.code);
          return (
            <tr>
              <td>{e.kind === 'practitioner' ? e.name : e.code}</td>
              <td>{e.kind === 'practitioner' ? '（从业人员）' : e.name}</td>
              <td>{kindName(e.kind)}</td>
              <td class="num">{entryScore(e)}</td>
              <td>
                <EntryGrade e={e} />
              </td>
              <td>{e.directD ? `是（${e.directD.articleName}）` : '否'}</td>
              <td>{e.blacklistProposed ? '是' : '否'}</td>
              <td>{disputedText(e) || '—'}</td>
              <td>
                {f ? `${FINDING_NAMES[f.outcome]}（第${f.reportVersion}版）${f.reasons ? `：${f.reasons}` : ''}` : '—'}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  </div>
);

/** One line of the report's 操作记录, in Chinese. */
export const auditText = (a: ReportAudit): string => {
  const w = a.what as {
    version?: number;
    participants?: number;
    entries?: number;
    sharePercent?: number;
    seed?: number;
    codes?: string[];
    code?: string;
    reasons?: string;
  };
  switch (a.action) {
    case 'report.prepared':
      return `开始生成上报名单第${w.version}版（参评名单 ${w.participants} 家）`;
    case 'report.completed':
      return `上报名单第${w.version}版生成完毕（${w.entries} 条）`;
    case 'report.sent':
      return `报送上报名单第${w.version}版`;
    case 'report.resent':
      return `重新上报上报名单第${w.version}版`;
    case 'report.sampled':
      return `抽样：抽查比例 ${w.sharePercent}%，随机种子 ${w.seed}，从第${w.version}版抽取 ${(w.codes ?? []).join('、') || '（无）'}`;
    case 'report.finding.agreed':
      return `抽查意见：${w.code} 同意（第${w.version}版）${w.reasons ? `：${w.reasons}` : ''}`;
    case 'report.finding.returned':
      return `抽查意见：${w.code} 退回（第${w.version}版）：${w.reasons ?? ''}`;
    default:
      return a.action;
  }
};

const Problem = ({ problem }: { problem: string | readonly InputIssue[] | null }) =>
  problem === null ? null : typeof problem === 'string' ? (
    <ErrorNotice text={problem} />
  ) : (
    <RefusalMessage
      refusal={{ status: 'invalid', issues: problem.map((i) => ({ ...i, path: FIELDS[i.path] ?? i.path })) }}
    />
  );

const reportPage = async (
  ctx: Ctx,
  problem: string | readonly InputIssue[] | null = null,
  status = 200,
): Promise<WebResponse> => {
  const ref = reportRefOf(ctx.params);
  if (!ref) return ctx.refuse({ status: 'notFound' }, TITLE);
  const v = ctx.req.query.version;
  const out = await ctx.deps.console.leagueReports.read.execute(
    ctx.caller,
    ref,
    v && /^\d{1,4}$/.test(v) ? Number(v) : undefined,
  );
  if (out.status !== 'ok') return ctx.refuse(out, TITLE);
  const r = out.value;
  const region = ctx.session?.claims.role === 'region';
  const league = ctx.session?.claims.role === 'league' || region;
  const head = r.shown;
  const latest = r.versions.at(-1) ?? null;
  const findings = r.check ? latestFindings(r.check) : new Map<string, Finding>();
  const inReporting = r.stage === r.reportingStage;
  const canPrepare = league && (latest?.status === 'preparing' || (r.lastSent ? r.awaitingReReport : inReporting));
  const canSend = league && latest?.status === 'complete' && (r.lastSent ? r.awaitingReReport : inReporting);
  const returned = r.check ? [...findings.values()].filter((f) => f.outcome === 'returned') : [];
  const done = ctx.req.query.done;
  return ctx.render(
    reportTitle(r),
    <>
      <p>
        依据《内蒙古自治区环保信用评价管理办法》第十六条第二项、第十七条第三项、第十八条第四项，盟市生态环境局拟定环保信用等级，于每年4月30日前报送至自治区生态环境厅；自治区生态环境厅组织开展质量抽查（第八条）。
      </p>
      <p>
        当前阶段：{r.stage ? `“${STAGE_NAMES[r.stage]}”` : '盟市阶段已完成'}。{' '}
        {region ? <a href={overviewPath(ref.year, ref.kind)}>返回各盟市上报情况</a> : null}
      </p>
      {done === 'prepared' ? (
        <p class="notice ok" role="status">
          上报名单已生成。
        </p>
      ) : null}
      {done === 'sent' ? (
        <p class="notice ok" role="status">
          上报名单已报送。
        </p>
      ) : null}
      {done === 'sampled' ? (
        <p class="notice ok" role="status">
          已按随机种子抽样。
        </p>
      ) : null}
      {done === 'finding' ? (
        <p class="notice ok" role="status">
          抽查意见已记录。
        </p>
      ) : null}
      <Problem problem={problem} />
      <h2 id="report-status">上报名单状态</h2>
      {head === null ? (
        <p class="notice">尚未生成上报名单。</p>
      ) : (
        <dl>
          <dt>版本</dt>
          <dd>
            第{head.version}版（共{r.versions.length}版）
          </dd>
          <dt>状态</dt>
          <dd>{STATUS_NAMES[head.status]}</dd>
          <dt>评价基准日</dt>
          <dd>{chineseDate(head.preparedOn)}</dd>
          <dt>条目数</dt>
          <dd>
            {r.entries.length} / {head.participants}
          </dd>
          {head.sentOn ? (
            <>
              <dt>报送日期</dt>
              <dd>{chineseDate(head.sentOn)}</dd>
            </>
          ) : null}
        </dl>
      )}
      {r.versions.length > 1 ? (
        <nav aria-label="上报名单版本">
          {r.versions.map((x) => (
            <a class="tag" href={`${reportPath(ref)}?version=${x.version}`}>
              第{x.version}版（{STATUS_NAMES[x.status]}）
            </a>
          ))}
        </nav>
      ) : null}
      {r.awaitingReReport ? (
        <div class="notice error" role="alert">
          <p>质量抽查退回以下条目，请核实、更正信用信息后重新生成并重新上报：</p>
          <ul>
            {returned
              .filter((f) => r.blockers.some((b) => b.type === 'returned' && b.code === f.code))
              .map((f) => (
                <li>
                  {f.code}：{f.reasons}
                </li>
              ))}
          </ul>
        </div>
      ) : null}
      {canPrepare || canSend ? (
        <div class="actions">
          {canPrepare ? (
            <form method="post" action={`${reportPath(ref)}/prepare`}>
              <CsrfField token={ctx.csrf} />
              <button type="submit">{latest?.status === 'preparing' ? '继续生成' : '生成上报名单'}</button>
            </form>
          ) : null}
          {canSend ? (
            <form
              method="post"
              action={`${reportPath(ref)}/send`}
              data-confirm={`报送后上报名单第${latest!.version}版不可更改。确定报送？`}
            >
              <CsrfField token={ctx.csrf} />
              <button type="submit">{r.lastSent ? '重新上报' : `报送上报名单（${ACT_NAMES.reportSent}）`}</button>
            </form>
          ) : null}
        </div>
      ) : null}
      {head ? (
        <p>
          <a class="button secondary" href={`/exports${reportPath(ref)}?version=${head.version}`}>
            导出 Excel
          </a>
        </p>
      ) : null}
      <h2 id="report-entries">上报条目</h2>
      {r.entries.length === 0 ? (
        <p class="notice">没有条目。</p>
      ) : (
        <EntriesTable entries={r.entries} findings={findings} />
      )}
      <h2 id="quality-check">质量抽查</h2>
      {r.check ? (
        <p>
          {chineseDate(r.check.sampledOn)}按抽查比例 {r.check.sharePercent}%、随机种子 {r.check.seed} 从第
          {r.check.sampledVersion}版抽取 {r.check.codes.length} 条：{r.check.codes.join('、') || '（无）'}。
        </p>
      ) : (
        <p>尚未抽查。</p>
      )}
      {region && r.lastSent && (!r.check || r.check.findings.length === 0) ? (
        <form method="post" action={`${reportPath(ref)}/sample`} class="filters">
          <CsrfField token={ctx.csrf} />
          <div>
            <label for="sharePercent">抽查比例（%）</label>
            <input
              id="sharePercent"
              name="sharePercent"
              type="number"
              min={String(MIN_SHARE_PERCENT)}
              max={String(MAX_SHARE_PERCENT)}
              step="1"
              value={String(r.check?.sharePercent ?? 10)}
              required
            />
          </div>
          <div>
            <label for="seed">随机种子（留空由系统生成）</label>
            <input id="seed" name="seed" type="number" min="0" step="1" value={r.check ? String(r.check.seed) : ''} />
          </div>
          <button type="submit">{r.check ? '重新抽样' : '抽样'}</button>
        </form>
      ) : null}
      {region && r.check && r.lastSent
        ? r.check.codes
            .filter((c) => {
              // A finding is asked for a drawn entry without one, or returned and since reported again.
              const f = findings.get(c);
              return !f || (f.outcome === 'returned' && f.reportVersion < r.lastSent!.version);
            })
            .map((code) => (
              <form method="post" action={`${reportPath(ref)}/findings`} aria-label={`抽查意见：${code}`}>
                <CsrfField token={ctx.csrf} />
                <input type="hidden" name="code" value={code} />
                <fieldset>
                  <legend>抽查意见：{code}</legend>
                  <input type="radio" id={`agreed-${code}`} name="outcome" value="agreed" required />
                  <label for={`agreed-${code}`}>同意</label>
                  <input type="radio" id={`returned-${code}`} name="outcome" value="returned" />
                  <label for={`returned-${code}`}>退回</label>
                  <label for={`reasons-${code}`}>理由（退回时必填）</label>
                  <textarea id={`reasons-${code}`} name="reasons" maxlength={MAX_FINDING_REASONS_LENGTH} />
                </fieldset>
                <button type="submit">记录抽查意见</button>
              </form>
            ))
        : null}
      {r.audit.length > 0 ? (
        <>
          <h2 id="report-audit">操作记录</h2>
          <ul aria-labelledby="report-audit">
            {r.audit.map((a) => (
              <li>
                {chineseDateTime(a.at)} {a.actor} {auditText(a)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>,
    status,
  );
};

/** `GET /console/reports/{year}/{kind}/{league}`: a league's report, its versions and its quality check. */
export const leagueReportPage = (ctx: Ctx) => reportPage(ctx);

const after = (ctx: Ctx, done: string) => redirect(`${reportPath(reportRefOf(ctx.params)!)}?done=${done}`);

const answer = async (
  ctx: Ctx,
  out: { status: string; message?: string; issues?: readonly InputIssue[] },
  done: string,
): Promise<WebResponse> => {
  if (out.status === 'ok') return after(ctx, done);
  if (out.status === 'conflict') return reportPage(ctx, out.message!, 409);
  if (out.status === 'invalid') return reportPage(ctx, out.issues!, 400);
  return ctx.refuse(out as never, TITLE);
};

/** `POST …/prepare`: “生成上报名单” (or “继续生成” a big list). */
export const postPrepare = async (ctx: Ctx) => {
  const ref = reportRefOf(ctx.params);
  if (!ref) return ctx.refuse({ status: 'notFound' }, TITLE);
  return answer(ctx, await ctx.deps.console.leagueReports.prepare.execute(ctx.caller, ref), 'prepared');
};

/** `POST …/send`: “报送上报名单” (the act `reportSent`), or “重新上报” after a return. */
export const postSend = async (ctx: Ctx) => {
  const ref = reportRefOf(ctx.params);
  if (!ref) return ctx.refuse({ status: 'notFound' }, TITLE);
  return answer(ctx, await ctx.deps.console.leagueReports.send.execute(ctx.caller, ref), 'sent');
};

/** `POST …/sample`: the region draws the entries to check, with a recorded seed. */
export const postSample = async (ctx: Ctx) => {
  const ref = reportRefOf(ctx.params);
  if (!ref) return ctx.refuse({ status: 'notFound' }, TITLE);
  const input = { sharePercent: ctx.req.form.sharePercent, seed: ctx.req.form.seed };
  return answer(ctx, await ctx.deps.console.leagueReports.checks.sample(ctx.caller, ref, input), 'sampled');
};

/** `POST …/findings`: 同意 or 退回 (with reasons) for a drawn entry. */
export const postFinding = async (ctx: Ctx) => {
  const ref = reportRefOf(ctx.params);
  if (!ref) return ctx.refuse({ status: 'notFound' }, TITLE);
  const input = {
    code: ctx.req.form.code,
    outcome: ctx.req.form.outcome,
    reasons: (ctx.req.form.reasons ?? '').replaceAll('\r\n', '\n'),
  };
  return answer(ctx, await ctx.deps.console.leagueReports.checks.finding(ctx.caller, ref, input), 'finding');
};

/** A league's row's status on the overview (and its workbook). */
export const overviewStatus = (r: LeagueReportRow): string =>
  r.late
    ? '逾期未报送'
    : r.lastSent
      ? `已报送（第${r.lastSent.version}版）`
      : r.latest
        ? STATUS_NAMES[r.latest.status]
        : '未生成';

/** The quality check's state of a league's report. */
export const checkText = (r: LeagueReportRow): string =>
  r.sampled === null
    ? '未抽查'
    : `抽取${r.sampled}条：同意${r.agreed}，退回待重新上报${r.returned}，待填写意见${r.open}`;

/** `GET /console/reports/{year}/{kind}`: each league's report — sent when, how many, which grades, or late. */
export const overviewPage = async (ctx: Ctx) => {
  const of = cycleOfParams(ctx.params);
  if (!of) return ctx.refuse({ status: 'notFound' }, TITLE);
  const out = await ctx.deps.console.leagueReports.overview.execute(ctx.caller, of);
  if (out.status !== 'ok') return ctx.refuse(out, TITLE);
  const v = out.value;
  return ctx.render(
    `${v.year}年度${kindName(v.kind)}各盟市上报名单`,
    <>
      <p>
        <a class="button secondary" href={`/exports${overviewPath(v.year, v.kind)}`}>
          导出 Excel
        </a>
      </p>
      <div class="table-wrap">
        <table aria-label="各盟市上报情况">
          <thead>
            <tr>
              <th scope="col">盟市</th>
              <th scope="col">状态</th>
              <th scope="col">报送日期</th>
              <th scope="col">报送期限</th>
              <th scope="col">条目数</th>
              <th scope="col">A级</th>
              <th scope="col">B级</th>
              <th scope="col">C级</th>
              <th scope="col">D级</th>
              <th scope="col">质量抽查</th>
            </tr>
          </thead>
          <tbody>
            {v.rows.map((r) => (
              <tr>
                <td>
                  <a href={reportPath({ ...v, league: r.league })}>{leagueName(r.league)}</a>
                </td>
                <td>{r.late ? <strong>逾期未报送</strong> : overviewStatus(r)}</td>
                <td>{r.firstSentOn ? chineseDate(r.firstSentOn) : '—'}</td>
                <td>{r.limitOn ? chineseDate(r.limitOn) : '—'}</td>
                <td class="num">{r.lastSent ? r.entries : '—'}</td>
                <td class="num">{r.grades.A}</td>
                <td class="num">{r.grades.B}</td>
                <td class="num">{r.grades.C}</td>
                <td class="num">{r.grades.D}</td>
                <td>{checkText(r)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {v.releasable ? (
        v.releaseBlockers.length > 0 ? (
          <div class="notice error">
            <p>尚不能“{ACT_NAMES.regionReleased}”：</p>
            <ul>
              {v.releaseBlockers.map((b) => (
                <li>{b}</li>
              ))}
            </ul>
          </div>
        ) : (
          <p class="notice ok">
            抽查条目均已有意见且无待重新上报的退回，可在<a href={`/console/cycles/${v.year}/${v.kind}`}>评价周期</a>
            页面“{ACT_NAMES.regionReleased}”。
          </p>
        )
      ) : null}
    </>,
  );
};

/** `GET /console/reports`: the cycles whose reports a bureau can open. */
export const reportsIndexPage = async (ctx: Ctx) => {
  const year = ctx.req.query.year;
  const kind = ctx.req.query.kind;
  if (year && kind && cycleOfParams({ year, kind })) {
    const claims = ctx.session?.claims;
    return redirect(
      claims?.role === 'league' && claims.league
        ? reportPath({ year: Number(year), kind, league: claims.league })
        : overviewPath(Number(year), kind),
    );
  }
  const thisYear = ctx.now.getUTCFullYear() - 1;
  return ctx.render(
    TITLE,
    <form method="get" action="/console/reports" class="filters">
      <div>
        <label for="year">评价年度</label>
        <input id="year" name="year" type="number" min="2000" max="2999" value={String(thisYear)} required />
      </div>
      <div>
        <label for="kind">评价对象类别</label>
        <select id="kind" name="kind">
          <option value="enterprise">{kindName('enterprise')}</option>
          <option value="agency">{kindName('agency')}</option>
          <option value="practitioner">{kindName('practitioner')}</option>
        </select>
      </div>
      <button type="submit">打开上报名单</button>
    </form>,
  );
};
