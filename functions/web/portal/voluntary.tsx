import type { ComponentChildren } from 'preact';
import { COLUMNS } from '../../../domain/participants/importList.ts';
import type { VoluntaryApplication } from '../../ports/voluntary.ts';
import { redirect, type WebResponse } from '../http/response.ts';
import { AgencyCategoriesFieldset } from '../ui/fields.tsx';
import { chineseDateTime, leagueName } from '../ui/format.ts';
import { CsrfField } from '../ui/layout.tsx';
import { RefusalMessage } from '../ui/refusal.tsx';
import { type PortalContext, selfOf } from './self.ts';
import type { VoluntaryView } from './voluntaryParticipation.ts';

/**
 * `/portal/participation`: the unit's application to take part in the evaluation of the year under
 * way of its own accord (Art 6(8)), and the form to apply; the league bureau accepts or declines it.
 */
const PATH = '/portal/participation';
const TITLE = '自愿参加环保信用评价';

const STATUS_TEXT: Record<VoluntaryApplication['status'], string> = {
  pending: '待处理',
  accepted: '已接受（已列入参评名单）',
  declined: '不予接受',
};

const NotRegistered = () => (
  <p class="notice">本单位尚未由生态环境部门登记为评价对象（或所属盟市未登记），登记后可在此申请自愿参加。</p>
);

const page = (
  ctx: PortalContext,
  v: VoluntaryView,
  notice?: ComponentChildren,
  status = 200,
  /** The categories ticked on a form refused, ticked again. */
  ticked: readonly string[] = [],
) =>
  ctx.render(
    TITLE,
    <>
      {notice}
      <p>
        依据《办法》第六条（八），未纳入评价范围的单位可自愿申请参加环保信用评价，由所属盟市生态环境局确定是否列入参评名单。
      </p>
      <div class="table-wrap">
        <table>
          <caption>本单位的自愿参加申请</caption>
          <thead>
            <tr>
              <th scope="col">评价年度</th>
              <th scope="col">盟市</th>
              <th scope="col">申请时间</th>
              <th scope="col">状态</th>
              <th scope="col">理由</th>
            </tr>
          </thead>
          <tbody>
            {v.application ? (
              <tr>
                <td>{`${v.application.year}年度`}</td>
                <td>{leagueName(v.application.league)}</td>
                <td>{chineseDateTime(v.application.appliedAt)}</td>
                <td>{STATUS_TEXT[v.application.status]}</td>
                <td>{v.application.reason ?? '—'}</td>
              </tr>
            ) : (
              <tr>
                <td colSpan={5}>暂无申请。</td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      {v.application?.status === 'pending' ? null : (
        <form method="post" action={PATH}>
          <CsrfField token={ctx.csrf} />
          <p>{`申请参加${v.year}年度环保信用评价（${leagueName(v.league)}生态环境局）。`}</p>
          {selfOf(ctx)?.kind === 'agency' ? (
            <AgencyCategoriesFieldset
              legend={`${COLUMNS.categories}（附件2 机构分类，至少一项）`}
              checked={(c) => ticked.includes(c)}
            />
          ) : null}
          <button type="submit">提交自愿参加申请</button>
        </form>
      )}
    </>,
    status,
  );

export const participationPage = async (ctx: PortalContext): Promise<WebResponse> => {
  const self = selfOf(ctx);
  if (self === null) return ctx.refuse({ status: 'forbidden' });
  const found = await ctx.deps.portal.voluntary.view(ctx.caller, self);
  if (found.status === 'notFound') return ctx.render(TITLE, <NotRegistered />);
  if (found.status !== 'ok') return ctx.refuse(found);
  const done =
    ctx.req.query.applied === '1' ? (
      <p class="notice ok" role="status">
        已提交自愿参加申请，请等待盟市生态环境局处理。
      </p>
    ) : undefined;
  return page(ctx, found.value, done);
};

export const postParticipation = async (ctx: PortalContext): Promise<WebResponse> => {
  const self = selfOf(ctx);
  if (self === null) return ctx.refuse({ status: 'forbidden' });
  const categories = ctx.req.formAll.categories ?? [];
  const out = await ctx.deps.portal.voluntary.apply(ctx.caller, self, { categories });
  if (out.status === 'ok') return redirect(`${PATH}?applied=1`);
  if (out.status === 'notFound') return ctx.render(TITLE, <NotRegistered />, 404);
  if (out.status !== 'conflict' && out.status !== 'invalid') return ctx.refuse(out);
  const view = await ctx.deps.portal.voluntary.view(ctx.caller, self);
  if (view.status !== 'ok') return ctx.refuse(view);
  return page(ctx, view.value, <RefusalMessage refusal={out} />, out.status === 'invalid' ? 400 : 409, categories);
};
