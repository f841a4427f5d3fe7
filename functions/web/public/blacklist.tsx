import type { WebDeps } from '../deps.ts';
import type { PageContext } from '../router.ts';
import { chineseDate, kindName, leagueName } from '../ui/format.ts';
import { BLACKLIST_TITLE, blacklistReason } from './blacklistRows.ts';
import { resultHref } from './entries.tsx';

/**
 * `/lists/blacklist`: the current 环境保护领域失信黑名单 (Art 19, I10), each entry with the date its
 * listing started (the publication of the third consecutive D) and why. Published results only.
 */
export const blacklistPage = async (ctx: PageContext<WebDeps>) => {
  const { asOf, rows } = await ctx.deps.public.blacklist.execute();
  return ctx.render(
    BLACKLIST_TITLE,
    <>
      <p>
        依据第十九条，连续3年评定为D级的企业和环保服务机构直接列入环境保护领域失信黑名单管理，自第三个D级评价结果发布之日起列入，其后发布的评价等级不为D级时移出；“双随机”抽查比例为原抽查比例的200%（第二十八条）。
      </p>
      <p>
        <a class="button secondary" href="/exports/lists/blacklist">
          导出 Excel
        </a>
      </p>
      {rows.length === 0 ? (
        <p class="notice">{`截至${chineseDate(asOf)}，失信黑名单中没有企业或机构。`}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <caption>{`${BLACKLIST_TITLE}（截至${chineseDate(asOf)}，共 ${rows.length} 家）`}</caption>
            <thead>
              <tr>
                <th scope="col">统一社会信用代码</th>
                <th scope="col">名称</th>
                <th scope="col">评价对象类别</th>
                <th scope="col">盟市</th>
                <th scope="col">列入日期</th>
                <th scope="col">列入原因</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr>
                  <td>{r.id}</td>
                  <td>
                    <a href={resultHref(r)}>{r.name || r.id}</a>
                  </td>
                  <td>{kindName(r.kind)}</td>
                  <td>{leagueName(r.league)}</td>
                  <td>{r.since ? chineseDate(r.since) : '—'}</td>
                  <td>{blacklistReason(r)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>,
  );
};
