import { GRADE_NAMES } from '../../../domain/evaluation/grade.ts';
import { JURISDICTION_CODES } from '../../../domain/identifiers/leagues.ts';
import type { WebDeps } from '../deps.ts';
import type { PageContext } from '../router.ts';
import { gradeOptions, leagueOptions, SelectFilter } from '../ui/filters.tsx';
import { kindName, leagueName } from '../ui/format.ts';
import { Pager } from '../ui/pager.tsx';
import { RefusalMessage } from '../ui/refusal.tsx';
import { EntriesTable } from './entries.tsx';
import type { ListAsked, ListFilter } from './listPublished.ts';

/** `/lists`: the years and kinds with published results. */
export const listsPage = async (ctx: PageContext<WebDeps>) => {
  const kinds = await ctx.deps.public.lists.years();
  return ctx.render(
    '评价结果名单',
    <>
      <p>按年度和评价对象类别公开发布的环保信用评价结果名单，可按盟市和评价等级筛选，并可导出 Excel。</p>
      {kinds.map((k) => (
        <section aria-labelledby={`years-${k.kind}`}>
          <h2 id={`years-${k.kind}`}>{kindName(k.kind)}</h2>
          {k.years.length === 0 ? (
            <p class="muted">暂无已发布的评价结果。</p>
          ) : (
            <ul>
              {k.years.map((y) => (
                <li>
                  <a href={`/lists/${y}/${k.kind}`}>{`${y}年度${kindName(k.kind)}环保信用评价结果`}</a>
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </>,
  );
};

export const askedOf = (ctx: Pick<PageContext<unknown>, 'params' | 'req'>): ListAsked => ({
  year: ctx.params.year,
  kind: ctx.params.kind,
  league: ctx.req.query.league,
  grade: ctx.req.query.grade,
  cursor: ctx.req.query.cursor,
});

export const titleOf = (f: ListFilter) =>
  `${f.year}年度${kindName(f.kind)}环保信用评价结果${f.league ? `（${leagueName(f.league)}）` : ''}${f.grade ? `（${f.grade} ${GRADE_NAMES[f.grade]}）` : ''}`;

const filterQuery = (f: Pick<ListFilter, 'league' | 'grade'>) => {
  const q = new URLSearchParams();
  if (f.league) q.set('league', f.league);
  if (f.grade) q.set('grade', f.grade);
  const text = q.toString();
  return text ? `?${text}` : '';
};

const Filters = ({ f }: { f: ListFilter }) => (
  <form method="get" action={`/lists/${f.year}/${f.kind}`} class="filters">
    <SelectFilter
      name="league"
      label="盟市"
      all="全部盟市"
      options={leagueOptions(JURISDICTION_CODES)}
      selected={f.league}
    />
    <SelectFilter name="grade" label="评价等级" all="全部等级" options={gradeOptions()} selected={f.grade} />
    <button type="submit">筛选</button>
  </form>
);

/** `/lists/{year}/{kind}?league=&grade=&cursor=`: a year's published list, paged. */
export const listPage = async (ctx: PageContext<WebDeps>) => {
  const read = await ctx.deps.public.lists.page(askedOf(ctx));
  if (read.status === 'notFound') return ctx.refuse(read, '未找到该名单');
  if (read.status !== 'ok')
    return ctx.render(
      '查询条件有误',
      <>
        <RefusalMessage refusal={read} />
        <p>
          <a href="/lists">返回评价结果名单</a>
        </p>
      </>,
      400,
    );
  const { filter: f, page } = read.value;
  return ctx.render(
    titleOf(f),
    <>
      <Filters f={f} />
      <p>
        <a class="button secondary" href={`/exports/lists/${f.year}/${f.kind}${filterQuery(f)}`}>
          导出 Excel
        </a>
      </p>
      {page.entries.length === 0 ? (
        <p class="notice">没有符合条件的评价结果。</p>
      ) : (
        <EntriesTable caption={titleOf(f)} entries={page.entries} />
      )}
      <Pager
        path={`/lists/${f.year}/${f.kind}`}
        query={{ league: f.league, grade: f.grade }}
        next={page.next}
        first={!ctx.req.query.cursor}
      />
    </>,
  );
};
