import type { MeasureInForce } from '../../../domain/evaluation/measuresInForce.ts';
import type { MeasuresValue } from '../../results-use/lookupMeasures.ts';
import type { Invalid } from '../../shared/errors.ts';
import type { WebDeps } from '../deps.ts';
import type { PageContext } from '../router.ts';
import { chineseDate, kindName, leagueName } from '../ui/format.ts';
import { Plate } from '../ui/plate.tsx';
import { RefusalMessage } from '../ui/refusal.tsx';

const TITLE = '守信激励和失信惩戒措施查询';
const FIELDS: Readonly<Record<string, string>> = {
  id: '统一社会信用代码（code）',
  kind: '统一社会信用代码（code）',
  date: '查询日期（date）',
};

const MeasuresForm = ({ code, date }: { code?: string | undefined; date?: string | undefined }) => (
  <form method="get" action="/measures" class="filters">
    <div>
      <label for="code">统一社会信用代码</label>
      <input id="code" name="code" type="text" required maxLength={18} value={code ?? ''} />
    </div>
    <div>
      <label for="date">查询日期（默认今天）</label>
      <input id="date" name="date" type="date" value={date ?? ''} />
    </div>
    <button type="submit">查询</button>
  </form>
);

const untilText = (m: MeasureInForce): string =>
  !m.applies
    ? '—'
    : m.ends === 'repair'
      ? '信用修复完成或下一年度评价结果公布前'
      : m.until
        ? chineseDate(m.until)
        : '—';

const Answer = ({ v }: { v: MeasuresValue }) => {
  const incentives = v.measures.filter((m) => m.type === 'incentive' && m.applies).length;
  const restrictions = v.measures.filter((m) => m.type === 'restriction' && m.applies).length;
  const caption = `${v.subject.name || v.subject.id}适用的措施（截至${chineseDate(v.asOf)}）`;
  return (
    <>
      <dl class="facts">
        <dt>名称</dt>
        <dd>{v.subject.name}</dd>
        <dt>统一社会信用代码</dt>
        <dd>{v.subject.id}</dd>
        <dt>评价对象类别</dt>
        <dd>{kindName(v.subject.kind)}</dd>
        <dt>盟市</dt>
        <dd>{leagueName(v.subject.league)}</dd>
        <dt>所依据的评价结果</dt>
        <dd>
          {v.year === null || v.publishedOn === null ? (
            '查询日期前尚无已发布的评价结果'
          ) : (
            <>
              {`${v.year}年度（${chineseDate(v.publishedOn)}发布）`} <Plate grade={v.grade} />
              {v.blacklisted ? '（列入环境保护领域失信黑名单）' : ''}
            </>
          )}
        </dd>
      </dl>
      {v.procurementAllowed === null ? null : (
        <p class={v.procurementAllowed ? 'notice ok' : 'notice error'}>
          {v.procurementAllowed
            ? '可否采购其环境服务：可以（未处于第三十一条第二项“各级政府或者有关部门不得采购其环境服务”的限制期内）。'
            : '可否采购其环境服务：不可以（第三十一条第二项：各级政府或者有关部门不得采购其环境服务）。'}
        </p>
      )}
      <p>{`适用激励措施 ${incentives} 项，约束和惩戒措施 ${restrictions} 项。`}</p>
      <div class="table-wrap">
        <table aria-label={caption}>
          <thead>
            <tr>
              <th scope="col">措施</th>
              <th scope="col">类别</th>
              <th scope="col">依据</th>
              <th scope="col">是否适用</th>
              <th scope="col">起始日期</th>
              <th scope="col">适用至</th>
            </tr>
          </thead>
          <tbody>
            {v.measures.map((m) => (
              <tr>
                <td>{m.text}</td>
                <td>{m.type === 'incentive' ? '激励措施' : '约束和惩戒措施'}</td>
                <td>{m.articleName}</td>
                <td>{m.applies ? '是' : '否'}</td>
                <td>{m.applies && m.since ? chineseDate(m.since) : '—'}</td>
                <td>{untilText(m)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
};

/**
 * `/measures?code=&date=`: the measures in force for an enterprise or agency (Art 29–31, 19), from
 * its published results only; practitioners never (Art 18(6), 35).
 */
export const measuresPage = async (ctx: PageContext<WebDeps>) => {
  const { code, date } = ctx.req.query;
  const intro = (
    <p>
      输入企业或环保服务机构的统一社会信用代码，查询其依据已发布的环保信用评价结果适用的激励措施（第二十九条）和约束、惩戒措施（第十九条、第三十条、第三十一条），例如能否采购其环境服务（第三十一条第二项）。
    </p>
  );
  if (code === undefined || code === '')
    return ctx.render(
      TITLE,
      <>
        {intro}
        <MeasuresForm date={date} />
      </>,
    );
  const read = await ctx.deps.public.measures.execute({ id: code.trim().toUpperCase(), date });
  if (read.status === 'invalid') {
    const named: Invalid = { ...read, issues: read.issues.map((i) => ({ ...i, path: FIELDS[i.path] ?? i.path })) };
    return ctx.render(
      TITLE,
      <>
        {intro}
        <RefusalMessage refusal={named} />
        <MeasuresForm code={code} date={date} />
      </>,
      400,
    );
  }
  if (read.status !== 'ok')
    return ctx.render(
      TITLE,
      <>
        {intro}
        <MeasuresForm code={code} date={date} />
        <p class="notice">{`未找到统一社会信用代码为 ${code} 的企业或机构已公开发布的评价结果。`}</p>
      </>,
      404,
    );
  return ctx.render(
    TITLE,
    <>
      {intro}
      <MeasuresForm code={code} date={date} />
      <Answer v={read.value} />
    </>,
  );
};
