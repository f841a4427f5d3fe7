import { FINDING_NAMES, FINDINGS, REASONS_MAX } from '../../../../domain/publicity/comment.ts';
import type { InputIssue } from '../../../../domain/validation.ts';
import type { PublicComment } from '../../../ports/comments.ts';
import type { WebDeps } from '../../deps.ts';
import { redirect } from '../../http/response.ts';
import type { PageContext } from '../../router.ts';
import { chineseDateTime, leagueName } from '../../ui/format.ts';
import { CsrfField } from '../../ui/layout.tsx';
import { RefusalMessage } from '../../ui/refusal.tsx';
import { commentsPath, commentsTitle, findingText, reviewText, windowShown } from './parts.ts';

type Ctx = PageContext<WebDeps>;

/** `/console/comments`: the publicities a bureau can open the comments of. */
export const commentsIndexPage = async (ctx: Ctx) => {
  const out = await ctx.deps.console.publicComments.list.publicities(ctx.caller);
  if (out.status !== 'ok') return ctx.refuse(out, '公示意见');
  return ctx.render(
    '公示意见',
    <>
      <p>公示期间社会公众对拟定等级提出的意见，由所在盟市生态环境局调查核实（第十六条第四款）。</p>
      {out.value.length === 0 ? (
        <p class="muted">尚无已开始的公示。</p>
      ) : (
        <ul>
          {out.value.map((p) => (
            <li>
              <a href={commentsPath(p)}>{commentsTitle(p)}</a>（{windowShown(p)}）
            </li>
          ))}
        </ul>
      )}
    </>,
  );
};

const FIELD_LABELS: Readonly<Record<string, string>> = { finding: '调查核实结果', reasons: '调查核实情况及理由' };

const FindingForm = ({ ctx, c, issues }: { ctx: Ctx; c: PublicComment; issues: readonly InputIssue[] }) => (
  <form method="post" action={`${commentsPath(c)}/${c.league}/${c.id}/finding`} class="act">
    <CsrfField token={ctx.csrf} />
    {issues.length > 0 ? (
      <RefusalMessage
        refusal={{ status: 'invalid', issues: issues.map((i) => ({ ...i, path: FIELD_LABELS[i.path] ?? i.path })) }}
      />
    ) : null}
    <fieldset>
      <legend>{`调查核实结果（${c.name}）`}</legend>
      {FINDINGS.map((f) => (
        <label class="inline-label" for={`finding-${c.id}-${f}`}>
          <input type="radio" id={`finding-${c.id}-${f}`} name="finding" value={f} required /> {FINDING_NAMES[f]}
        </label>
      ))}
    </fieldset>
    <div>
      <label for={`reasons-${c.id}`}>调查核实情况及理由</label>
      <textarea id={`reasons-${c.id}`} name="reasons" rows={3} cols={60} maxLength={REASONS_MAX} required />
    </div>
    <button type="submit">记录调查核实结果</button>
  </form>
);

const CommentItem = ({ ctx, c, issues }: { ctx: Ctx; c: PublicComment; issues: readonly InputIssue[] }) => (
  <article aria-labelledby={`comment-${c.id}`}>
    <h3 id={`comment-${c.id}`}>{`${c.name}（${c.code}，${leagueName(c.league)}）`}</h3>
    <dl class="grid2">
      <dt>收到时间</dt>
      <dd>{chineseDateTime(c.receivedAt)}</dd>
      <dt>意见内容</dt>
      <dd class="pre">{c.text}</dd>
      <dt>联系方式</dt>
      <dd>{c.contact ?? '未留'}</dd>
      <dt>调查核实</dt>
      <dd>
        {findingText(c)}
        {c.finding ? `：${c.finding.reasons}（${chineseDateTime(c.finding.at)}）` : ''}
      </dd>
      <dt>提交复核小组</dt>
      <dd>{reviewText(c)}</dd>
    </dl>
    {c.finding ? null : <FindingForm ctx={ctx} c={c} issues={issues} />}
  </article>
);

/** `/console/comments/{year}/{kind}?league=`: the comments on a league's entries (the region all), each with 调查核实. */
export const commentsPage = async (
  ctx: Ctx,
  invalidFor: { id: string; issues: readonly InputIssue[] } | null = null,
  status = 200,
) => {
  const out = await ctx.deps.console.publicComments.list.execute(ctx.caller, {
    year: ctx.params.year!,
    kind: ctx.params.kind!,
    league: ctx.req.query.league || undefined,
  });
  if (out.status !== 'ok') return ctx.refuse(out, '公示意见');
  const { publicity: p, comments, leagues } = out.value;
  const league = ctx.req.query.league;
  return ctx.render(
    commentsTitle(p),
    <>
      <p>
        {windowShown(p)}；{leagues.length === 1 ? leagueName(leagues[0]) : '全部盟市'}，共 {comments.length} 条意见。
      </p>
      <p>
        <a
          class="button secondary"
          href={`/exports${commentsPath(p)}${league ? `?league=${encodeURIComponent(league)}` : ''}`}
        >
          导出 Excel
        </a>
      </p>
      {comments.length === 0 ? (
        <p class="notice">暂未收到意见。</p>
      ) : (
        comments.map((c) => <CommentItem ctx={ctx} c={c} issues={invalidFor?.id === c.id ? invalidFor.issues : []} />)
      )}
    </>,
    status,
  );
};

/** `POST /console/comments/{year}/{kind}/{league}/{id}/finding`: the league's finding, with reasons. */
export const postFinding = async (ctx: Ctx) => {
  const { year, kind, league, id } = ctx.params as Record<'year' | 'kind' | 'league' | 'id', string>;
  const out = await ctx.deps.console.publicComments.finding.execute(ctx.caller, {
    year,
    kind,
    league,
    id,
    finding: ctx.req.form.finding,
    reasons: ctx.req.form.reasons,
  });
  if (out.status === 'ok') return redirect(`${commentsPath(out.value)}?league=${league}#comment-${id}`);
  if (out.status === 'invalid')
    return commentsPage({ ...ctx, req: { ...ctx.req, query: { league } } }, { id, issues: out.issues }, 400);
  return ctx.refuse(out, '公示意见');
};
