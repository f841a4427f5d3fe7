import { type DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import {
  type ExplanationSet,
  type PublishedGradeItem,
  type StoredSnapshot,
  StoreError,
  type SubjectRef,
} from '../ports/store.ts';
import type { DynamoResults, PreparedResult } from './dynamoResults.ts';
import { type Item, storeCall } from './dynamoSupport.ts';
import { keys } from './keys.ts';

/**
 * The items of results (live snapshots, published results) and how they are read back whole: shared
 * by the subject records, the snapshot reader and the published results (docs/storage.md "Big subjects").
 */

/** Results are stored as JSON text: the order of their fields is kept, and the item stays small. */
export const encodeResult = <T extends { result: unknown }>(x: T) => ({ ...x, result: JSON.stringify(x.result) });
const decodeResult = <T>(x: unknown): T | null => {
  if (x === undefined || x === null) return null;
  const o = x as { result: unknown };
  return { ...o, result: typeof o.result === 'string' ? JSON.parse(o.result) : o.result } as T;
};

export const getItem = async (
  doc: DynamoDBDocumentClient,
  table: string,
  key: Item,
  consistent: boolean,
): Promise<Item | undefined> => {
  const r = await storeCall('Get', () =>
    doc.send(new GetCommand({ TableName: table, Key: key, ...(consistent ? { ConsistentRead: true } : {}) })),
  );
  return r.Item as Item | undefined;
};

/** Reads a result's item, then its parts; when the parts were replaced meanwhile, reads the item again (consistently). */
export const readResult = async <T>(
  read: (consistent: boolean) => Promise<Item | undefined>,
  decode: (item: Item) => Promise<T | null>,
): Promise<T | null> => {
  for (let attempt = 0; attempt < 5; attempt++) {
    const item = await read(attempt > 0);
    if (!item) return null;
    const out = await decode(item);
    if (out) return out;
  }
  throw new StoreError('DynamoDB result kept changing while read');
};

/** A snapshot's item read back whole; null when its explanation's parts were replaced meanwhile. */
export const snapshotOf = async (
  results: DynamoResults,
  subject: SubjectRef,
  item: Item,
): Promise<StoredSnapshot | null> => {
  const snapshot = decodeResult<StoredSnapshot>(item.snapshot)!;
  const set = item.explanation as ExplanationSet | undefined;
  if (!set) return snapshot;
  const result = await results.assemble(subject, 'SNAPSHOT', snapshot.year, snapshot.result, set);
  return result ? { ...snapshot, result, explanation: set } : null;
};

/** A published result's item read back whole; null when its explanation's parts were replaced meanwhile. */
export const publishedOf = async (
  results: DynamoResults,
  subject: SubjectRef,
  item: Item,
): Promise<PublishedGradeItem | null> => {
  const published = decodeResult<PublishedGradeItem>(item.published)!;
  const set = item.explanation as ExplanationSet | undefined;
  if (!set) return published;
  const result = await results.assemble(subject, 'PUBLISHED', published.year, published.result, set);
  return result ? { ...published, result } : null;
};

/** The snapshot's item: its result whole, or its head with a pointer to its explanation's parts. */
export const snapshotItem = (subject: SubjectRef, snapshot: StoredSnapshot, ready: PreparedResult): Item => {
  const r = snapshot.result as { grade?: string | null; dishonest?: boolean | null; subject: { league?: string } };
  const grade = subject.kind === 'practitioner' ? (r.dishonest ? 'DISHONEST' : 'NONE') : (r.grade ?? 'NONE');
  const { explanation: _, ...kept } = snapshot;
  return {
    PK: keys.subject(subject),
    SK: keys.snapshot(snapshot.year),
    snapshot: encodeResult({ ...kept, result: ready.result }),
    ...(ready.explanation ? { explanation: ready.explanation } : {}),
    version: snapshot.version,
    GSI1PK: keys.yearLeague(snapshot.year, r.subject.league),
    GSI1SK: keys.gradeSort(grade, subject),
  };
};
