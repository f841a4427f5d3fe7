import type { WebDeps } from '../../deps.ts';
import type { PageContext } from '../../router.ts';
import { leagueName, scoreText } from '../../ui/format.ts';
import { Pager } from '../../ui/pager.tsx';
import { Plate } from '../../ui/plate.tsx';
import { RefusalMessage } from '../../ui/refusal.tsx';
import { publicityPath, publicityTitle, WindowState, windowText } from './parts.tsx';

type Ctx = PageContext<WebDeps>;

/** `/publicity`: every publicity opened (Art 16(3), 17(4)), the open ones first, the closed marked. */
export const publicityOverviewPage = async (ctx: Ctx) => {
  const all = await ctx.deps.public.publicity.lists.overview();
  const open = all.filter((p) => p.open);
  const closed = all.filter((p) => !p.open);
  return ctx.render(
    '评价结果公示',
    <>
      <p>
        自治区生态环境厅将企业和环保服务机构的拟定环保信用等级向社会公示，公示期为7个工作日。公示期内，任何单位和个人均可对公示结果提出意见，无需登录。
      </p>
      <h2>正在公示</h2>
      {open.length === 0 ? (
        <p class="muted">目前没有正在公示的评价结果。</p>
      ) : (
        <ul>
          {open.map((p) => (
            <li>
              <a href={publicityPath(p)}>{publicityTitle(p)}</a>（{windowText(p)}） <WindowState p={p} />
            </li>
          ))}
        </ul>
      )}
      <h2>已结束的公示</h2>
      {closed.length === 0 ? (
        <p class="muted">暂无。</p>
      ) : (
        <ul>
          {closed.map((p) => (
            <li>
              <a href={publicityPath(p)}>{publicityTitle(p)}</a>（{windowText(p)}） <WindowState p={p} />
            </li>
          ))}
        </ul>
      )}
    </>,
  );
};

const NOT_PUBLIC = '该公示不存在或尚未开始。';

/** `/publicity/{year}/{kind}?q=&cursor=`: the list, searched by name or code, paged; each entry links to its comment form. */
export const publicityListPage = async (ctx: Ctx) => {
  const read = await ctx.deps.public.publicity.lists.page({
    year: ctx.params.year!,
    kind: ctx.params.kind!,
    q: ctx.req.query.q,
    cursor: ctx.req.query.cursor,
  });
  if (read.status === 'notFound')
    return ctx.render(
      '未找到该公示',
      <p class="notice error">
        {NOT_PUBLIC}请回到<a href="/publicity">评价结果公示</a>查看。
      </p>,
      404,
    );
  if (read.status !== 'ok') return ctx.render('查询条件有误', <RefusalMessage refusal={read} />, 400);
  const { publicity: p, entries, query, total, next } = read.value;
  const path = publicityPath(p);
  return ctx.render(
    publicityTitle(p),
    <>
      <p>
        {windowText(p)} <WindowState p={p} />
      </p>
      <p>
        {p.open
          ? '对公示结果有意见的，请点击相应单位的“提出意见”。意见内容仅供评价部门调查核实，联系方式不会公开。'
          : '公示期已结束，不再受理意见。'}
      </p>
      <search>
        <form method="get" action={path} class="filters">
          <div>
            <label for="publicity-q">名称或统一社会信用代码</label>
            <input id="publicity-q" name="q" type="search" value={query} maxLength={60} size={30} />
          </div>
          <button type="submit">查询</button>
        </form>
      </search>
      {entries.length === 0 ? (
        <p class="notice">没有符合条件的公示结果。</p>
      ) : (
        <table>
          <caption>{`${publicityTitle(p)}（共 ${total} 家）`}</caption>
          <thead>
            <tr>
              <th scope="col">统一社会信用代码</th>
              <th scope="col">名称</th>
              <th scope="col">盟市</th>
              <th scope="col">拟评等级</th>
              <th scope="col">评分</th>
              <th scope="col">拟列入黑名单</th>
              {p.open ? <th scope="col">意见</th> : null}
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr>
                <td class="nowrap">{e.code}</td>
                <td>{e.name}</td>
                <td>{leagueName(e.league)}</td>
                <td>
                  <Plate grade={e.grade} />
                </td>
                <td>{e.score === null ? '—' : scoreText(e.score / 10)}</td>
                <td>{e.blacklistProposed ? '是' : '否'}</td>
                {p.open ? (
                  <td>
                    <a href={`${path}/${encodeURIComponent(e.code)}`} aria-label={`对${e.name}提出意见`}>
                      提出意见
                    </a>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pager path={path} query={{ q: query }} next={next} first={!ctx.req.query.cursor} />
    </>,
  );
};
