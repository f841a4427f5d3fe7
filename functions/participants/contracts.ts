import * as z from 'zod/mini';
import { isLeagueCode } from '../../domain/identifiers/leagues.ts';
import { COLUMNS, type ColumnKey, HEADER_COLUMNS, type ListProblem } from '../../domain/participants/importList.ts';
import { cycleKind, yearPath } from '../cycles/contracts.ts';
import { described } from '../shared/http.ts';

/**
 * The contracts of a league's list of participants in the cycles API (docs/api.md §6): a list is
 * imported as the rows of the Excel template, each cell as text under the column's key, and checked
 * whole exactly as the workbook is (domain/participants/importList.ts).
 */

/** The most rows one import takes (the template's sheets hold far fewer). */
export const MAX_LIST_ROWS = 5000;

/** `{year}`, `{kind}` and `{league}` of `/v1/cycles/{year}/{kind}/participants/{league}`. */
export const participantListPath = z.object({
  year: yearPath,
  kind: cycleKind,
  league: described(z.string().check(z.refine(isLeagueCode, { error: '盟市代码须为12个盟市之一' })), {
    description: '盟市行政区划代码',
    example: '150600',
  }),
});

const cell = (key: ColumnKey) =>
  z.optional(
    described(
      z.string({ error: `${COLUMNS[key]}须为文本` }).check(z.maxLength(2000, { error: `${COLUMNS[key]}过长` })),
      {
        description: COLUMNS[key],
      },
    ),
  );

/** One row of the template: the cells of its columns, as text (the template's own formats). */
const listRow = z.object({
  code: cell('code'),
  name: cell('name'),
  league: cell('league'),
  basis: cell('basis'),
  sites: cell('sites'),
  categories: cell('categories'),
  employer: cell('employer'),
  employerKind: cell('employerKind'),
});

/** `POST /v1/cycles/{year}/{kind}/participants/{league}`: rows to import into the league's list. */
export const importListRequest = described(
  z.object({
    rows: z
      .array(listRow, { error: 'rows 须为数组' })
      .check(
        z.minLength(1, { error: '至少一行' }),
        z.maxLength(MAX_LIST_ROWS, { error: `一次最多导入${MAX_LIST_ROWS}行` }),
      ),
  }),
  {
    id: 'ImportParticipantListRequest',
    description: '导入参评名单（与 Excel 模板相同的列，文本格式；整表校验，全部无误才导入）',
    example: {
      rows: [
        {
          code: '91150600MA0N000001',
          name: '鄂尔多斯市示范监测有限公司',
          league: '150600',
          basis: '6.5',
          categories: '环境监测服务机构',
        },
      ],
    },
  },
);
export type ImportListRequest = z.infer<typeof importListRequest>;

/** A problem of an imported row as the API names it: `rows[3].code`. */
export const rowIssue = (p: ListProblem): { readonly path: string; readonly message: string } => {
  const key = p.column === null ? undefined : HEADER_COLUMNS.get(p.column);
  const row = p.row === null ? 'rows' : `rows[${p.row - 1}]`;
  return { path: key ? `${row}.${key}` : row, message: p.column ? `${p.column}：${p.reason}` : p.reason };
};
