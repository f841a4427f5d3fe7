import { JURISDICTION_CODES, REGION_CODE } from '../../../../domain/identifiers/leagues.ts';
import type { SamplingAsked } from '../../../results-use/samplingList.ts';
import type { WebDeps } from '../../deps.ts';
import type { PageContext } from '../../router.ts';
import { leagueOptions, SelectFilter } from '../../ui/filters.tsx';
import { chineseDate, kindName, leagueName, scoreText } from '../../ui/format.ts';
import { Plate } from '../../ui/plate.tsx';
import { RefusalMessage } from '../../ui/refusal.tsx';
import { ratioText, samplingClassText, samplingQueryText, samplingTitle } from './labels.ts';

/** The form's labels, naming a refused field as the planner sees it (and as the URL spells it). */
const FIELDS: Readonly<Record<string, string>> = {
  year: '评价年度（year）',
  league: '盟市（league）',
  basePermille: '基础抽查比例（‰）（basePermille）',
};

/** Rows shown on the page at most; the Excel download has them all. */
export const SAMPLING_PAGE_ROWS = 500;

export const samplingAskedOf = (ctx: Pick<PageContext<unknown>, 'req'>): SamplingAsked => ({
  year: ctx.req.query.year,
  league: ctx.req.query.league,
  basePermille: ctx.req.query.basePermille,
});

/**
 * `/console/sampling?year=&league=&basePermille=`: the 双随机 sampling list of a year's published
 * results (Art 28; I14, I17), for the inspection planners. A league bureau sees its own league.
 */
export const samplingPage = async (ctx: PageContext<WebDeps>) => {
  const read = await ctx.deps.console.sampling.list.execute(ctx.caller, samplingAskedOf(ctx));
  if (read.status === 'invalid')
    return ctx.render(
      '查询条件有误',
      <>
        <RefusalMessage
          refusal={{ ...read, issues: read.issues.map((i) => ({ ...i, path: FIELDS[i.path] ?? i.path })) }}
        />
        <p>
          <a href="/console/sampling">返回“双随机”抽查名单</a>
        </p>
      </>,
      400,
    );
  if (read.status !== 'ok') return ctx.refuse(read, '“双随机”抽查名单');
  const v = read.value;
  const region = ctx.session?.claims.role === 'region';
  const shown = v.rows.slice(0, SAMPLING_PAGE_ROWS);
  return ctx.render(
    samplingTitle(v),
    <>
      <p>
        依据《内蒙古自治区环保信用评价管理办法》第二十八条，按已发布的评价结果确定“双随机”抽查比例：A级为基础抽查比例的30%，B级50%，C级100%，D级150%，列入黑名单的200%，最高不超过100%。
      </p>
      <form method="get" action="/console/sampling" class="filters">
        <SelectFilter
          name="year"
          label="评价年度"
          options={v.years.map((y) => ({ value: String(y), text: `${y}年度` }))}
          selected={v.year === null ? undefined : String(v.year)}
        />
        {region ? (
          <SelectFilter
            name="league"
            label="盟市"
            all="全区"
            options={leagueOptions(JURISDICTION_CODES.filter((c) => c !== REGION_CODE))}
            selected={v.league ?? undefined}
          />
        ) : null}
        <div>
          <label for="basePermille">基础抽查比例（‰）</label>
          <input
            id="basePermille"
            name="basePermille"
            type="number"
            min="1"
            max="1000"
            step="1"
            value={String(v.basePermille)}
          />
        </div>
        <button type="submit">生成名单</button>
      </form>
      {v.year === null ? (
        <p class="notice">尚无已发布的评价结果。</p>
      ) : (
        <>
          <p>
            <a class="button secondary" href={`/exports/console/sampling?${samplingQueryText(v)}`}>
              导出 Excel
            </a>
          </p>
          <h2 id="sampling-counts">各类别抽查比例与应抽查数量</h2>
          <div class="table-wrap">
            <table aria-labelledby="sampling-counts">
              <thead>
                <tr>
                  <th scope="col">评价对象类别</th>
                  <th scope="col">等级或名单</th>
                  <th scope="col">数量</th>
                  <th scope="col">抽查比例</th>
                  <th scope="col">应抽查数量</th>
                </tr>
              </thead>
              <tbody>
                {v.counts.map((c) => (
                  <tr>
                    <td>{kindName(c.kind)}</td>
                    <td>{samplingClassText(c.samplingClass)}</td>
                    <td>{c.population}</td>
                    <td>{ratioText(c.ratioPermille)}</td>
                    <td>{c.sampleSize}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <h2 id="sampling-rows">抽查名单</h2>
          {v.rows.length === 0 ? (
            <p class="notice">该年度没有已发布的评价结果。</p>
          ) : (
            <>
              {v.rows.length > shown.length ? (
                <p class="notice">{`共 ${v.rows.length} 家，此处显示前 ${shown.length} 家；完整名单请导出 Excel。`}</p>
              ) : null}
              <div class="table-wrap">
                <table aria-labelledby="sampling-rows">
                  <thead>
                    <tr>
                      <th scope="col">统一社会信用代码</th>
                      <th scope="col">名称</th>
                      <th scope="col">评价对象类别</th>
                      <th scope="col">盟市</th>
                      <th scope="col">评价得分</th>
                      <th scope="col">评价等级</th>
                      <th scope="col">列入黑名单</th>
                      <th scope="col">抽查比例</th>
                      <th scope="col">发布日期</th>
                    </tr>
                  </thead>
                  <tbody>
                    {shown.map((r) => (
                      <tr>
                        <td>{r.id}</td>
                        <td>{r.name}</td>
                        <td>{kindName(r.kind)}</td>
                        <td>{leagueName(r.league)}</td>
                        <td>{r.score === null ? '—' : scoreText(r.score)}</td>
                        <td>
                          <Plate grade={r.grade} />
                        </td>
                        <td>{r.blacklisted ? '是' : '否'}</td>
                        <td>{ratioText(r.ratioPermille)}</td>
                        <td>{chineseDate(r.publishedOn)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )}
        </>
      )}
    </>,
  );
};
