import { objectionIdShown } from '../../../../domain/objections/objection.ts';
import { maskResidentId } from '../../../../domain/participants/practitionerFiling.ts';
import type { ListedObjection } from '../../../objections/listObjections.ts';
import type { WebDeps } from '../../deps.ts';
import type { WebResponse } from '../../http/response.ts';
import type { PageContext } from '../../router.ts';
import { chineseDate } from '../../ui/format.ts';
import { type Column, DataTable } from '../../ui/table.tsx';
import {
  cycleText,
  disputedText,
  leagueText,
  leftText,
  limitText,
  OBJECTIONS_TITLE,
  objectionPath,
  statusText,
} from './parts.ts';

/**
 * `/console/objections`: the objections of the leagues the caller reviews for (Art 17(3), 18(4)), open
 * first with the working days left to their review limit and the overdue marked; each links to its review.
 */
const COLUMNS: readonly Column<ListedObjection>[] = [
  { header: '异议编号', cell: (o) => <a href={objectionPath(o.id)}>{objectionIdShown(o.id)}</a> },
  {
    header: '参评单位',
    // Art 18(6): a practitioner's resident identity number is masked in lists.
    cell: (o) =>
      `${o.subjectName}（${o.subject.kind === 'practitioner' ? maskResidentId(o.subject.id) : o.subject.id}）`,
  },
  { header: '盟市', class: 'nowrap', cell: leagueText },
  { header: '评价周期', class: 'nowrap', cell: cycleText },
  { header: '提出日期', class: 'nowrap', cell: (o) => chineseDate(o.filedOn) },
  { header: '异议事项', cell: disputedText },
  { header: '复核期限', class: 'nowrap', cell: limitText },
  {
    header: '剩余工作日',
    class: 'nowrap',
    cell: (o) => {
      const text = leftText(o);
      return text.includes('逾期') ? <strong class="tag">{text}</strong> : text;
    },
  },
  { header: '状态', cell: statusText },
];

export const objectionListPage = async (ctx: PageContext<WebDeps>): Promise<WebResponse> => {
  const out = await ctx.deps.console.objections.list.execute(ctx.caller, ctx.req.query.league || undefined);
  if (out.status !== 'ok') return ctx.refuse(out, OBJECTIONS_TITLE);
  const query = ctx.req.query.league ? `?league=${encodeURIComponent(ctx.req.query.league)}` : '';
  return ctx.render(
    OBJECTIONS_TITLE,
    <>
      <p>
        <a class="button secondary" href={`/exports/console/objections${query}`}>
          导出 Excel
        </a>{' '}
        <a class="button secondary" href="/console/supplement">
          补充信用信息
        </a>
      </p>
      {out.value.objections.length === 0 ? (
        <p class="muted">没有异议。</p>
      ) : (
        <DataTable name={{ caption: '异议及复核情况' }} columns={COLUMNS} rows={out.value.objections} />
      )}
    </>,
  );
};
