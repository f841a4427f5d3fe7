import { AGENCY_CATEGORY_NAMES } from '../../../../domain/catalogue/kinds.ts';
import { BASIC_FIELDS, type BasicInformationForm } from '../../../../domain/filing/basicInformation.ts';
import type { BasicInformation } from '../../../../domain/filing/filing.ts';
import { shareText } from '../../../../domain/participants/participant.ts';
import type { InputIssue } from '../../../../domain/validation.ts';
import type { FilingView } from '../../../filing/viewFiling.ts';
import { redirect, type WebResponse } from '../../http/response.ts';
import { AgencyCategoriesFieldset } from '../../ui/fields.tsx';
import { chineseDate, chineseDateTime, workingDaysLeftText } from '../../ui/format.ts';
import { CsrfField } from '../../ui/layout.tsx';
import { RefusalMessage } from '../../ui/refusal.tsx';
import { type PortalContext, selfOf } from '../self.ts';

/**
 * `/portal/filing`: the participant's filing of the year under way (Art 20) — the deadline and the
 * working days left, what to file (with links), the basic information form, then its status:
 * 已按时填报 or 逾期填报 (a filing after the window closed is accepted and marked late).
 */
const PATH = '/portal/filing';
const TITLE = '参评填报';

const LINKS: Record<string, { href: string; text: string } | undefined> = {
  commitment: { href: '/portal/commitment', text: '签署信用承诺书' },
  records: { href: '/portal', text: '查看本单位环境信用信息' },
};

const STATUS_TEXT = {
  onTime: '已按时填报',
  late: '逾期填报',
  missing: '未填报（已逾期）',
  open: '尚未填报',
} as const;

const basicText = (b: BasicInformation): string =>
  b.sites.length > 0
    ? b.sites.map((s) => `${s.siteId}:${shareText(s.shareBp)}`).join('；')
    : b.categories.map((c) => AGENCY_CATEGORY_NAMES[c]).join('；');

interface FormState {
  readonly values: BasicInformationForm;
  readonly issues: readonly InputIssue[];
  readonly conflict?: string;
}

const FilingForm = ({ ctx, v, s }: { ctx: PortalContext; v: FilingView; s: FormState }) => (
  <form method="post" action={PATH}>
    <CsrfField token={ctx.csrf} />
    {v.entry.kind === 'enterprise' ? (
      <>
        <label for="sites">{`${BASIC_FIELDS.sites}（如“P001:60%；P002:40%”，合计100%）`}</label>
        <input id="sites" name="sites" size={40} required value={s.values.sites} />
      </>
    ) : (
      <AgencyCategoriesFieldset
        legend={`${BASIC_FIELDS.categories}（附件2 第三方服务机构分类，至少一项）`}
        checked={(c) => s.values.categories.includes(c)}
      />
    )}
    <p>
      <button type="submit">提交填报</button>
    </p>
  </form>
);

const page = (ctx: PortalContext, v: FilingView, s: FormState, status = 200): WebResponse => {
  const w = v.window;
  const filed = v.filing?.filedAt ? v.filing : null;
  return ctx.render(
    TITLE,
    <>
      <p>{`${v.year}年度环保信用评价 · ${v.entry.name}（${v.entry.code}）`}</p>
      {w ? (
        <p class="notice">
          {`填报期限：${chineseDate(w.closesOn)}（接到参评通知后20个工作日内，第二十条）。`}
          {v.workingDaysLeft !== null && v.workingDaysLeft >= 0
            ? workingDaysLeftText(v.workingDaysLeft)
            : '填报期限已届满'}
        </p>
      ) : (
        <p class="notice">生态环境主管部门尚未通知参评，填报尚未开始。</p>
      )}
      {v.status && v.status !== 'open' ? (
        <p class={`notice ${v.status === 'onTime' ? 'ok' : 'error'}`} role="status">
          {`填报情况：${STATUS_TEXT[v.status]}`}
          {filed?.filedAt ? `（提交时间：${chineseDateTime(filed.filedAt)}）` : ''}
        </p>
      ) : null}
      {s.conflict ? <RefusalMessage refusal={{ status: 'conflict', code: 'FILING', message: s.conflict }} /> : null}
      {s.issues.length > 0 ? <RefusalMessage refusal={{ status: 'invalid', issues: s.issues }} /> : null}
      <h2>应填报和上报的内容</h2>
      <ol>
        {v.items.map((item) => {
          const link = LINKS[item.key];
          return (
            <li>
              {`${item.name}：${item.detail}（${item.article}）`}
              {link ? (
                <>
                  {' '}
                  <a href={link.href}>{link.text}</a>
                </>
              ) : null}
            </li>
          );
        })}
      </ol>
      <h2>基本信息</h2>
      {filed?.basic ? (
        <p>{`已填报：${basicText(filed.basic)}。本年度基本信息已填报，不可更改。`}</p>
      ) : w ? (
        <>
          {v.status === 'missing' ? <p>填报期限已届满，现在提交的填报记为逾期填报。</p> : null}
          <FilingForm ctx={ctx} v={v} s={s} />
        </>
      ) : null}
      <p>
        <a href="/portal/notices">查看我的通知</a>
      </p>
    </>,
    status,
  );
};

const EMPTY: BasicInformationForm = { sites: '', categories: [] };

const NotParticipant = () => <p class="notice">本单位不在本年度的参评名单中，无需填报。</p>;

export const filingPage = async (ctx: PortalContext): Promise<WebResponse> => {
  const self = selfOf(ctx);
  if (self === null) return ctx.refuse({ status: 'forbidden' });
  const out = await ctx.deps.portal.filing.view.execute(ctx.caller, self);
  if (out.status === 'notFound') return ctx.render(TITLE, <NotParticipant />);
  if (out.status !== 'ok') return ctx.refuse(out);
  return page(ctx, out.value, { values: EMPTY, issues: [] });
};

export const postFiling = async (ctx: PortalContext): Promise<WebResponse> => {
  const self = selfOf(ctx);
  if (self === null) return ctx.refuse({ status: 'forbidden' });
  const values: BasicInformationForm = {
    sites: ctx.req.form.sites ?? '',
    categories: ctx.req.formAll.categories ?? [],
  };
  const outcome = await ctx.deps.portal.filing.file.execute(ctx.caller, self, values);
  if (outcome.status === 'ok') return redirect(PATH);
  if (outcome.status === 'notFound') return ctx.render(TITLE, <NotParticipant />, 404);
  if (outcome.status !== 'invalid' && outcome.status !== 'conflict') return ctx.refuse(outcome);
  const view = await ctx.deps.portal.filing.view.execute(ctx.caller, self);
  if (view.status !== 'ok') return ctx.refuse(view);
  return outcome.status === 'invalid'
    ? page(ctx, view.value, { values, issues: outcome.issues }, 400)
    : page(ctx, view.value, { values, issues: [], conflict: outcome.message }, 409);
};
