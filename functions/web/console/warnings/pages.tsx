import { CATALOGUE } from '../../../../domain/catalogue/catalogue.ts';
import { legalDateOfInstant } from '../../../../domain/dates.ts';
import type { InputIssue } from '../../../../domain/validation.ts';
import { isWarnableRule } from '../../../../domain/warnings/warning.ts';
import { MAX_WARNING_TEXT } from '../../../warnings/contracts.ts';
import type { WarningView } from '../../../warnings/warningPorts.ts';
import type { WebDeps } from '../../deps.ts';
import { redirect, type WebResponse } from '../../http/response.ts';
import type { PageContext } from '../../router.ts';
import { chineseDate, leagueName } from '../../ui/format.ts';
import { CsrfField } from '../../ui/layout.tsx';
import { RefusalMessage } from '../../ui/refusal.tsx';
import { DeadlineText, describeFiles, History, StatusText, WarningFacts } from './parts.tsx';

/**
 * The bureau's credit warnings (Art 21-22, docs/warnings.md): `/console/warnings` lists the league's
 * warnings (reported first, then by deadline, overdue marked); `/console/warnings/new` issues one;
 * `/console/warnings/{eventId}` shows the unit's reports and takes the decision (确认整改 / 整改不到位).
 */
type Ctx = PageContext<WebDeps>;

export const warningPath = (eventId: string) => `/console/warnings/${encodeURIComponent(eventId)}`;

const FIELD_LABELS: Readonly<Record<string, string>> = {
  subjectKind: '单位类型',
  subjectId: '统一社会信用代码',
  rule: '失信行为（评价指标）',
  occurredOn: '发现（发生）日期',
  description: '发现的问题',
  rectificationRequired: '整改要求',
  deadline: '整改期限',
  reasons: '整改不到位的理由',
  decision: '处理决定',
};
const named = (issues: readonly InputIssue[]): InputIssue[] =>
  issues.map((i) => ({ path: FIELD_LABELS[i.path.split('.')[0] ?? ''] ?? i.path, message: i.message }));

const DONE: Readonly<Record<string, string>> = {
  issued: '信用预警已下达，通知已发送至被预警单位。',
  confirm: '已确认整改完成：该信息在评价期内不予扣分（第二十二条）。',
  insufficient: '已认定整改不到位，单位可在整改期限内再次报告整改情况。',
};

export const warningListPage = async (ctx: Ctx): Promise<WebResponse> => {
  const out = await ctx.deps.console.creditWarnings.list.ofLeague(ctx.caller);
  if (out.status !== 'ok') return ctx.refuse(out, '信用预警');
  const rows = out.value.warnings;
  return ctx.render(
    '信用预警',
    <>
      <p>
        {leagueName(out.value.league)}
        生态环境局下达的信用预警（第二十一条、第二十二条）：已报告整改的排在最前，其余按整改期限排列。
      </p>
      <p>
        <a class="button" href="/console/warnings/new">
          下达信用预警
        </a>{' '}
        <a class="button secondary" href="/exports/console/warnings">
          导出 Excel
        </a>
      </p>
      {rows.length === 0 ? (
        <p class="notice">尚无信用预警。</p>
      ) : (
        <div class="table-wrap">
          <table>
            <caption>{`信用预警（共 ${rows.length} 件）`}</caption>
            <thead>
              <tr>
                <th scope="col">被预警单位</th>
                <th scope="col">失信行为</th>
                <th scope="col">预警通知日期</th>
                <th scope="col">整改期限</th>
                <th scope="col">状态</th>
                <th scope="col">来源</th>
                <th scope="col">操作</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((v: WarningView) => (
                <tr>
                  <td>
                    {v.doc.subjectName}
                    <div class="muted">{v.doc.subject.id}</div>
                  </td>
                  <td>{v.wording}</td>
                  <td class="nowrap">{chineseDate(v.doc.issuedOn)}</td>
                  <td>
                    <DeadlineText v={v} />
                  </td>
                  <td>
                    <StatusText v={v} />
                  </td>
                  <td>{v.doc.origin === 'bureau' ? '本局下达' : '执法平台报送'}</td>
                  <td>
                    <a
                      href={warningPath(v.doc.eventId)}
                      aria-label={`查看 ${v.doc.subjectName} 的信用预警 ${v.doc.eventId}`}
                    >
                      查看
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>,
  );
};

type Form = Readonly<Record<string, string>>;

const issueForm = (ctx: Ctx, f: Form, issues: readonly InputIssue[], status = 200): WebResponse => {
  const kinds = [
    { kind: 'enterprise', name: '企事业单位' },
    { kind: 'agency', name: '第三方服务机构' },
  ] as const;
  const today = legalDateOfInstant(ctx.now);
  return ctx.render(
    '下达信用预警',
    <>
      <p>
        <a href="/console/warnings">返回信用预警列表</a>
      </p>
      <p class="muted">
        信用预警只适用于企事业单位和第三方服务机构。单位在整改期限内完成有效整改并经本局确认的，在评价期内不予扣分；逾期未完成的，自发生之日起扣分。
      </p>
      {issues.length > 0 ? <RefusalMessage refusal={{ status: 'invalid', issues: named(issues) }} /> : null}
      <form
        method="post"
        action="/console/warnings/new"
        data-confirm="确认下达该信用预警？下达后将向被预警单位发送书面通知。"
      >
        <CsrfField token={ctx.csrf} />
        <label for="subjectKind">单位类型</label>
        <select id="subjectKind" name="subjectKind">
          {kinds.map((k) => (
            <option value={k.kind} selected={f.subjectKind === k.kind}>
              {k.name}
            </option>
          ))}
        </select>
        <label for="subjectId">统一社会信用代码</label>
        <input id="subjectId" name="subjectId" value={f.subjectId ?? ''} required maxLength={18} />
        <label for="rule">失信行为（评价指标）</label>
        <select id="rule" name="rule" required>
          <option value="">请选择</option>
          {kinds.map((k) => (
            <optgroup label={k.name}>
              {CATALOGUE.filter((r) => isWarnableRule(r, k.kind)).map((r) => (
                <option value={r.code} selected={f.rule === r.code}>
                  {`${r.category}：${r.wording}`}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
        <label for="occurredOn">发现（发生）日期</label>
        <input id="occurredOn" name="occurredOn" type="date" value={f.occurredOn ?? ''} max={today} required />
        <label for="description">发现的问题</label>
        <textarea id="description" name="description" required maxLength={MAX_WARNING_TEXT}>
          {f.description ?? ''}
        </textarea>
        <label for="rectificationRequired">整改要求</label>
        <textarea id="rectificationRequired" name="rectificationRequired" required maxLength={MAX_WARNING_TEXT}>
          {f.rectificationRequired ?? ''}
        </textarea>
        <label for="deadline">整改期限（不早于今天）</label>
        <input id="deadline" name="deadline" type="date" value={f.deadline ?? ''} min={today} required />
        <p>
          <button type="submit">下达信用预警</button>
        </p>
      </form>
    </>,
    status,
  );
};

export const newWarningPage = async (ctx: Ctx): Promise<WebResponse> => issueForm(ctx, {}, []);

export const postNewWarning = async (ctx: Ctx): Promise<WebResponse> => {
  const f = ctx.req.form;
  const body = {
    subjectKind: f.subjectKind ?? '',
    subjectId: (f.subjectId ?? '').trim().toUpperCase(),
    rule: f.rule ?? '',
    occurredOn: f.occurredOn ?? '',
    description: (f.description ?? '').replaceAll('\r\n', '\n'),
    rectificationRequired: (f.rectificationRequired ?? '').replaceAll('\r\n', '\n'),
    deadline: f.deadline ?? '',
  };
  const out = await ctx.deps.console.creditWarnings.issue.execute(ctx.caller, body);
  if (out.status === 'ok') return redirect(`${warningPath(out.value.eventId)}?done=issued`);
  if (out.status === 'invalid') return issueForm(ctx, f, out.issues, 400);
  return ctx.refuse(out, '下达信用预警');
};

const detailPage = async (
  ctx: Ctx,
  problem: readonly InputIssue[] | string | null,
  status = 200,
): Promise<WebResponse> => {
  const out = await ctx.deps.console.creditWarnings.read.execute(ctx.caller, ctx.params.eventId ?? '');
  if (out.status !== 'ok') return ctx.refuse(out, '信用预警');
  const v = out.value;
  const files = await describeFiles(v, (k) => ctx.deps.console.creditWarnings.evidence.describe(k));
  const done = DONE[ctx.req.query.done ?? ''];
  return ctx.render(
    `信用预警：${v.doc.subjectName}`,
    <>
      <p>
        <a href="/console/warnings">返回信用预警列表</a>
      </p>
      {done ? (
        <p class="notice ok" role="status">
          {done}
        </p>
      ) : null}
      {typeof problem === 'string' ? (
        <RefusalMessage refusal={{ status: 'conflict', code: 'WARNING_STATE', message: problem }} />
      ) : problem ? (
        <RefusalMessage refusal={{ status: 'invalid', issues: named(problem) }} />
      ) : null}
      <WarningFacts v={v} />
      <h2>整改报告与处理</h2>
      <History v={v} files={files} />
      {v.status === 'reported' ? (
        <section class="card" aria-labelledby="decide-title">
          <h2 id="decide-title">确认整改</h2>
          <p class="muted">
            确认后，以单位报告的整改完成日期（{chineseDate(v.doc.rectifiedOn ?? v.doc.deadline)}
            ）结束信用预警，该信息在评价期内不予扣分（第二十二条）。
          </p>
          <form
            method="post"
            action={`${warningPath(v.doc.eventId)}/decision`}
            data-confirm="确认该单位已在期限内完成有效整改？"
          >
            <CsrfField token={ctx.csrf} />
            <input type="hidden" name="decision" value="confirm" />
            <button type="submit">确认整改</button>
          </form>
          <form method="post" action={`${warningPath(v.doc.eventId)}/decision`}>
            <CsrfField token={ctx.csrf} />
            <input type="hidden" name="decision" value="insufficient" />
            <label for="reasons">整改不到位的理由</label>
            <textarea id="reasons" name="reasons" required maxLength={MAX_WARNING_TEXT} />
            <button type="submit" class="secondary">
              整改不到位
            </button>
          </form>
        </section>
      ) : v.status === 'expired' ? (
        <p class="notice error">整改期限已过且未经确认整改：该信息自发生之日起计入评价（{v.deduction}）。</p>
      ) : null}
    </>,
    status,
  );
};

export const warningDetailPage = (ctx: Ctx): Promise<WebResponse> => detailPage(ctx, null);

export const postWarningDecision = async (ctx: Ctx): Promise<WebResponse> => {
  const decision = ctx.req.form.decision ?? '';
  const out = await ctx.deps.console.creditWarnings.decide.execute(ctx.caller, {
    eventId: ctx.params.eventId ?? '',
    decision,
    reasons: (ctx.req.form.reasons ?? '').replaceAll('\r\n', '\n'),
  });
  if (out.status === 'ok') return redirect(`${warningPath(out.value.eventId)}?done=${decision}`);
  if (out.status === 'invalid') return detailPage(ctx, out.issues, 400);
  if (out.status === 'conflict') return detailPage(ctx, out.message, 409);
  return ctx.refuse(out, '信用预警');
};
