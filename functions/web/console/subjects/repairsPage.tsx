import { MAX_REASON_LENGTH } from '../../../../domain/records/bounds.ts';
import type { WebDeps } from '../../deps.ts';
import { redirect } from '../../http/response.ts';
import type { PageContext } from '../../router.ts';
import { chineseDate, kindName, leagueName, workingDaysLeftText } from '../../ui/format.ts';
import { CsrfField } from '../../ui/layout.tsx';
import { RefusalMessage } from '../../ui/refusal.tsx';
import { EvidenceList } from '../evidence/links.tsx';
import { named } from './labels.ts';
import { subjectPath } from './listPage.tsx';
import type { QueuedRepair } from './repairQueue.ts';

/**
 * `/console/repairs`: the repair applications waiting for verification (Art 23 ¶2: within 20 working
 * days), with the working days left; `/console/repairs/{kind}/{id}/{applicationId}`: one application
 * and the decision (予以修复 / 不予修复 with the reason), by the existing repair decision.
 */
const decisionPath = (q: QueuedRepair) =>
  `/console/repairs/${q.application.subject.kind}/${encodeURIComponent(q.application.subject.id)}/${q.application.id}`;

const Limit = ({ q }: { q: QueuedRepair }) => (
  <span class={q.workingDaysLeft < 0 ? 'overdue' : undefined}>
    {chineseDate(q.application.verifyBy.on)}（{workingDaysLeftText(q.workingDaysLeft)}
    {q.provisional ? '，暂按周末计算' : ''}）
  </span>
);

const DECIDED = { approve: '已予以修复，相关评价结果将重新计算。', reject: '已作出不予修复的决定。' } as const;

export const repairQueuePage = async (ctx: PageContext<WebDeps>) => {
  const out = await ctx.deps.console.subjects.repairQueue.execute(ctx.caller);
  if (out.status !== 'ok') return ctx.refuse(out);
  const decided = ctx.req.query.decided as keyof typeof DECIDED | undefined;
  return ctx.render(
    '信用修复审核',
    <>
      {decided && decided in DECIDED ? (
        <p class="notice ok" role="status">
          {DECIDED[decided]}
        </p>
      ) : null}
      <p>
        盟市生态环境局应在受理信用修复申请后20个工作日内完成核实（第二十三条）。
        <a class="button secondary" href="/exports/console/repairs">
          导出 Excel
        </a>
      </p>
      {out.value.length === 0 ? (
        <p class="notice">没有待核实的信用修复申请。</p>
      ) : (
        <div class="table-wrap">
          <table>
            <caption>{`待核实的信用修复申请（共 ${out.value.length} 件）`}</caption>
            <thead>
              <tr>
                <th scope="col">申请日期</th>
                <th scope="col">申请人</th>
                <th scope="col">盟市</th>
                <th scope="col">申请修复的信用信息</th>
                <th scope="col">核实期限</th>
                <th scope="col">操作</th>
              </tr>
            </thead>
            <tbody>
              {out.value.map((q) => (
                <tr>
                  <td>{chineseDate(q.application.appliedOn)}</td>
                  <td>
                    <a href={subjectPath(q.application.subject)}>{q.name ?? q.application.subject.id}</a>
                    <div class="muted">{q.application.subject.id}</div>
                  </td>
                  <td>{leagueName(q.league)}</td>
                  <td>{q.application.eventId}</td>
                  <td>
                    <Limit q={q} />
                  </td>
                  <td>
                    <a href={decisionPath(q)} aria-label={`核实 ${q.name ?? q.application.subject.id} 的申请`}>
                      核实
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

const findQueued = async (ctx: PageContext<WebDeps>) => {
  const out = await ctx.deps.console.subjects.repairQueue.execute(ctx.caller);
  if (out.status !== 'ok') return out;
  const { kind, id, applicationId } = ctx.params;
  const q = out.value.find(
    (x) => x.application.id === applicationId && x.application.subject.kind === kind && x.application.subject.id === id,
  );
  return q ? { status: 'ok' as const, value: q } : { status: 'notFound' as const };
};

const decisionPage = (ctx: PageContext<WebDeps>, q: QueuedRepair, problem: unknown, status = 200) =>
  ctx.render(
    `核实信用修复申请：${q.name ?? q.application.subject.id}`,
    <>
      <p>
        <a href="/console/repairs">返回待核实列表</a>
      </p>
      {problem}
      <dl class="facts">
        <dt>申请人</dt>
        <dd>
          <a href={subjectPath(q.application.subject)}>{q.name ?? q.application.subject.id}</a>（
          {kindName(q.application.subject.kind)} {q.application.subject.id}）
        </dd>
        <dt>申请修复的信用信息</dt>
        <dd>{q.application.eventId}</dd>
        <dt>申请日期</dt>
        <dd>{chineseDate(q.application.appliedOn)}</dd>
        <dt>核实期限</dt>
        <dd>
          <Limit q={q} />
        </dd>
        <dt>整改情况及证据</dt>
        <dd>{q.application.evidence}</dd>
        <dt>证明材料</dt>
        <dd>
          <EvidenceList keys={q.application.evidenceFiles ?? []} />
        </dd>
        <dt>不良影响已消除</dt>
        <dd>{q.application.impactEliminated ? '是' : '否'}</dd>
      </dl>
      <form
        method="post"
        action={decisionPath(q)}
        data-confirm="确认提交核实决定？予以修复后，该信用信息自决定之日起不再计入评价，已公布的结果将重新发布。"
      >
        <CsrfField token={ctx.csrf} />
        <fieldset>
          <legend>核实决定（第二十三条）</legend>
          <div>
            <input type="radio" id="decision-approve" name="decision" value="approve" />{' '}
            <label for="decision-approve" class="inline-label">
              予以修复
            </label>
          </div>
          <div>
            <input type="radio" id="decision-reject" name="decision" value="reject" />{' '}
            <label for="decision-reject" class="inline-label">
              不予修复
            </label>
          </div>
        </fieldset>
        <label for="reason">理由（不予修复时必填）</label>
        <textarea id="reason" name="reason" maxLength={MAX_REASON_LENGTH} />
        <p class="muted">予以修复后，该信用信息自决定之日起不再计入评价，已公布的结果将重新发布并推送更正。</p>
        <p>
          <button type="submit">提交决定</button>
        </p>
      </form>
    </>,
    status,
  );

export const repairDecisionPage = async (ctx: PageContext<WebDeps>) => {
  const found = await findQueued(ctx);
  if (found.status !== 'ok') return ctx.refuse(found);
  return decisionPage(ctx, found.value, null);
};

export const postRepairDecision = async (ctx: PageContext<WebDeps>) => {
  const found = await findQueued(ctx);
  if (found.status !== 'ok') return ctx.refuse(found);
  const reason = (ctx.req.form.reason ?? '').trim();
  const body = { decision: ctx.req.form.decision ?? '', reason: reason === '' ? null : reason };
  const out = await ctx.deps.console.subjects.decideRepair.execute(
    ctx.caller,
    found.value.application.subject,
    found.value.application.id,
    body,
  );
  if (out.status === 'ok') return redirect(`/console/repairs?decided=${body.decision}`);
  if (out.status === 'invalid')
    return decisionPage(
      ctx,
      found.value,
      <RefusalMessage refusal={named({ status: 'invalid', issues: out.issues })} />,
      400,
    );
  if (out.status === 'conflict') return ctx.refuse({ status: 'conflict', code: 'DECIDED', message: out.message });
  if (out.status === 'refused')
    return ctx.refuse({ status: 'conflict', code: 'REFUSED', message: out.reasons.join('；') });
  return ctx.refuse(out.status === 'unauthorized' ? { status: 'unauthorized', reason: 'missing' } : out);
};
