import {
  correctedEventId,
  MAX_REVIEW_REASONS_LENGTH,
  objectionIdShown,
  PRE_GRADE,
  REVIEW_OUTCOME_NAMES,
  type ReviewOutcome,
  reviewTargets,
} from '../../../../domain/objections/objection.ts';
import type { InputIssue } from '../../../../domain/validation.ts';
import type { ObjectionDetail } from '../../../objections/readObjection.ts';
import type { ReviewInput } from '../../../objections/reviewObjection.ts';
import type { WebDeps } from '../../deps.ts';
import { redirect, type WebResponse } from '../../http/response.ts';
import type { PageContext } from '../../router.ts';
import { chineseDate, chineseDateTime } from '../../ui/format.ts';
import { CsrfField } from '../../ui/layout.tsx';
import { RefusalMessage } from '../../ui/refusal.tsx';
import { DataTable } from '../../ui/table.tsx';
import { EvidenceList } from '../evidence/links.tsx';
import { codeShown } from '../participants/listRef.ts';
import { cycleText, leagueText, leftText, limitText, objectionPath, statusText } from './parts.ts';

type Ctx = PageContext<WebDeps>;

/**
 * `/console/objections/{id}`: one objection and its review (Art 17(3), 18(4)): per disputed record
 * 维持 / 更正 / 撤销 with reasons (a correction's new fields in the form), the pre-grade as a whole
 * 维持 or 更正; posting it revokes or corrects the records, records the cycle's act and issues the
 * 异议复核结果通知.
 */
const OUTCOMES: readonly ReviewOutcome[] = ['upheld', 'corrected', 'revoked'];
const TITLE = '异议复核';

const label = (d: ObjectionDetail, target: string): string => {
  if (target === PRE_GRADE) return '预评等级整体';
  const r = d.records[target];
  return r ? `${r.wording}（${target}）` : target;
};

const FIELD_LABELS: Readonly<Record<string, string>> = {
  outcome: '复核结论',
  reasons: '复核理由',
  correction: '更正内容',
  occurredOn: '发生日期',
  rule: '评价指标代码',
  fineYuan: '罚款金额（元）',
};
const named = (i: InputIssue): InputIssue => {
  const last = i.path.split('.').at(-1) ?? '';
  return {
    path: FIELD_LABELS[last] ? `${i.path.split('.')[1] ?? ''} ${FIELD_LABELS[last]}`.trim() : i.path,
    message: i.message,
  };
};

export const objectionReviewPage = async (
  ctx: Ctx,
  issues: readonly InputIssue[] = [],
  status = 200,
): Promise<WebResponse> => {
  const out = await ctx.deps.console.objections.read.execute(ctx.caller, ctx.params.id ?? '');
  if (out.status !== 'ok') return ctx.refuse(out, TITLE);
  const d = out.value;
  const o = d.objection;
  const f = ctx.req.form;
  return ctx.render(
    `${TITLE} ${o.subjectName}`,
    <>
      {ctx.req.query.reviewed ? (
        <p class="notice ok" role="status">
          复核结果已保存，已通知参评单位；撤销或更正的信用信息将重新计分。
        </p>
      ) : null}
      <dl class="facts">
        <dt>异议编号</dt>
        <dd>{objectionIdShown(o.id)}</dd>
        <dt>参评单位</dt>
        <dd>{`${o.subjectName}（${codeShown(ctx, { kind: o.subject.kind, code: o.subject.id, league: o.league })}）`}</dd>
        <dt>盟市</dt>
        <dd>{leagueText(o)}</dd>
        <dt>评价周期</dt>
        <dd>{cycleText(o)}</dd>
        <dt>提出日期</dt>
        <dd>{chineseDate(o.filedOn)}</dd>
        <dt>异议理由</dt>
        <dd>{o.reasons}</dd>
        <dt>证明材料</dt>
        <dd>
          <EvidenceList keys={o.evidenceFiles} />
        </dd>
        <dt>复核期限</dt>
        <dd>{`${limitText(o)} ${leftText(o)}`}</dd>
        <dt>状态</dt>
        <dd>{statusText(o)}</dd>
      </dl>
      <DataTable
        name={{ caption: '有异议的信用信息' }}
        columns={[
          { header: '事件编号', cell: (id: string) => id },
          { header: '评价内容', cell: (id) => d.records[id]?.wording ?? '（未入库）' },
          { header: '发生日期', cell: (id) => (d.records[id] ? chineseDate(d.records[id]!.occurredOn) : '') },
          { header: '信息产生部门', cell: (id) => d.records[id]?.department ?? '' },
          {
            header: '状态',
            cell: (id) =>
              d.records[id]?.revokedOn
                ? `已撤销（${chineseDate(d.records[id]!.revokedOn!)}）`
                : o.status === 'open'
                  ? '有异议（复核中）'
                  : '',
          },
        ]}
        rows={o.records}
      />
      {o.kind === 'publicity' ? (
        <p class="notice">企业在公示期间提出的异议，由自治区复核小组复核（第八条）。</p>
      ) : o.status === 'reviewed' ? (
        <>
          <DataTable
            name={{ caption: `复核结果（${o.reviewedAt ? chineseDateTime(o.reviewedAt) : ''}）` }}
            columns={[
              { header: '异议事项', cell: (r: (typeof o.reviews)[number]) => label(d, r.target) },
              { header: '复核结论', cell: (r) => REVIEW_OUTCOME_NAMES[r.outcome] },
              { header: '理由', cell: (r) => r.reasons },
              { header: '更正后的信用信息', cell: (r) => r.correction?.eventId ?? '' },
            ]}
            rows={o.reviews}
          />
          <p>
            <a href="/console/objections">返回异议列表</a>
          </p>
        </>
      ) : (
        <form
          method="post"
          action={`${objectionPath(o.id)}/review`}
          data-confirm="提交复核结论后将通知参评单位，确定提交吗？"
        >
          <CsrfField token={ctx.csrf} />
          {issues.length > 0 ? <RefusalMessage refusal={{ status: 'invalid', issues }} /> : null}
          {reviewTargets(o).map((target, n) => {
            const r = target === PRE_GRADE ? null : d.records[target];
            const chosen = f[`outcome.${n}`];
            return (
              <fieldset>
                <legend>{label(d, target)}</legend>
                <input type="hidden" name={`target.${n}`} value={target} />
                {OUTCOMES.filter((x) => !(target === PRE_GRADE && x === 'revoked')).map((x) => (
                  <span>
                    <input
                      id={`outcome-${n}-${x}`}
                      type="radio"
                      name={`outcome.${n}`}
                      value={x}
                      checked={chosen === x}
                      required
                    />{' '}
                    <label for={`outcome-${n}-${x}`}>{REVIEW_OUTCOME_NAMES[x]}</label>{' '}
                  </span>
                ))}
                <label for={`reasons-${n}`}>复核理由</label>
                <textarea id={`reasons-${n}`} name={`reasons.${n}`} required maxLength={MAX_REVIEW_REASONS_LENGTH}>
                  {f[`reasons.${n}`] ?? ''}
                </textarea>
                {target !== PRE_GRADE ? (
                  <details>
                    <summary>{`更正内容（选择“更正”时填写，更正后的事件编号为 ${correctedEventId(target) ?? ''}）`}</summary>
                    <label for={`rule-${n}`}>评价指标代码</label>
                    <input id={`rule-${n}`} name={`rule.${n}`} value={f[`rule.${n}`] ?? r?.rule ?? ''} />
                    <label for={`occurredOn-${n}`}>发生日期</label>
                    <input
                      id={`occurredOn-${n}`}
                      name={`occurredOn.${n}`}
                      type="date"
                      value={f[`occurredOn.${n}`] ?? r?.occurredOn ?? ''}
                    />
                    <label for={`fineYuan-${n}`}>罚款金额（元）</label>
                    <input
                      id={`fineYuan-${n}`}
                      name={`fineYuan.${n}`}
                      inputMode="decimal"
                      value={f[`fineYuan.${n}`] ?? (r?.fineYuan == null ? '' : String(r.fineYuan))}
                    />
                    <label for={`summary-${n}`}>事实摘要</label>
                    <textarea id={`summary-${n}`} name={`summary.${n}`}>
                      {f[`summary.${n}`] ?? r?.summary ?? ''}
                    </textarea>
                  </details>
                ) : null}
              </fieldset>
            );
          })}
          <p>
            <button type="submit">提交复核结论</button>
          </p>
        </form>
      )}
    </>,
    status,
  );
};

/** The review as the form posts it; the problems the form itself can see (a malformed amount). */
const reviewOf = (ctx: Ctx): { readonly input: ReviewInput; readonly issues: InputIssue[] } => {
  const f = ctx.req.form;
  const input: ReviewInput[number][] = [];
  const issues: InputIssue[] = [];
  for (let n = 0; f[`target.${n}`] !== undefined && n < 500; n++) {
    const target = f[`target.${n}`]!;
    const outcome = f[`outcome.${n}`] ?? '';
    if (!(OUTCOMES as readonly string[]).includes(outcome)) {
      issues.push({ path: `${target} 复核结论`, message: '请选择维持、更正或撤销' });
      continue;
    }
    const fine = (f[`fineYuan.${n}`] ?? '').trim();
    const fineYuan = fine === '' ? null : Number(fine);
    if (fineYuan !== null && (!Number.isFinite(fineYuan) || fineYuan < 0))
      issues.push({ path: `${target} 罚款金额（元）`, message: '罚款金额须为不小于0的数字' });
    const summary = (f[`summary.${n}`] ?? '').trim();
    input.push({
      target,
      outcome: outcome as ReviewOutcome,
      reasons: f[`reasons.${n}`] ?? '',
      ...(outcome === 'corrected' && target !== PRE_GRADE
        ? {
            correction: {
              rule: (f[`rule.${n}`] ?? '').trim(),
              occurredOn: (f[`occurredOn.${n}`] ?? '').trim(),
              fineYuan: fineYuan !== null && Number.isFinite(fineYuan) ? fineYuan : null,
              summary: summary === '' ? null : summary,
            },
          }
        : {}),
    });
  }
  return { input, issues };
};

export const postObjectionReview = async (ctx: Ctx): Promise<WebResponse> => {
  const id = ctx.params.id ?? '';
  const { input, issues } = reviewOf(ctx);
  if (issues.length > 0) return objectionReviewPage(ctx, issues, 400);
  const out = await ctx.deps.console.objections.review.execute(ctx.caller, id, input);
  if (out.status === 'ok') return redirect(`${objectionPath(id)}?reviewed=1`);
  if (out.status === 'invalid') return objectionReviewPage(ctx, out.issues.map(named), 400);
  return ctx.refuse(out, TITLE);
};
