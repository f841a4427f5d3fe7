import { NOTICE_KIND_NAMES } from '../../../../domain/notices/notice.ts';
import { maskResidentId } from '../../../../domain/participants/practitionerFiling.ts';
import type { IssuedNotice } from '../../../ports/notices.ts';
import type { WebResponse } from '../../http/response.ts';
import { chineseDate, chineseDateTime } from '../../ui/format.ts';
import { NoticeText } from '../../ui/noticeText.tsx';
import { type PortalContext, selfOf } from '../self.ts';

/**
 * `/portal/notices`: the notices issued to the participant (参评通知, 逾期填报告知 …), newest first,
 * with whether each was read; `/portal/notices/{id}`: one notice as issued, printable — opening it
 * records the read receipt the bureau sees (docs/notices.md). The notices of the practitioners the
 * unit filed and the bureau listed are listed with them, labelled 从业人员：姓名 (Art 18(4)); their
 * resident identity numbers are masked.
 */
const TITLE = '我的通知';

/** A notice's page: a practitioner's names the practitioner (its notices share their ids). */
const noticeHref = (n: IssuedNotice): string =>
  `/portal/notices/${encodeURIComponent(n.id)}${n.to.kind === 'practitioner' ? `?practitioner=${encodeURIComponent(n.to.id)}` : ''}`;

/** `从业人员：张建国`: whose notice, when it is a practitioner's. */
const practitionerLabel = (n: IssuedNotice): string | null =>
  n.to.kind === 'practitioner' ? `从业人员：${n.toName}` : null;

const NoticeTable = ({ notices }: { notices: readonly IssuedNotice[] }) => (
  <div class="table-wrap">
    <table>
      <caption>{`通知（共 ${notices.length} 份）`}</caption>
      <thead>
        <tr>
          <th scope="col">类别</th>
          <th scope="col">标题</th>
          <th scope="col">对象</th>
          <th scope="col">发出日期</th>
          <th scope="col">期限</th>
          <th scope="col">状态</th>
        </tr>
      </thead>
      <tbody>
        {notices.map((n) => (
          <tr>
            <td>{NOTICE_KIND_NAMES[n.kind]}</td>
            <td>
              <a href={noticeHref(n)}>{n.title}</a>
            </td>
            <td>
              {n.to.kind === 'practitioner' ? (
                <>
                  <span class="tag">{practitionerLabel(n)}</span> {maskResidentId(n.to.id)}
                </>
              ) : (
                '本单位'
              )}
            </td>
            <td>{chineseDateOfInstant(n.issuedAt)}</td>
            <td>{n.deadline ? chineseDate(n.deadline) : '—'}</td>
            <td>{n.readAt ? '已读' : '未读'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  </div>
);

/** The Beijing date of an instant (notices are dated in Beijing time). */
const chineseDateOfInstant = (iso: string): string => chineseDateTime(iso).split(' ')[0] ?? iso;

export const noticeListPage = async (ctx: PortalContext): Promise<WebResponse> => {
  const self = selfOf(ctx);
  if (self === null) return ctx.refuse({ status: 'forbidden' });
  const out = await ctx.deps.portal.notices.list.execute(ctx.caller, self);
  if (out.status !== 'ok') return ctx.refuse(out);
  return ctx.render(
    TITLE,
    out.value.length === 0 ? <p class="notice">暂无通知。</p> : <NoticeTable notices={out.value} />,
  );
};

export const noticePage = async (ctx: PortalContext): Promise<WebResponse> => {
  const self = selfOf(ctx);
  if (self === null) return ctx.refuse({ status: 'forbidden' });
  const out = await ctx.deps.portal.notices.read.execute(
    ctx.caller,
    self,
    ctx.params.id ?? '',
    ctx.req.query.practitioner,
  );
  if (out.status === 'notFound') return ctx.refuse(out, '没有这份通知');
  if (out.status !== 'ok') return ctx.refuse(out);
  const n = out.value;
  return ctx.render(
    n.title,
    <>
      {practitionerLabel(n) ? (
        <p>
          <span class="tag">{practitionerLabel(n)}</span>
          {` 本通知发给本单位填报的相关从业人员，由本单位代为接收（第十八条第四项）。`}
        </p>
      ) : null}
      <p class="muted">{`${NOTICE_KIND_NAMES[n.kind]} · 发出时间：${chineseDateTime(n.issuedAt)}${n.deadline ? ` · 期限：${chineseDate(n.deadline)}` : ''}`}</p>
      <NoticeText title={n.title} body={n.body} className="notice-text" />
      <p class="muted no-print">本通知发出后不可更改。可使用浏览器的打印功能打印本通知。</p>
      <p class="no-print">
        <a href="/portal/notices">返回我的通知</a>
      </p>
    </>,
  );
};
