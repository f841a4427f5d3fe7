import type { PublishedKind } from '../../../ports/publishedDirectory.ts';
import type { StatisticsRow } from '../../../results-use/resultStatistics.ts';
import type { WebDeps } from '../../deps.ts';
import type { PageContext } from '../../router.ts';
import { GradeDistributionChart } from '../../ui/charts.tsx';
import { GRADES, kindName, leagueName } from '../../ui/format.ts';
import { STATISTICS_TITLE, sumCounts, totalOf } from './labels.ts';

const KINDS: readonly PublishedKind[] = ['enterprise', 'agency'];

const KindSection = ({ kind, rows }: { kind: PublishedKind; rows: readonly StatisticsRow[] }) => {
  const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => b - a);
  const id = `stats-${kind}`;
  return (
    <section aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{kindName(kind)}</h2>
      {years.length === 0 ? (
        <p class="muted">暂无已发布的评价结果。</p>
      ) : (
        <>
          <GradeDistributionChart
            id={`${id}-years`}
            title={`${kindName(kind)}各年度评价等级分布`}
            rows={[...years]
              .reverse()
              .map((y) => ({ label: `${y}年度`, counts: sumCounts(rows.filter((r) => r.year === y)) }))}
          />
          {years.map((y) => (
            <GradeDistributionChart
              id={`${id}-${y}`}
              title={`${y}年度${kindName(kind)}各盟市评价等级分布`}
              rows={rows.filter((r) => r.year === y).map((r) => ({ label: leagueName(r.league), counts: r.counts }))}
            />
          ))}
        </>
      )}
    </section>
  );
};

/** `/console/statistics`: the grade distribution of published results per kind, year and league (Art 8). */
export const statisticsPage = async (ctx: PageContext<WebDeps>) => {
  const read = await ctx.deps.console.statistics.read.execute(ctx.caller);
  if (read.status !== 'ok') return ctx.refuse(read, STATISTICS_TITLE);
  const { rows, league } = read.value;
  return ctx.render(
    league === null ? STATISTICS_TITLE : `${STATISTICS_TITLE}（${leagueName(league)}）`,
    <>
      <p>已发布的环保信用评价结果按年度、评价对象类别和盟市统计的评价等级分布。</p>
      <p>
        <a class="button secondary" href="/exports/console/statistics">
          导出 Excel
        </a>
      </p>
      {KINDS.map((k) => (
        <KindSection kind={k} rows={rows.filter((r) => r.kind === k)} />
      ))}
      {rows.length === 0 ? null : (
        <div class="table-wrap">
          <table aria-label="各年度各盟市评价等级数量">
            <thead>
              <tr>
                <th scope="col">评价年度</th>
                <th scope="col">评价对象类别</th>
                <th scope="col">盟市</th>
                {GRADES.map((g) => (
                  <th scope="col">{`${g}级`}</th>
                ))}
                <th scope="col">合计</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr>
                  <td>{`${r.year}年度`}</td>
                  <td>{kindName(r.kind)}</td>
                  <td>{leagueName(r.league)}</td>
                  {GRADES.map((g) => (
                    <td>{r.counts[g]}</td>
                  ))}
                  <td>{totalOf(r.counts)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>,
  );
};
