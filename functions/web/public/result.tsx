import type { WebDeps } from '../deps.ts';
import type { PageContext } from '../router.ts';
import { ScoreHistoryChart } from '../ui/charts.tsx';
import { chineseDate, kindName, leagueName, scoreText } from '../ui/format.ts';
import { Plate } from '../ui/plate.tsx';
import { ItemsTable, itemColumns, SitesTable } from '../ui/result.tsx';
import { CommitmentLetterSection } from './commitment.tsx';
import { resultHref } from './entries.tsx';

/** The reasons as the public site shows them (Art 20): no event numbers, no sites. */
const REASON_COLUMNS = [
  itemColumns.wording(),
  itemColumns.points(),
  itemColumns.article('依据条款'),
  itemColumns.occurredOn(),
  itemColumns.state('计分情况'),
];

/** `/results/{kind}/{id}?year=`: a subject's published result (Art 20), with its earlier years. */
export const resultPage = async (ctx: PageContext<WebDeps>) => {
  const { kind = '', id = '' } = ctx.params;
  const year = ctx.req.query.year;
  const found = await ctx.deps.public.results.execute({ kind, id, ...(year === undefined ? {} : { year }) });
  if (found.status !== 'ok')
    return found.status === 'notFound'
      ? ctx.refuse(found, '未找到已公开发布的评价结果')
      : ctx.refuse(found, '查询条件有误');
  const { result: r, publishedOn, history, commitment } = found.value;
  const sites = r.sites ?? [];
  return ctx.render(
    r.subject.name,
    <>
      <p class="muted">{`${kindName(r.subject.kind)} · 统一社会信用代码 ${r.subject.id} · ${leagueName(r.subject.league)}`}</p>
      <section class="card summary" aria-label="评价结果">
        <Plate grade={r.grade} size="large" />
        <div>
          <span class="score">{scoreText(r.score)}</span> 分
        </div>
        <dl class="facts">
          <dt>评价年度</dt>
          <dd>{`${r.year}年度`}</dd>
          <dt>发布日期</dt>
          <dd>{publishedOn ? chineseDate(publishedOn) : '—'}</dd>
          {r.reissue ? (
            <>
              <dt>重新发布</dt>
              <dd>{`${chineseDate(r.reissue.reissuedOn)}信用修复后重新发布（第 ${r.reissue.version} 版，第二十三条）`}</dd>
            </>
          ) : null}
        </dl>
      </section>
      <h2>评价依据</h2>
      <ItemsTable
        items={r.items}
        name={{ caption: '评价依据的环境信用信息' }}
        columns={REASON_COLUMNS}
        empty={<p>该年度无扣分或加分记录。</p>}
      />
      {sites.length > 1 ? (
        <>
          <h2>各厂址评价结果</h2>
          <SitesTable sites={sites} caption="各厂址的评价得分和等级" scoreHeader="评价得分" gradeHeader="评价等级" />
        </>
      ) : null}
      <h2>历年评价结果</h2>
      <ScoreHistoryChart
        id="history"
        title={`${r.subject.name}历年评价得分和等级`}
        points={history.map((h) => ({ year: h.year, score: h.score, grade: h.grade }))}
      />
      <nav aria-label="历年评价结果">
        <ul>
          {history.map((h) => (
            <li>
              {h.year === r.year ? (
                <span aria-current="page">{`${h.year}年度（当前）`}</span>
              ) : (
                <a href={resultHref(r.subject, h.year)}>{`${h.year}年度`}</a>
              )}{' '}
              <Plate grade={h.grade} />
            </li>
          ))}
        </ul>
      </nav>
      <CommitmentLetterSection letter={commitment} />
    </>,
  );
};
