import { LEAGUE_CODES } from '../../../../domain/identifiers/leagues.ts';
import type { WebDeps } from '../../deps.ts';
import type { WebResponse } from '../../http/response.ts';
import type { PageContext } from '../../router.ts';
import { leagueOptions, SelectFilter } from '../../ui/filters.tsx';
import { leagueName } from '../../ui/format.ts';
import { NoticeText } from '../../ui/noticeText.tsx';
import { LETTER_COLUMNS, letterHref, lettersQueryOf } from './letterRows.ts';

type Ctx = PageContext<WebDeps>;

/**
 * `GET /console/letters`: the letters (函告, Art 18(6)) the league bureau sent for a year to the
 * individuals found 环保失信个人 on records it established, each printable, with the region's notice
 * of the year's practitioners' results to the league (从业人员评定结果通知). Never on a public page.
 */
export const letterListPage = async (ctx: Ctx): Promise<WebResponse> => {
  const q = lettersQueryOf(ctx);
  if (q === null) return ctx.refuse({ status: 'forbidden' });
  const out = await ctx.deps.console.letters.list.execute(ctx.caller, q.league, q.year);
  if (out.status !== 'ok') return ctx.refuse(out);
  const notice = await ctx.deps.console.letters.list.resultsNotice(ctx.caller, q.league, q.year);
  if (notice.status !== 'ok') return ctx.refuse(notice);
  const letters = out.value;
  return ctx.render(
    `${leagueName(q.league)}失信函告（${q.year}年度）`,
    <>
      <search>
        <form method="get" action="/console/letters" class="filters">
          {ctx.session?.claims.role === 'region' ? (
            <SelectFilter name="league" label="盟市" options={leagueOptions(LEAGUE_CODES)} selected={q.league} />
          ) : null}
          <label for="letters-year">评价年度</label>
          <input id="letters-year" name="year" type="number" min="2000" max="2100" value={String(q.year)} />
          <button type="submit">查看</button>
        </form>
      </search>
      <p>
        依照第十八条第六项，相关从业人员评定结果不公布、不公示，由自治区生态环境厅通知盟市生态环境局；评定为环保失信个人的，由认定失信的生态环境局进行函告。函告经填报该人员的用人单位送达。
      </p>
      <p>
        <a class="button secondary" href={`/exports/console/letters?league=${q.league}&year=${q.year}`}>
          导出 Excel
        </a>
      </p>
      {letters.length === 0 ? (
        <p class="notice">本年度暂无本局发出的失信函告。</p>
      ) : (
        <div class="table-wrap">
          <table>
            <caption>{`${q.year}年度失信函告`}</caption>
            <thead>
              <tr>
                {LETTER_COLUMNS.map((c) => (
                  <th scope="col">{c.header}</th>
                ))}
                <th scope="col">函告</th>
              </tr>
            </thead>
            <tbody>
              {letters.map((n) => (
                <tr>
                  {LETTER_COLUMNS.map((c) => (
                    <td>{c.value(n)}</td>
                  ))}
                  <td>
                    <a href={letterHref(n, q.league)}>{`查看并打印：${n.toName}`}</a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>自治区生态环境厅的评定结果通知</h2>
      {notice.value ? (
        <NoticeText heading title={notice.value.title} body={notice.value.body} className="notice-text" />
      ) : (
        <p class="notice">自治区生态环境厅尚未通知本年度相关从业人员评定结果。</p>
      )}
    </>,
  );
};

/** `GET /console/letters/{year}/{residentId}`: one letter, alone on the printed page. */
export const letterPage = async (ctx: Ctx): Promise<WebResponse> => {
  const q = lettersQueryOf(ctx);
  if (q === null) return ctx.refuse({ status: 'forbidden' });
  const year = Number(ctx.params.year);
  if (!Number.isInteger(year)) return ctx.refuse({ status: 'notFound' });
  const out = await ctx.deps.console.letters.list.one(ctx.caller, q.league, year, ctx.params.residentId ?? '');
  if (out.status !== 'ok') return ctx.refuse(out);
  const n = out.value;
  return ctx.render(
    n.title,
    <>
      <p class="no-print">
        <button type="button" data-print="true">
          打印
        </button>{' '}
        <a href={`/console/letters?league=${q.league}&year=${year}`}>返回失信函告</a>
      </p>
      <NoticeText heading title={n.title} body={n.body} className="notice-text letter" />
      <p class="muted no-print">函告发出后不可更改；经用人单位在“我的通知”中送达。</p>
    </>,
  );
};
