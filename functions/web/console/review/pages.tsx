import { SUBJECT_KINDS } from '../../../../domain/catalogue/kinds.ts';
import { type CycleKind, STAGE_NAMES } from '../../../../domain/cycles/definitions.ts';
import type { SubjectResult } from '../../../../domain/evaluation/result.ts';
import { isLeagueCode, LEAGUE_CODES, type LeagueCode } from '../../../../domain/identifiers/leagues.ts';
import {
  correctedEventId,
  REVIEW_OUTCOME_NAMES as OBJECTION_OUTCOME_NAMES,
} from '../../../../domain/objections/objection.ts';
import {
  type DecisionCorrection,
  type DecisionInput,
  MAX_DECISION_REASONS_LENGTH,
  REVIEW_OUTCOME_NAMES,
  REVIEW_REASON_NAMES,
  REVIEW_REASONS,
  type ReviewItem,
  type ReviewReason,
} from '../../../../domain/review/reviewItems.ts';
import type { InputIssue } from '../../../../domain/validation.ts';
import type { ReviewDecision } from '../../../ports/reviews.ts';
import type { ReviewListFilter } from '../../../review/listReview.ts';
import type { WebDeps } from '../../deps.ts';
import { redirect, type WebResponse } from '../../http/response.ts';
import type { PageContext } from '../../router.ts';
import { chineseDate, chineseDateTime, kindName, leagueName, pointsText, scoreText } from '../../ui/format.ts';
import { CsrfField } from '../../ui/layout.tsx';
import { Plate } from '../../ui/plate.tsx';
import { RefusalMessage } from '../../ui/refusal.tsx';
import { stateText } from '../../ui/result.tsx';

type Ctx = PageContext<WebDeps>;

const TITLE = '复核审定';

/** `/console/review/{year}/{kind}`: the items for the review group. */
export const reviewListPath = (year: number, kind: string) => `/console/review/${year}/${kind}`;
/** `/console/review/{year}/{kind}/{code}`: one item and its decision. */
export const reviewItemPath = (year: number, kind: string, code: string) => `${reviewListPath(year, kind)}/${code}`;

/** The cycle of a path's `{year}` and `{kind}`, or null. */
export const reviewCycleOf = (
  p: Readonly<Record<string, string | undefined>>,
): { year: number; kind: CycleKind } | null =>
  /^\d{4}$/.test(p.year ?? '') && (SUBJECT_KINDS as readonly string[]).includes(p.kind ?? '')
    ? { year: Number(p.year), kind: p.kind as CycleKind }
    : null;

/** The list's filter from the query: `reason`, `league`, `decided` (yes/no); anything else is ignored. */
export const reviewFilterOf = (q: Readonly<Record<string, string | undefined>>): ReviewListFilter => ({
  reason: (REVIEW_REASONS as readonly string[]).includes(q.reason ?? '') ? (q.reason as ReviewReason) : undefined,
  league: isLeagueCode(q.league ?? '') ? (q.league as LeagueCode) : undefined,
  decided: q.decided === 'yes' ? true : q.decided === 'no' ? false : undefined,
});

export const reviewTitle = (c: { year: number; kind: string }) => `${c.year}年度${kindName(c.kind)}复核审定`;

/** The entry's name: a practitioner only by the masked number the league reported (Art 18(6)). */
const entryName = (i: ReviewItem) => (i.kind === 'practitioner' ? '（从业人员）' : i.entry.name);
const entryScore = (i: ReviewItem) => (i.entry.score === null ? '—' : scoreText(i.entry.score / 10));
export const reasonsText = (i: Pick<ReviewItem, 'reasons'>) => i.reasons.map((r) => REVIEW_REASON_NAMES[r]).join('、');
export const decisionText = (d: ReviewDecision | null) =>
  d ? `${REVIEW_OUTCOME_NAMES[d.outcome]}（${chineseDate(d.decidedAt.slice(0, 10))}）` : '未决定';

const EntryGrade = ({ i }: { i: ReviewItem }) =>
  i.kind === 'practitioner' ? <span>{i.entry.gradeName ?? '—'}</span> : <Plate grade={i.entry.grade} />;

/** GET `/console/review`: the region's and the review group's way in, one link per kind of the current year. */
export const reviewIndexPage = async (ctx: Ctx): Promise<WebResponse> => {
  const year = ctx.now.getUTCFullYear() - 1;
  return ctx.render(
    TITLE,
    <>
      <p>
        依据《内蒙古自治区环保信用评价管理办法》第八条，信用评价复核小组对拟纳入环保不良企业名单的评价结果、有异议的评价结果进行复核；公示期满后复核审定，确定评定结果（第十六条第四项、第十七条第六项、第十八条第五项）。
      </p>
      <ul>
        {[year, year - 1].flatMap((y) =>
          SUBJECT_KINDS.map((k) => (
            <li>
              <a href={reviewListPath(y, k)}>{reviewTitle({ year: y, kind: k })}</a>
            </li>
          )),
        )}
      </ul>
    </>,
  );
};

/** GET `/console/review/{year}/{kind}`: the items, filtered, with the decided and undecided counts. */
export const reviewListPage = async (ctx: Ctx): Promise<WebResponse> => {
  const c = reviewCycleOf(ctx.params);
  if (!c) return ctx.refuse({ status: 'notFound' }, TITLE);
  const filter = reviewFilterOf(ctx.req.query);
  const out = await ctx.deps.console.review.list.execute(ctx.caller, c, filter);
  if (out.status !== 'ok') return ctx.refuse(out, TITLE);
  const v = out.value;
  const query = new URLSearchParams(
    Object.entries({ reason: filter.reason, league: filter.league, decided: ctx.req.query.decided }).filter(
      (e): e is [string, string] => typeof e[1] === 'string' && e[1] !== '',
    ),
  ).toString();
  return ctx.render(
    reviewTitle(c),
    <>
      <p>
        复核事项：拟评D级（环保不良）、拟列入黑名单、有异议的评价结果（第八条）。全部事项作出复核决定后，自治区生态环境厅方可记录“复核审定完毕”，评定结果随即确定。
      </p>
      <p>
        评价周期当前阶段：{v.stage ? `“${STAGE_NAMES[v.stage]}”` : '盟市阶段'}
        {v.confirmed ? '；复核审定已完毕，评定结果已确定。' : '。'}
      </p>
      <p role="status">
        共 {v.total} 项，已决定 {v.decided} 项，未决定 {v.undecided} 项。
      </p>
      <form method="get" action={reviewListPath(c.year, c.kind)} class="filters">
        <label for="reason">复核原因</label>
        <select id="reason" name="reason">
          <option value="">全部</option>
          {REVIEW_REASONS.map((r) => (
            <option value={r} selected={filter.reason === r}>
              {REVIEW_REASON_NAMES[r]}
            </option>
          ))}
        </select>
        <label for="league">盟市</label>
        <select id="league" name="league">
          <option value="">全部</option>
          {LEAGUE_CODES.map((l) => (
            <option value={l} selected={filter.league === l}>
              {leagueName(l)}
            </option>
          ))}
        </select>
        <label for="decided">复核决定</label>
        <select id="decided" name="decided">
          <option value="">全部</option>
          <option value="no" selected={filter.decided === false}>
            未决定
          </option>
          <option value="yes" selected={filter.decided === true}>
            已决定
          </option>
        </select>
        <button type="submit">筛选</button>
      </form>
      <p>
        <a class="button" href={`/exports${reviewListPath(c.year, c.kind)}${query ? `?${query}` : ''}`}>
          导出 Excel
        </a>
      </p>
      {v.rows.length === 0 ? (
        <p class="notice">没有符合条件的复核事项。</p>
      ) : (
        <div class="table-wrap">
          <table>
            <caption>复核事项</caption>
            <thead>
              <tr>
                <th scope="col">统一社会信用代码（身份证号）</th>
                <th scope="col">名称</th>
                <th scope="col">盟市</th>
                <th scope="col">拟定得分</th>
                <th scope="col">拟定等级</th>
                <th scope="col">复核原因</th>
                <th scope="col">复核决定</th>
              </tr>
            </thead>
            <tbody>
              {v.rows.map((r) => (
                <tr>
                  <td>
                    <a href={reviewItemPath(c.year, c.kind, r.code)}>
                      {r.kind === 'practitioner' ? r.entry.name : r.code}
                    </a>
                  </td>
                  <td>{entryName(r)}</td>
                  <td>{leagueName(r.league)}</td>
                  <td class="num">{entryScore(r)}</td>
                  <td>
                    <EntryGrade i={r} />
                  </td>
                  <td>{reasonsText(r)}</td>
                  <td>{decisionText(r.decision)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>,
  );
};

const FIELDS: Readonly<Record<string, string>> = {
  outcome: '复核决定',
  reasons: '复核理由',
  revoke: '撤销的信用信息',
  correct: '更正的信用信息',
};

const LiveResult = ({ live, on }: { live: SubjectResult | null; on: string }) => {
  if (!live) return <p class="notice">该评价对象本年度暂无评价结果。</p>;
  const unit = live.subject.kind !== 'practitioner' ? (live as Extract<SubjectResult, { score: number }>) : null;
  return (
    <>
      <p>
        按{chineseDate(on)}的信用信息重新评价（含公示期间准予的信用修复，第二十三条第一款）：
        {unit ? (
          <>
            得分 {scoreText(unit.score)}，<Plate grade={unit.grade} />
            {unit.blacklisted ? '，拟列入黑名单' : ''}
          </>
        ) : (
          (live.gradeName ?? '未认定为环保失信个人')
        )}
      </p>
      <div class="table-wrap">
        <table>
          <caption>重新评价的信用信息</caption>
          <thead>
            <tr>
              <th scope="col">事件编号</th>
              <th scope="col">发生日期</th>
              <th scope="col">评价内容</th>
              <th scope="col">分值</th>
              <th scope="col">状态</th>
            </tr>
          </thead>
          <tbody>
            {live.items.map((i) => (
              <tr>
                <td>{i.eventId}</td>
                <td>{chineseDate(i.occurredOn)}</td>
                <td>{i.wording}</td>
                <td class="num">{pointsText(i.points)}</td>
                <td>{stateText(i)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
};

const itemPage = async (
  ctx: Ctx,
  problem: readonly InputIssue[] | string | null = null,
  values: Partial<DecisionInput> = {},
  status = 200,
): Promise<WebResponse> => {
  const c = reviewCycleOf(ctx.params);
  const code = ctx.params.code ?? '';
  if (!c || !/^[0-9A-Za-z]{1,18}$/.test(code)) return ctx.refuse({ status: 'notFound' }, TITLE);
  const out = await ctx.deps.console.review.read.execute(ctx.caller, { ...c, code });
  if (out.status !== 'ok') return ctx.refuse(out, TITLE);
  const v = out.value;
  const i = v.item;
  const title = `复核事项：${i.kind === 'practitioner' ? i.entry.name : i.entry.name}`;
  return ctx.render(
    title,
    <>
      <p>
        <a href={reviewListPath(c.year, c.kind)}>返回{reviewTitle(c)}</a>
      </p>
      {ctx.req.query.done === 'decided' ? (
        <p class="notice ok" role="status">
          复核决定已记录。
        </p>
      ) : null}
      {problem === null ? null : typeof problem === 'string' ? (
        <RefusalMessage refusal={{ status: 'conflict', code: 'REVIEW', message: problem }} />
      ) : (
        <RefusalMessage
          refusal={{
            status: 'invalid',
            issues: problem.map((p) => ({
              ...p,
              path: FIELDS[p.path] ?? (p.path.startsWith('correct.') ? FIELDS.correct! : p.path),
            })),
          }}
        />
      )}
      <h2>上报的拟定结果</h2>
      <dl>
        <dt>统一社会信用代码（身份证号）</dt>
        <dd>{i.kind === 'practitioner' ? i.entry.name : i.code}</dd>
        <dt>盟市</dt>
        <dd>
          {leagueName(i.league)}（上报名单第{i.reportVersion}版）
        </dd>
        <dt>拟定得分</dt>
        <dd>{entryScore(i)}</dd>
        <dt>拟定等级</dt>
        <dd>
          <EntryGrade i={i} />
        </dd>
        <dt>直接评为D级</dt>
        <dd>{i.entry.directD ? `是（${i.entry.directD.articleName}）` : '否'}</dd>
        <dt>拟列入黑名单</dt>
        <dd>{i.entry.blacklistProposed ? '是' : '否'}</dd>
        <dt>复核原因</dt>
        <dd>{reasonsText(i)}</dd>
      </dl>
      <h2>异议</h2>
      {v.objections.length === 0 ? (
        <p>无。</p>
      ) : (
        <ul>
          {v.objections.map((o) => (
            <li>
              {chineseDate(o.filedOn)}：{o.reasons}
              {o.status === 'reviewed'
                ? `（已复核：${o.reviews.map((r) => `${OBJECTION_OUTCOME_NAMES[r.outcome]}，${r.reasons}`).join('；')}）`
                : o.kind === 'publicity'
                  ? '（公示期间提出，由复核小组复核）'
                  : '（复核中）'}
            </li>
          ))}
        </ul>
      )}
      <h2>公众意见及调查核实情况</h2>
      {v.comments.length === 0 ? (
        <p>无。</p>
      ) : (
        <ul>
          {v.comments.map((m) => (
            <li>
              {chineseDateTime(m.receivedAt)}：{m.text}
              {m.finding ? `（调查核实：${m.finding.reasons}）` : ''}
            </li>
          ))}
        </ul>
      )}
      <h2>重新评价</h2>
      <LiveResult live={v.live} on={v.evaluatedOn} />
      <h2>复核决定</h2>
      {v.decision ? (
        <dl>
          <dt>决定</dt>
          <dd>{decisionText(v.decision)}</dd>
          <dt>复核理由</dt>
          <dd>{v.decision.reasons}</dd>
          {v.decision.revoked.length > 0 ? (
            <>
              <dt>撤销的信用信息</dt>
              <dd>{v.decision.revoked.join('、')}</dd>
            </>
          ) : null}
          {(v.decision.corrected ?? []).length > 0 ? (
            <>
              <dt>更正的信用信息</dt>
              <dd>{(v.decision.corrected ?? []).map((c) => `${c.target} 更正为 ${c.eventId}`).join('、')}</dd>
            </>
          ) : null}
        </dl>
      ) : v.closedReason ? (
        <p class="notice">{v.closedReason}</p>
      ) : !v.mayDecide ? (
        <p class="notice">尚未作出复核决定（由信用评价复核小组作出）。</p>
      ) : (
        <form
          method="post"
          action={reviewItemPath(c.year, c.kind, i.code)}
          data-confirm="确认提交复核决定？提交后不能更改。"
        >
          <CsrfField token={ctx.csrf} />
          <fieldset>
            <legend>复核决定</legend>
            {(['confirmed', 'changed'] as const).map((o) => (
              <label>
                <input type="radio" name="outcome" value={o} checked={(values.outcome ?? 'confirmed') === o} />{' '}
                {o === 'confirmed' ? '维持（维持拟定结果）' : '变更（撤销或更正信用信息，重新评价）'}
              </label>
            ))}
          </fieldset>
          {v.live && v.live.items.length > 0 ? (
            <fieldset>
              <legend>撤销的信用信息（变更时选择）</legend>
              {v.live.items.map((r) => (
                <label>
                  <input type="checkbox" name="revoke" value={r.eventId} checked={values.revoke?.includes(r.eventId)} />{' '}
                  {`撤销 ${r.eventId}：${r.wording}`}
                </label>
              ))}
            </fieldset>
          ) : null}
          {v.live && v.live.items.length > 0 ? (
            <fieldset>
              <legend>更正的信用信息（变更时选择并填写更正后的内容）</legend>
              {v.live.items.map((r, n) => {
                const given = values.correct?.find((c) => c.target === r.eventId)?.correction;
                return (
                  <details open={given !== undefined}>
                    <summary>{`更正 ${r.eventId}：${r.wording}`}</summary>
                    <label>
                      <input type="checkbox" name="correct" value={r.eventId} checked={given !== undefined} />{' '}
                      {`更正该信用信息（更正后的事件编号为 ${correctedEventId(r.eventId) ?? ''}）`}
                    </label>
                    <label for={`rule-${n}`}>评价指标代码</label>
                    <input id={`rule-${n}`} name={`rule.${r.eventId}`} value={given?.rule ?? r.rule} />
                    <label for={`occurredOn-${n}`}>发生日期</label>
                    <input
                      id={`occurredOn-${n}`}
                      name={`occurredOn.${r.eventId}`}
                      type="date"
                      value={given?.occurredOn ?? r.occurredOn}
                    />
                    <label for={`fineYuan-${n}`}>罚款金额（元）</label>
                    <input
                      id={`fineYuan-${n}`}
                      name={`fineYuan.${r.eventId}`}
                      inputMode="decimal"
                      value={given?.fineYuan == null ? '' : String(given.fineYuan)}
                    />
                    <label for={`summary-${n}`}>事实摘要</label>
                    <textarea id={`summary-${n}`} name={`summary.${r.eventId}`}>
                      {given?.summary ?? ''}
                    </textarea>
                  </details>
                );
              })}
            </fieldset>
          ) : null}
          <label for="reasons">复核理由</label>
          <textarea id="reasons" name="reasons" maxLength={MAX_DECISION_REASONS_LENGTH} rows={4} required>
            {values.reasons ?? ''}
          </textarea>
          <p>
            <button type="submit">提交复核决定</button>
          </p>
        </form>
      )}
    </>,
    status,
  );
};

/** GET `/console/review/{year}/{kind}/{code}`: the entry as reported, its objections and comments, the live result, the decision. */
export const reviewItemPage = (ctx: Ctx): Promise<WebResponse> => itemPage(ctx);

/** The corrections as the form posts them (each checked record with its fields); a malformed amount named. */
const correctionsOf = (ctx: Ctx): { correct: DecisionCorrection[]; issues: InputIssue[] } => {
  const f = ctx.req.form;
  const issues: InputIssue[] = [];
  const correct = (ctx.req.formAll.correct ?? []).slice(0, 500).map((target): DecisionCorrection => {
    const fine = (f[`fineYuan.${target}`] ?? '').trim();
    const fineYuan = fine === '' ? null : Number(fine);
    if (fineYuan !== null && (!Number.isFinite(fineYuan) || fineYuan < 0))
      issues.push({ path: `correct.${target}.fineYuan`, message: '罚款金额须为不小于0的数字' });
    const summary = (f[`summary.${target}`] ?? '').trim();
    return {
      target,
      correction: {
        rule: (f[`rule.${target}`] ?? '').trim(),
        occurredOn: (f[`occurredOn.${target}`] ?? '').trim(),
        fineYuan: fineYuan !== null && Number.isFinite(fineYuan) ? fineYuan : null,
        summary: summary === '' ? null : summary,
      },
    };
  });
  return { correct, issues };
};

/** POST `/console/review/{year}/{kind}/{code}`: the review group's decision. */
export const postDecision = async (ctx: Ctx): Promise<WebResponse> => {
  const c = reviewCycleOf(ctx.params);
  const code = ctx.params.code ?? '';
  if (!c) return ctx.refuse({ status: 'notFound' }, TITLE);
  const { correct, issues } = correctionsOf(ctx);
  const input: DecisionInput = {
    outcome: ctx.req.form.outcome === 'changed' ? 'changed' : 'confirmed',
    reasons: ctx.req.form.reasons ?? '',
    revoke: ctx.req.formAll.revoke ?? [],
    correct,
  };
  if (issues.length > 0) return itemPage(ctx, issues, input, 400);
  const out = await ctx.deps.console.review.decide.execute(ctx.caller, { ...c, code }, input);
  if (out.status === 'ok') return redirect(`${reviewItemPath(c.year, c.kind, code)}?done=decided`);
  if (out.status === 'invalid') return itemPage(ctx, out.issues, input, 400);
  if (out.status === 'conflict') return itemPage(ctx, out.message, input, 409);
  return ctx.refuse(out, TITLE);
};
