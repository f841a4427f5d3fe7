import { randomUUID } from 'node:crypto';
import { type DynamoDBDocumentClient, PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { type AuditEntry, type AuditLog, StoreError, type SubjectRef } from '../ports/store.ts';
import { type Item, isCancelledByCondition, readAll, storeCall, versionGuard } from './dynamoSupport.ts';
import { keys } from './keys.ts';

/** An audit entry's item: under the subject's audit partition, in time order. */
export const auditItem = (entry: AuditEntry): Item => ({
  PK: keys.audit(entry.subject),
  SK: keys.auditEntry(entry.at, randomUUID()),
  entry,
});

/** A versioned item and its audit entry in one transaction; false when the version moved meanwhile. */
export const putAudited = async (
  doc: DynamoDBDocumentClient,
  table: string,
  what: string,
  item: Item,
  expectedVersion: number | null,
  audit: AuditEntry,
): Promise<boolean> => {
  try {
    await doc.send(
      new TransactWriteCommand({
        TransactItems: [
          { Put: { TableName: table, Item: item, ...versionGuard(expectedVersion) } },
          { Put: { TableName: table, Item: auditItem(audit) } },
        ],
      }),
    );
    return true;
  } catch (err) {
    if (isCancelledByCondition(err)) return false;
    throw new StoreError(`DynamoDB ${what} write failed`, { cause: err });
  }
};

/** The audit trail of subjects on DynamoDB. */
export class DynamoAuditLog implements AuditLog {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  /**
   * The subject's audit partition, and the creation entries kept on its records' items
   * (docs/storage.md "Items"), in time order.
   */
  async auditOf(subject: SubjectRef): Promise<AuditEntry[]> {
    const [entries, records] = await Promise.all([
      readAll(this.doc, {
        kind: 'query',
        TableName: this.table,
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': keys.audit(subject) },
      }),
      readAll(this.doc, {
        kind: 'query',
        TableName: this.table,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :r)',
        FilterExpression: 'attribute_exists(#a)',
        ProjectionExpression: '#a',
        ExpressionAttributeNames: { '#a': 'audit' },
        ExpressionAttributeValues: { ':pk': keys.subject(subject), ':r': keys.recordPrefix },
      }),
    ]);
    const trail = entries.map((i) => i.entry as AuditEntry);
    const onRecords = records.map((i) => i.audit as AuditEntry);
    if (onRecords.length === 0) return trail;
    // Stable: entries of the same instant keep the order each source gave them.
    return [...trail, ...onRecords].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  }

  async auditRefusal(entry: AuditEntry): Promise<void> {
    await storeCall('Put', () => this.doc.send(new PutCommand({ TableName: this.table, Item: auditItem(entry) })));
  }
}
