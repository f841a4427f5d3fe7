import type { ComponentChildren } from 'preact';

/** One column of a table: its header, the cell's class (`num`, `nowrap`…) and what a row shows in it. */
export interface Column<T> {
  readonly header: string;
  readonly class?: string;
  readonly cell: (row: T) => ComponentChildren;
}

/** How a table is named for assistive technology: its own caption, or the heading that labels it. */
export type TableName = { readonly caption: string } | { readonly labelledBy: string };

/**
 * A data table as every page writes one: named (a caption or `aria-labelledby`), `<th scope="col">`
 * headers, in a scrolling wrapper (`table-wrap`) unless `bare`.
 */
export const DataTable = <T,>({
  name,
  columns,
  rows,
  bare,
}: {
  name: TableName;
  columns: readonly Column<T>[];
  rows: readonly T[];
  bare?: boolean;
}) => {
  const table = (
    <table aria-labelledby={'labelledBy' in name ? name.labelledBy : undefined}>
      {'caption' in name ? <caption>{name.caption}</caption> : null}
      <thead>
        <tr>
          {columns.map((c) => (
            <th scope="col" class={c.class}>
              {c.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr>
            {columns.map((c) => (
              <td class={c.class}>{c.cell(r)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
  return bare ? table : <div class="table-wrap">{table}</div>;
};
