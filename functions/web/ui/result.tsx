import type { ComponentChildren, VNode } from 'preact';
import type { LegalDate } from '../../../domain/dates.ts';
import type { Measure } from '../../../domain/evaluation/measures.ts';
import type { NoteDetail } from '../../../domain/evaluation/notes.ts';
import type { RecordState } from '../../../domain/evaluation/recordState.ts';
import type { ResultItem, SiteResult } from '../../../domain/evaluation/result.ts';
import { chineseDate, pointsText, scoreText } from './format.ts';
import { Plate } from './plate.tsx';
import { type Column, DataTable, type TableName } from './table.tsx';

/**
 * The parts of a result's explanation that the console, the portal and the public site share: the
 * reasons table, the sites table, the measures and the notes. Each page passes what differs (its
 * caption, its columns, its headings); what a page must not show (the public site shows no site
 * weights, and never practitioners) it simply does not ask for.
 */

/** How a record counted in a result, in the regulation's words. */
export const STATE_NAMES: Record<RecordState, string> = {
  counted: '计分',
  pending: '待定（信用预警整改期内或待关联记录）',
  cancelled: '按期整改，不予扣分（第二十二条）',
  merged: '同一处罚决定，按扣分最多的一项计分',
  revoked: '已撤销，不计分',
  repaired: '已信用修复，不计分',
  'outside-period': '不在评价期内',
  'not-applicable': '不适用于该机构类别',
};

/** A reason as a result lists it; a published one also carries the date of its repair (Art 23). */
export type ShownItem = ResultItem & { readonly repairedOn?: LegalDate };

/** A record's state, with the date of its repair when the result knows it. */
export const stateText = (i: ShownItem): string =>
  i.state === 'repaired' && i.repairedOn
    ? `已信用修复（${chineseDate(i.repairedOn)}），不计分`
    : (STATE_NAMES[i.state] ?? i.state);

/** The columns a reasons table can have; each page picks its own, in its own order and words. */
export const itemColumns = {
  eventId: (header: string, cls?: string): Column<ShownItem> => ({ header, class: cls, cell: (i) => i.eventId }),
  occurredOn: (header = '发生日期', cls?: string): Column<ShownItem> => ({
    header,
    class: cls,
    cell: (i) => chineseDate(i.occurredOn),
  }),
  /** The catalogue's wording; `site` adds the record's site, `carriedOverTag` marks a carried-over deduction (I6). */
  wording: (opts: { site?: boolean; carriedOverTag?: string } = {}): Column<ShownItem> => ({
    header: '评价内容',
    cell: (i) => (
      <>
        {i.wording}
        {opts.site && i.siteId ? <div class="muted">厂址 {i.siteId}</div> : null}
        {opts.carriedOverTag && i.carriedOver ? <span class="tag">{opts.carriedOverTag}</span> : null}
      </>
    ),
  }),
  points: (cls = 'num'): Column<ShownItem> => ({ header: '分值', class: cls, cell: (i) => pointsText(i.points) }),
  article: (header = '依据', cls?: string): Column<ShownItem> => ({ header, class: cls, cell: (i) => i.articleName }),
  /** The state; `carriedOverNote` is appended to a carried-over deduction's state (I6). */
  state: (header = '状态', opts: { class?: string; carriedOverNote?: string } = {}): Column<ShownItem> => ({
    header,
    class: opts.class,
    cell: (i) => `${stateText(i)}${opts.carriedOverNote && i.carriedOver ? opts.carriedOverNote : ''}`,
  }),
};

/** The reasons of a result (its items), or `empty` when there are none. */
export const ItemsTable = ({
  items,
  name,
  columns,
  empty,
}: {
  items: readonly ShownItem[];
  name: TableName;
  columns: readonly Column<ShownItem>[];
  empty: VNode;
}) => (items.length === 0 ? empty : <DataTable name={name} columns={columns} rows={items} />);

/**
 * Each site's score and grade (Art 16(2)), shown for a subject with more than one site. Weights are
 * shown only when asked (`weights`): the public site shows no weights or output shares.
 */
export const SitesTable = ({
  sites,
  caption,
  weights = false,
  scoreHeader = '得分',
  gradeHeader = '等级',
}: {
  sites: readonly Pick<SiteResult, 'siteId' | 'score' | 'grade' | 'weight'>[];
  caption: string;
  weights?: boolean;
  scoreHeader?: string;
  gradeHeader?: string;
}) => {
  type Site = (typeof sites)[number];
  const columns: Column<Site>[] = [
    { header: '厂址编号', cell: (s) => s.siteId },
    ...(weights ? [{ header: '权重', class: 'num', cell: (s: Site) => `${Math.round(s.weight * 1000) / 10}%` }] : []),
    { header: scoreHeader, class: 'num', cell: (s) => scoreText(s.score) },
    { header: gradeHeader, cell: (s) => <Plate grade={s.grade} /> },
  ];
  return <DataTable name={{ caption }} columns={columns} rows={sites} />;
};

/** A section heading at the page's level. */
const Heading = ({ level, children }: { level: 'h2' | 'h3'; children: ComponentChildren }) =>
  level === 'h2' ? <h2>{children}</h2> : <h3>{children}</h3>;

/**
 * The incentive and restraint measures a result brings (Art 29–31). Without measures: `empty` under
 * the heading, or nothing at all when there is no `empty`. `typeTags` marks each as 激励 or 约束.
 */
export const MeasuresList = ({
  measures,
  title,
  level,
  typeTags = false,
  empty,
}: {
  measures: readonly Measure[];
  title: string;
  level: 'h2' | 'h3';
  typeTags?: boolean;
  empty?: string;
}) =>
  measures.length === 0 && empty === undefined ? null : (
    <>
      <Heading level={level}>{title}</Heading>
      {measures.length === 0 ? (
        <p>{empty}</p>
      ) : (
        <ul>
          {measures.map((m) => (
            <li>
              {typeTags ? (
                <>
                  <span class="tag">{m.type === 'incentive' ? '激励' : '约束'}</span>{' '}
                </>
              ) : null}
              {m.text}（{m.articleName}，{m.duration}）
            </li>
          ))}
        </ul>
      )}
    </>
  );

/** The notes that explain a result (评价说明), each with its article's id when `ids`; nothing without notes. */
export const NotesList = ({
  notes,
  level,
  ids = false,
}: {
  notes: readonly NoteDetail[];
  level: 'h2' | 'h3';
  ids?: boolean;
}) =>
  notes.length === 0 ? null : (
    <>
      <Heading level={level}>评价说明</Heading>
      <ul>
        {notes.map((n) =>
          ids ? (
            <li>
              {n.text} <span class="tag">{n.id}</span>
            </li>
          ) : (
            <li>{n.text}</li>
          ),
        )}
      </ul>
    </>
  );
