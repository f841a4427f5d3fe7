import { type DynamoDBDocumentClient, PutCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import {
  type AuditEntry,
  type ExplanationSet,
  type PublishedGradeItem,
  type PublishedResultStore,
  StoreError,
  type SubjectRef,
} from '../ports/store.ts';
import { auditItem } from './dynamoAudit.ts';
import { encodeResult, getItem, publishedOf, readResult } from './dynamoResultItems.ts';
import { DynamoResults } from './dynamoResults.ts';
import { type Item, isCancelledByCondition, isConditionFailure, storeCall } from './dynamoSupport.ts';
import { keys, publishedIndex } from './keys.ts';

/** Published results (Art 20) and their re-issues (Art 23) on DynamoDB, of any size. */
export class DynamoPublishedResults implements PublishedResultStore {
  private readonly results: DynamoResults;

  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
  ) {
    this.results = new DynamoResults(doc, table);
  }

  getPublished(subject: SubjectRef, year: number): Promise<PublishedGradeItem | null> {
    return readResult(
      (consistent) =>
        getItem(this.doc, this.table, { PK: keys.subject(subject), SK: keys.published(year) }, consistent),
      (item) => publishedOf(this.results, subject, item),
    );
  }

  latestPublished(subject: SubjectRef): Promise<PublishedGradeItem | null> {
    const latest = async (consistent: boolean) => {
      const r = await storeCall('Query', () =>
        this.doc.send(
          new QueryCommand({
            TableName: this.table,
            KeyConditionExpression: 'PK = :pk AND begins_with(SK, :p)',
            ExpressionAttributeValues: { ':pk': keys.subject(subject), ':p': keys.publishedPrefix },
            ScanIndexForward: false,
            Limit: 1,
            ...(consistent ? { ConsistentRead: true } : {}),
          }),
        ),
      );
      return r.Items?.[0] as Item | undefined;
    };
    return readResult(latest, (item) => publishedOf(this.results, subject, item));
  }

  /**
   * Writes the original publication of a result (again: harmless) unless the result was re-issued
   * since (Art 23): false then, and the re-issue stays.
   */
  putPublished(subject: SubjectRef, item: PublishedGradeItem): Promise<boolean> {
    return this.writePublished(subject, item, { issue: 1, expectedIssue: 1 });
  }

  /**
   * Replaces a published result by its re-issue while its issue (`issue`, absent: the original, 1)
   * is the one expected, with its audit entry in the same transaction.
   */
  reissuePublished(
    subject: SubjectRef,
    item: PublishedGradeItem,
    issue: number,
    expectedIssue: number,
    audit: AuditEntry,
  ): Promise<boolean> {
    return this.writePublished(subject, item, { issue, expectedIssue, audit });
  }

  /**
   * Writes a published result while its stored issue is `expectedIssue` (an original publication
   * may also create it), guarded by the item's version so that racing writers never leave it
   * pointing to parts another removed: a big explanation's parts are prepared first, discarded only
   * when the write certainly failed (a condition), swept of older sets once it succeeded. Any other
   * error may come after the write committed (a timeout): the parts stay, the item may use them.
   */
  private async writePublished(
    subject: SubjectRef,
    item: PublishedGradeItem,
    w: { issue: number; expectedIssue: number; audit?: AuditEntry },
  ): Promise<boolean> {
    const key = { PK: keys.subject(subject), SK: keys.published(item.year) };
    for (let attempt = 0; attempt < 5; attempt++) {
      const current = await getItem(this.doc, this.table, key, true);
      if (current ? ((current.issue as number | undefined) ?? 1) !== w.expectedIssue : w.audit !== undefined)
        return false;
      const read = current ? ((current.version as number | undefined) ?? 0) : null;
      const version = (read ?? 0) + 1;
      const previous = current?.explanation as ExplanationSet | undefined;
      const ready = await this.results.prepare(subject, 'PUBLISHED', item.year, version, item.result, previous);
      const stored = {
        ...key,
        published: encodeResult({ ...item, result: ready.result }),
        version,
        ...(w.issue > 1 ? { issue: w.issue } : {}),
        ...(ready.explanation ? { explanation: ready.explanation } : {}),
        ...publishedIndex(subject, item),
      };
      const issueHeld = w.expectedIssue === 1 ? '(attribute_not_exists(#i) OR #i = :i)' : '#i = :i';
      const guard =
        read === null
          ? { ConditionExpression: 'attribute_not_exists(PK)' }
          : read === 0
            ? {
                ConditionExpression: `attribute_exists(PK) AND attribute_not_exists(#v) AND ${issueHeld}`,
                ExpressionAttributeNames: { '#v': 'version', '#i': 'issue' },
                ExpressionAttributeValues: { ':i': w.expectedIssue },
              }
            : {
                ConditionExpression: `#v = :v AND ${issueHeld}`,
                ExpressionAttributeNames: { '#v': 'version', '#i': 'issue' },
                ExpressionAttributeValues: { ':v': read, ':i': w.expectedIssue },
              };
      try {
        if (w.audit)
          await this.doc.send(
            new TransactWriteCommand({
              TransactItems: [
                { Put: { TableName: this.table, Item: stored, ...guard } },
                { Put: { TableName: this.table, Item: auditItem(w.audit) } },
              ],
            }),
          );
        else await this.doc.send(new PutCommand({ TableName: this.table, Item: stored, ...guard }));
      } catch (err) {
        if (!(w.audit ? isCancelledByCondition(err) : isConditionFailure(err)))
          throw new StoreError(`DynamoDB published result ${w.audit ? 're-issue' : 'write'} failed`, { cause: err });
        // Certainly not written: its parts go; read the issue again.
        if (ready.written) await this.results.discard(subject, 'PUBLISHED', item.year, ready.written);
        continue;
      }
      if (ready.explanation || previous)
        await this.results.sweep(subject, 'PUBLISHED', item.year, version, ready.explanation?.id ?? null);
      return true;
    }
    throw new StoreError(
      `DynamoDB published result of ${subject.kind}:${subject.id} for ${item.year} kept changing while written`,
    );
  }
}
