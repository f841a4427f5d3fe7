import type { Grade } from '../../../domain/evaluation/grade.ts';
import type { WebDeps } from '../deps.ts';
import type { PageContext } from '../router.ts';
import { GradeDistributionChart } from '../ui/charts.tsx';
import { kindName, leagueName } from '../ui/format.ts';
import type { KindOverview } from './publishedOverview.ts';

/** The search by name or code (the home page and the search results). */
export const SearchForm = ({ q }: { q?: string }) => (
  <search>
    <form method="get" action="/search" class="filters">
      <div>
        <label for="q">企业或机构名称、统一社会信用代码</label>
        <input id="q" name="q" type="search" value={q ?? ''} maxLength={100} size={40} />
      </div>
      <button type="submit">查询</button>
    </form>
  </search>
);

const total = (counts: Readonly<Record<Grade, number>>) => counts.A + counts.B + counts.C + counts.D;
const sum = (leagues: KindOverview['leagues']): Record<Grade, number> => {
  const out = { A: 0, B: 0, C: 0, D: 0 };
  for (const l of leagues) for (const g of ['A', 'B', 'C', 'D'] as const) out[g] += l.counts[g];
  return out;
};

/** The latest published year of each kind: its grades by kind, then by league. */
const LatestResults = ({ overview }: { overview: readonly KindOverview[] }) =>
  overview.length === 0 ? (
    <p class="muted">暂无已发布的评价结果。</p>
  ) : (
    <>
      <GradeDistributionChart
        id="chart-kinds"
        title={`最新发布年度各类评价对象的等级分布（${overview.map((k) => `${kindName(k.kind)}${k.year}年度`).join('，')}）`}
        rows={overview.map((k) => ({ label: kindName(k.kind), counts: sum(k.leagues) }))}
      />
      {overview.map((k) => (
        <section aria-labelledby={`latest-${k.kind}`}>
          <h3 id={`latest-${k.kind}`}>{`${k.year}年度${kindName(k.kind)}（共 ${total(sum(k.leagues))} 家）`}</h3>
          <GradeDistributionChart
            id={`chart-${k.kind}`}
            title={`${k.year}年度${kindName(k.kind)}各盟市等级分布`}
            rows={k.leagues.map((l) => ({ label: leagueName(l.league), counts: l.counts }))}
          />
          <p>
            <a href={`/lists/${k.year}/${k.kind}`}>{`查看${k.year}年度${kindName(k.kind)}评价结果名单`}</a>
          </p>
        </section>
      ))}
    </>
  );

export const homePage = async (ctx: PageContext<WebDeps>) => {
  const overview = await ctx.deps.public.overview.execute(ctx.now);
  return ctx.render(
    '环保信用评价结果查询',
    <>
      <p>查询内蒙古自治区企业和环保服务机构的环保信用评价结果（已公开发布的年度结果）。</p>
      <SearchForm />
      <h2>最新发布的评价结果</h2>
      <LatestResults overview={overview} />
      <p>
        <a href="/lists">历年评价结果名单</a>
      </p>
      <p>
        <a href="/publicity">评价结果公示（拟定等级，公示期内可提出意见）</a>
      </p>
    </>,
  );
};
