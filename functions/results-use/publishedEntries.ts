import type { PublishedDirectory, PublishedEntry, PublishedListQuery } from '../ports/publishedDirectory.ts';
import { EcocreditError } from '../shared/errors.ts';

/** A published list read whole could not be read page by page (a cursor of its own was refused). */
export class PublishedListError extends EcocreditError {
  override readonly name = 'PublishedListError';
}

const PAGE = 1000;

/** Every entry of a published list (a year of a kind, by league and grade as asked), page by page. */
export const allPublished = async (
  directory: Pick<PublishedDirectory, 'listPublished'>,
  query: PublishedListQuery,
): Promise<PublishedEntry[]> => {
  const entries: PublishedEntry[] = [];
  let cursor: string | undefined;
  do {
    const read = await directory.listPublished(query, { limit: PAGE, ...(cursor === undefined ? {} : { cursor }) });
    if (read.status !== 'ok')
      throw new PublishedListError(`the published list's own cursor was refused (${query.kind} ${query.year})`);
    entries.push(...read.page.entries);
    cursor = read.page.next ?? undefined;
  } while (cursor !== undefined);
  return entries;
};
