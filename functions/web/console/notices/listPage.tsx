import { LEAGUE_CODES } from '../../../../domain/identifiers/leagues.ts';
import type { WebDeps } from '../../deps.ts';
import type { WebResponse } from '../../http/response.ts';
import type { PageContext } from '../../router.ts';
import { leagueOptions, SelectFilter } from '../../ui/filters.tsx';
import { leagueName } from '../../ui/format.ts';
import { Pager } from '../../ui/pager.tsx';
import { NOTICE_COLUMNS, noticesLeagueOf } from './noticeRows.ts';

type Ctx = PageContext<WebDeps>;

/**
 * `GET /console/notices`: the notices a bureau issued, newest first, each with whether the
 * participant read it and when (docs/notices.md). A notice is never edited: this page only lists.
 */
export const noticeListPage = async (ctx: Ctx): Promise<WebResponse> => {
  const league = noticesLeagueOf(ctx);
  if (league === null) return ctx.refuse({ status: 'forbidden' });
  const cursor = ctx.req.query.cursor ?? null;
  const out = await ctx.deps.console.notices.issued.execute(ctx.caller, league, { cursor });
  if (out.status !== 'ok') return ctx.refuse(out);
  const { notices, cursor: next } = out.value;
  return ctx.render(
    `${leagueName(league)}已发通知`,
    <>
      {ctx.session?.claims.role === 'region' ? (
        <search>
          <form method="get" action="/console/notices" class="filters">
            <SelectFilter name="league" label="盟市" options={leagueOptions(LEAGUE_CODES)} selected={league} />
            <button type="submit">查看</button>
          </form>
        </search>
      ) : null}
      <p>
        <a class="button secondary" href={`/exports/console/notices?league=${league}`}>
          导出 Excel
        </a>
      </p>
      {notices.length === 0 ? (
        <p class="notice">暂无已发出的通知。</p>
      ) : (
        <div class="table-wrap">
          <table>
            <caption>已发出的通知（按发出时间从新到旧）</caption>
            <thead>
              <tr>
                {NOTICE_COLUMNS.map((c) => (
                  <th scope="col">{c.header}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {notices.map((n) => (
                <tr>
                  {NOTICE_COLUMNS.map((c) => (
                    <td>{c.value(n)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager path="/console/notices" query={ctx.req.query} next={next} first={cursor === null} />
    </>,
  );
};
