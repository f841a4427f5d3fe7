/**
 * Items in their order, cut into runs of at most `maxCount` items and at most `maxBytes` bytes by
 * `bytesOf` (an item larger than `maxBytes` on its own is a run of its own).
 */
export const chunksWithin = <T>(
  items: readonly T[],
  maxCount: number,
  maxBytes: number,
  bytesOf: (item: T) => number,
): T[][] => {
  const chunks: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const item of items) {
    const size = bytesOf(item);
    if (current.length === maxCount || (current.length > 0 && bytes + size > maxBytes)) {
      chunks.push(current);
      current = [];
      bytes = 0;
    }
    current.push(item);
    bytes += size;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
};
