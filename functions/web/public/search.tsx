import type { WebDeps } from '../deps.ts';
import { redirect } from '../http/response.ts';
import type { PageContext } from '../router.ts';
import { Pager } from '../ui/pager.tsx';
import { RefusalMessage } from '../ui/refusal.tsx';
import { EntriesTable, resultHref } from './entries.tsx';
import { SearchForm } from './home.tsx';

/** `/search?q=`: a code goes straight to its result; a part of a name lists the latest published results. */
export const searchPage = async (ctx: PageContext<WebDeps>) => {
  const { q, cursor } = ctx.req.query;
  const found = await ctx.deps.public.search.execute({ q, ...(cursor === undefined ? {} : { cursor }) });
  if (found.status !== 'ok')
    return ctx.render(
      '查询条件有误',
      <>
        <RefusalMessage refusal={found} />
        <SearchForm q={q} />
      </>,
      400,
    );
  const a = found.value;
  if (a.type === 'subject') return redirect(resultHref(a.subject));
  if (a.type === 'noCode')
    return ctx.render(
      '查询结果',
      <>
        <SearchForm q={q} />
        <p class="notice">{`未找到统一社会信用代码为 ${a.code} 的企业或机构已公开发布的评价结果。`}</p>
      </>,
    );
  return ctx.render(
    '查询结果',
    <>
      <SearchForm q={a.text} />
      {a.entries.length === 0 ? (
        <p class="notice">{`未找到名称含“${a.text}”的已公开发布的评价结果。`}</p>
      ) : (
        <EntriesTable caption={`名称含“${a.text}”的评价结果（最新发布年度）`} entries={a.entries} />
      )}
      <Pager path="/search" query={{ q: a.text }} next={a.next} first={cursor === undefined || cursor === ''} />
    </>,
  );
};
