import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { SnapshotReader, StoredSnapshot, SubjectRef } from '../ports/store.ts';
import { getItem, readResult, snapshotOf } from './dynamoResultItems.ts';
import { DynamoResults } from './dynamoResults.ts';
import { keys } from './keys.ts';

/** The live snapshot of a subject's result (the score lookup). */
export class DynamoSnapshotReader implements SnapshotReader {
  private readonly results: DynamoResults;

  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
  ) {
    this.results = new DynamoResults(doc, table);
  }

  /** One GetItem for the score; a big explanation is then read from its parts (docs/storage.md #1). */
  getSnapshot(subject: SubjectRef, year: number): Promise<StoredSnapshot | null> {
    return readResult(
      (consistent) => getItem(this.doc, this.table, { PK: keys.subject(subject), SK: keys.snapshot(year) }, consistent),
      (item) => snapshotOf(this.results, subject, item),
    );
  }
}
