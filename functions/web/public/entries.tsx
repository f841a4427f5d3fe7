import type { PublishedEntry } from '../../ports/publishedDirectory.ts';
import { chineseDate, kindName, leagueName, scoreText } from '../ui/format.ts';
import { Plate } from '../ui/plate.tsx';

/** A subject's published result page, for a year or its latest. */
export const resultHref = (e: { kind: string; id: string }, year?: number) =>
  `/results/${e.kind}/${encodeURIComponent(e.id)}${year === undefined ? '' : `?year=${year}`}`;

/** Published results as a table (search results, a year's list): name, code, league, kind, year, grade. */
export const EntriesTable = ({ caption, entries }: { caption: string; entries: readonly PublishedEntry[] }) => (
  <div class="table-wrap">
    <table>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">名称</th>
          <th scope="col">统一社会信用代码</th>
          <th scope="col">盟市</th>
          <th scope="col">类别</th>
          <th scope="col">评价年度</th>
          <th scope="col" class="num">
            评价得分
          </th>
          <th scope="col">评价等级</th>
          <th scope="col">发布日期</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((e) => (
          <tr>
            <td>
              <a href={resultHref(e, e.year)}>{e.name || e.id}</a>
            </td>
            <td>{e.id}</td>
            <td>{leagueName(e.league)}</td>
            <td>{kindName(e.kind)}</td>
            <td>{`${e.year}年度`}</td>
            <td class="num">{e.score === null ? '—' : scoreText(e.score)}</td>
            <td>
              <Plate grade={e.grade} />
            </td>
            <td>{chineseDate(e.publishedOn)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  </div>
);
