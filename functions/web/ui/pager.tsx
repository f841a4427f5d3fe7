/**
 * Paging of a long list: a link to the next page (lists are read in key order, so a page is named by
 * the cursor where it starts) and back to the first, with the other filters kept.
 */
export const Pager = ({
  path,
  query,
  next,
  first,
}: {
  path: string;
  query: Readonly<Record<string, string | undefined>>;
  /** The cursor of the next page; null on the last page. */
  next: string | null;
  /** True on the first page. */
  first: boolean;
}) => {
  const link = (cursor: string | null) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '' && k !== 'cursor') q.set(k, v);
    if (cursor) q.set('cursor', cursor);
    const text = q.toString();
    return text ? `${path}?${text}` : path;
  };
  return (
    <nav class="pager" aria-label="分页">
      {first ? null : <a href={link(null)}>回到第一页</a>}
      {next ? <a href={link(next)}>下一页</a> : <span class="muted">已是最后一页</span>}
    </nav>
  );
};
