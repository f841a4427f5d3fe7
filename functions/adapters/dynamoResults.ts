import { createHash, randomUUID } from 'node:crypto';
import { BatchWriteCommand, DeleteCommand, type DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { SubjectResult } from '../../domain/evaluation/evaluateSubject.ts';
import { type ExplanationSet, StoreError, type SubjectRef } from '../ports/store.ts';
import { type Item, readAll, storeCall } from './dynamoSupport.ts';
import { keys } from './keys.ts';

/**
 * Results of any size on DynamoDB (docs/storage.md "Big subjects"). A result (a live snapshot or a
 * published result) is kept in its own item while it fits; a bigger one keeps its head (score,
 * grade, measures, sites…) in the item and its explanation — the lists with one entry per record —
 * in parts under `EXPLANATION#<subject>`, outside the subject's partition so that the subject's
 * Query (records) never reads them:
 *
 * - `SET#<scope>#<year>#<setId>`: a marker written first, with the number of parts;
 * - `PART#<scope>#<year>#<setId>#<nnnn>`: the parts, each well under the 400 KB item limit.
 *
 * A set id is `<version>.<nonce>`: the version of the item whose write made it, and a nonce for the
 * writers racing to that version. Parts are written before the item's (conditional) write points to
 * them; a reader reads the item, then the parts of the set it names, and when some are gone (a newer
 * write removed them meanwhile) reads again — never mixing two sets. After a successful write the
 * sets of that year at or below the written version, other than the one kept, are removed: no later
 * write can point to them (every write is guarded by the version it read).
 */
export type ResultScope = 'SNAPSHOT' | 'PUBLISHED';

/** Results whose JSON is at most this size stay in their item (a transaction stays far under 4 MB). */
export const INLINE_BYTES = 256 * 1024;
/** Target size of one part's JSON (an item holds at most 400 KB, names and keys included). */
export const PART_BYTES = 256 * 1024;

const LISTS = ['items', 'pending', 'repair', 'notes', 'noteDetails'] as const;
type Lists = Record<(typeof LISTS)[number], unknown[]>;
const emptyLists = (): Lists => ({ items: [], pending: [], repair: [], notes: [], noteDetails: [] });
/** A part's JSON around its entries: `{"items":[],"pending":[],"repair":[],"notes":[],"noteDetails":[]}`. */
const ENVELOPE_BYTES = JSON.stringify(emptyLists()).length;

export const explanationKey = (s: SubjectRef) => keys.explanation(s);
const setPrefix = (scope: ResultScope, year: number) => keys.resultSetPrefix(scope, year);
const partPrefix = (scope: ResultScope, year: number, id: string) => keys.resultPartPrefix(scope, year, id);
const partKey = (scope: ResultScope, year: number, id: string, n: number) =>
  `${partPrefix(scope, year, id)}${String(n).padStart(4, '0')}`;
const versionOfSet = (id: string) => Number(id.split('.')[0]);

interface Split {
  /** The result with its lists emptied (their place, and so the order of fields, kept). */
  readonly head: SubjectResult;
  readonly parts: readonly string[];
  readonly hash: string;
  readonly bytes: number;
  readonly counts: ExplanationSet['counts'];
}

/** Splits a result too big for its item: its head, and its lists packed in order into parts. */
export const splitResult = (result: SubjectResult): Split | null => {
  if (Buffer.byteLength(JSON.stringify(result)) <= INLINE_BYTES) return null;
  const r = result as unknown as Record<string, unknown>;
  const parts: string[] = [];
  let current = emptyLists();
  let size = 0;
  const flush = () => {
    parts.push(JSON.stringify(current));
    current = emptyLists();
    size = 0;
  };
  for (const list of LISTS) {
    for (const entry of (r[list] as unknown[] | undefined) ?? []) {
      const bytes = Buffer.byteLength(JSON.stringify(entry)) + 1;
      if (size > 0 && ENVELOPE_BYTES + size + bytes > PART_BYTES) flush();
      current[list].push(entry);
      size += bytes;
    }
  }
  if (size > 0 || parts.length === 0) flush();
  const head = Object.fromEntries(
    Object.entries(r).map(([k, v]) => [k, (LISTS as readonly string[]).includes(k) ? [] : v]),
  ) as unknown as SubjectResult;
  const list = (k: (typeof LISTS)[number]) => ((r[k] as unknown[] | undefined) ?? []).length;
  return {
    head,
    parts,
    hash: createHash('sha256').update(parts.join('\n')).digest('hex'),
    bytes: parts.reduce((n, p) => n + Buffer.byteLength(p), 0),
    counts: { items: list('items'), pending: list('pending'), repair: list('repair'), notes: list('notes') },
  };
};

/** What an item's write needs: the result to keep in it, and its explanation set if kept apart. */
export interface PreparedResult {
  readonly result: SubjectResult;
  readonly explanation: ExplanationSet | null;
  /** A set this preparation wrote (to remove if the item's write fails). */
  readonly written: ExplanationSet | null;
}

export class DynamoResults {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  /**
   * Prepares a result for the write of its item at `version`: inline when it fits; else its parts,
   * written now under a new set — or the set of the result being replaced, when its explanation is
   * the same.
   */
  async prepare(
    subject: SubjectRef,
    scope: ResultScope,
    year: number,
    version: number,
    result: SubjectResult,
    previous?: ExplanationSet,
  ): Promise<PreparedResult> {
    const split = splitResult(result);
    if (!split) return { result, explanation: null, written: null };
    if (previous && previous.hash === split.hash && previous.parts === split.parts.length)
      return { result: split.head, explanation: previous, written: null };
    const set: ExplanationSet = {
      id: `${String(version).padStart(10, '0')}.${randomUUID().slice(0, 8)}`,
      parts: split.parts.length,
      hash: split.hash,
      bytes: split.bytes,
      counts: split.counts,
    };
    const pk = explanationKey(subject);
    // The marker first: a crash after it leaves a set the next write of this year removes.
    await storeCall('Put', () =>
      this.doc.send(
        new PutCommand({
          TableName: this.table,
          Item: { PK: pk, SK: `${setPrefix(scope, year)}${set.id}`, parts: set.parts },
        }),
      ),
    );
    await this.batchWrite(
      split.parts.map((page, n) => ({ PutRequest: { Item: { PK: pk, SK: partKey(scope, year, set.id, n), page } } })),
    );
    return { result: split.head, explanation: set, written: set };
  }

  /**
   * The whole result of an item: its head with the lists of its set's parts put back. Null when
   * some parts are gone (a newer write replaced the set since the item was read): read again.
   */
  async assemble(
    subject: SubjectRef,
    scope: ResultScope,
    year: number,
    head: SubjectResult,
    set: ExplanationSet,
  ): Promise<SubjectResult | null> {
    const items = await readAll(this.doc, {
      kind: 'query',
      TableName: this.table,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :p)',
      ExpressionAttributeValues: { ':pk': explanationKey(subject), ':p': partPrefix(scope, year, set.id) },
      ConsistentRead: true,
    });
    if (items.length !== set.parts) return null;
    const lists = emptyLists();
    for (const item of items) {
      const part = JSON.parse(item.page as string) as Partial<Lists>;
      for (const k of LISTS) for (const entry of part[k] ?? []) lists[k].push(entry);
    }
    const h = head as unknown as Record<string, unknown>;
    return Object.fromEntries(
      Object.entries(h).map(([k, v]) => [k, k in lists ? lists[k as keyof Lists] : v]),
    ) as unknown as SubjectResult;
  }

  /** Removes a set this writer made for a write that did not happen (best effort: a later sweep removes it too). */
  async discard(subject: SubjectRef, scope: ResultScope, year: number, set: ExplanationSet): Promise<void> {
    await this.removeSet(subject, scope, year, set.id, set.parts).catch(() => undefined);
  }

  /**
   * After the item of `year` was written at `version`: removes that year's sets at or below the
   * version, but the one it keeps (left-overs of replaced results, lost races and crashes). Best
   * effort: the write is done; what is left is removed by the next one.
   */
  async sweep(
    subject: SubjectRef,
    scope: ResultScope,
    year: number,
    version: number,
    keep: string | null,
  ): Promise<void> {
    try {
      const markers = await readAll(this.doc, {
        kind: 'query',
        TableName: this.table,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :p)',
        ExpressionAttributeValues: { ':pk': explanationKey(subject), ':p': setPrefix(scope, year) },
        ConsistentRead: true,
      });
      for (const marker of markers) {
        const id = (marker.SK as string).slice(setPrefix(scope, year).length);
        if (id !== keep && versionOfSet(id) <= version)
          await this.removeSet(subject, scope, year, id, marker.parts as number);
      }
    } catch {
      // Left for the next write of this year's result.
    }
  }

  private async removeSet(
    subject: SubjectRef,
    scope: ResultScope,
    year: number,
    id: string,
    parts: number,
  ): Promise<void> {
    const pk = explanationKey(subject);
    await this.batchWrite(
      Array.from({ length: parts }, (_, n) => ({
        DeleteRequest: { Key: { PK: pk, SK: partKey(scope, year, id, n) } },
      })),
    );
    await storeCall('Delete', () =>
      this.doc.send(
        new DeleteCommand({ TableName: this.table, Key: { PK: pk, SK: `${setPrefix(scope, year)}${id}` } }),
      ),
    );
  }

  private async batchWrite(requests: readonly Item[]): Promise<void> {
    for (let i = 0; i < requests.length; i += 25) {
      let left: Item[] = requests.slice(i, i + 25);
      for (let attempt = 0; left.length > 0; attempt++) {
        if (attempt >= 10) throw new StoreError('DynamoDB BatchWrite left requests unprocessed');
        if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 20 * 2 ** attempt));
        const r = await storeCall('BatchWrite', () =>
          this.doc.send(new BatchWriteCommand({ RequestItems: { [this.table]: left as never } })),
        );
        left = (r.UnprocessedItems?.[this.table] as Item[] | undefined) ?? [];
      }
    }
  }
}
