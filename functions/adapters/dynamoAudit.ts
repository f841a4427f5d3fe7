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

  async auditOf(subject: SubjectRef): Promise<AuditEntry[]> {
    const items = await readAll(this.doc, {
      kind: 'query',
      TableName: this.table,
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': keys.audit(subject) },
    });
    return items.map((i) => i.entry as AuditEntry);
  }

  async auditRefusal(entry: AuditEntry): Promise<void> {
    await storeCall('Put', () => this.doc.send(new PutCommand({ TableName: this.table, Item: auditItem(entry) })));
  }
}
