import { SUBJECT_KINDS } from '../../../../domain/catalogue/kinds.ts';
import { GRADE_NAMES } from '../../../../domain/evaluation/grade.ts';
import type { WebDeps } from '../../deps.ts';
import type { PageContext } from '../../router.ts';
import { gradeOptions, kindOptions, leagueOptions, SelectFilter } from '../../ui/filters.tsx';
import { kindName, leagueName, scoreText } from '../../ui/format.ts';
import { Pager } from '../../ui/pager.tsx';
import { Plate } from '../../ui/plate.tsx';
import { named } from './labels.ts';
import { MAX_QUERY_LENGTH, type SubjectFilter, type SubjectList, type SubjectRow } from './listSubjects.ts';

/** `/console/subjects`: search by league, kind, grade, name or code; `/exports/console/subjects`: the same list as Excel. */
export const filterOf = (q: Readonly<Record<string, string>>): SubjectFilter => ({
  league: q.league || undefined,
  kind: q.kind || undefined,
  grade: q.grade || undefined,
  q: q.q || undefined,
  year: q.year || undefined,
  cursor: q.cursor || undefined,
});

export const subjectPath = (r: SubjectRow['ref']) => `/console/subjects/${r.kind}/${encodeURIComponent(r.id)}`;

export const gradeText = (row: SubjectRow): string => {
  const h = row.head;
  if (!h) return '暂无评价结果';
  if (row.ref.kind === 'practitioner') return h.dishonest ? '环保失信个人' : '未评定为环保失信个人';
  return h.grade ? `${h.grade} ${GRADE_NAMES[h.grade]}` : '暂不评级';
};

const Filters = ({ list, filter }: { list: SubjectList; filter: SubjectFilter }) => (
  <search>
    <form method="get" action="/console/subjects" class="filters">
      <SelectFilter
        name="league"
        label="盟市"
        all={list.leagues.length > 1 ? '全部' : undefined}
        options={leagueOptions(list.leagues)}
        selected={filter.league}
      />
      <SelectFilter name="kind" label="类型" all="全部" options={kindOptions(SUBJECT_KINDS)} selected={filter.kind} />
      <SelectFilter name="grade" label="当前等级" all="全部" options={gradeOptions()} selected={filter.grade} />
      <SelectFilter
        name="year"
        label="年度"
        options={list.years.map((y) => ({ value: String(y), text: `${y}年` }))}
        selected={String(list.year)}
      />
      <div>
        <label for="q">名称或代码</label>
        <input id="q" name="q" type="search" value={filter.q ?? ''} maxLength={MAX_QUERY_LENGTH} />
      </div>
      <button type="submit">查询</button>
    </form>
  </search>
);

const Table = ({ list }: { list: SubjectList }) => (
  <div class="table-wrap">
    <table>
      <caption>{`评价对象（${list.year}年度实时评价，共 ${list.total} 个）`}</caption>
      <thead>
        <tr>
          <th scope="col">统一社会信用代码/公民身份号码</th>
          <th scope="col">名称</th>
          <th scope="col">类型</th>
          <th scope="col">盟市</th>
          <th scope="col" class="num">
            当前得分
          </th>
          <th scope="col">当前等级</th>
        </tr>
      </thead>
      <tbody>
        {list.rows.map((r) => (
          <tr>
            <td>{r.ref.id}</td>
            <td>
              <a href={subjectPath(r.ref)}>{r.name ?? r.ref.id}</a>
              {r.registration === 'unregistered' ? <span class="tag">未登记</span> : null}
              {r.disputed ? (
                <span class="tag" title="有信用信息处于异议复核中（有异议（复核中））">
                  有异议
                </span>
              ) : null}
            </td>
            <td>{kindName(r.ref.kind)}</td>
            <td>{leagueName(r.league)}</td>
            <td class="num">{r.head?.score != null ? scoreText(r.head.score) : '—'}</td>
            <td>{r.ref.kind === 'practitioner' || !r.head ? gradeText(r) : <Plate grade={r.head.grade} />}</td>
          </tr>
        ))}
      </tbody>
    </table>
  </div>
);

export const subjectListPage = async (ctx: PageContext<WebDeps>) => {
  const filter = filterOf(ctx.req.query);
  const out = await ctx.deps.console.subjects.list.execute(ctx.caller, filter);
  if (out.status !== 'ok') return ctx.refuse(named(out));
  const list = out.value;
  const query = { ...filter, year: String(list.year) };
  const exportQuery = new URLSearchParams(
    Object.entries(query).filter((e): e is [string, string] => e[1] !== undefined && e[0] !== 'cursor'),
  ).toString();
  return ctx.render(
    '评价对象',
    <>
      <p>
        <a class="button" href="/console/subjects/new">
          登记评价对象
        </a>{' '}
        <a class="button secondary" href={`/exports/console/subjects?${exportQuery}`}>
          导出 Excel
        </a>
      </p>
      <Filters list={list} filter={filter} />
      {list.rows.length === 0 ? <p class="notice">没有符合条件的评价对象。</p> : <Table list={list} />}
      <Pager path="/console/subjects" query={query} next={list.next} first={!filter.cursor} />
    </>,
  );
};
