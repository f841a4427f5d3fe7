import { type DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import type { AuditEntry, SubjectRef } from '../ports/store.ts';
import type { CreditWarningDocument, WarningStore } from '../ports/warnings.ts';
import { putAudited } from './dynamoAudit.ts';
import { readAll, storeCall } from './dynamoSupport.ts';
import { keys } from './keys.ts';
import { participationKeys } from './participationKeys.ts';

/**
 * Credit warnings' documents on DynamoDB (docs/storage.md): `SUBJECT#<kind>#<id>` / `WARNING#<eventId>`,
 * versioned and written with their audit entry; indexed by issuing bureau on GSI1
 * (`WARNINGS#<league>` / `<deadline>#<eventId>`, earliest deadline first).
 */
export class DynamoWarnings implements WarningStore {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async warning(subject: SubjectRef, eventId: string): Promise<CreditWarningDocument | null> {
    const out = await storeCall('GetItem', () =>
      this.doc.send(
        new GetCommand({
          TableName: this.table,
          Key: { PK: keys.subject(subject), SK: participationKeys.warning(eventId) },
          ConsistentRead: true,
        }),
      ),
    );
    return (out.Item?.warning as CreditWarningDocument | undefined) ?? null;
  }

  async warningsOf(subject: SubjectRef): Promise<CreditWarningDocument[]> {
    const items = await storeCall('Query', () =>
      readAll(this.doc, {
        kind: 'query',
        TableName: this.table,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
        ExpressionAttributeValues: { ':pk': keys.subject(subject), ':sk': participationKeys.warningPrefix },
        ConsistentRead: true,
      }),
    );
    return items.map((i) => i.warning as CreditWarningDocument);
  }

  async warningsIssuedBy(league: string): Promise<CreditWarningDocument[]> {
    const items = await storeCall('Query', () =>
      readAll(this.doc, {
        kind: 'query',
        TableName: this.table,
        IndexName: 'GSI1',
        KeyConditionExpression: 'GSI1PK = :p',
        ExpressionAttributeValues: { ':p': participationKeys.warningsOf(league) },
      }),
    );
    return items.map((i) => i.warning as CreditWarningDocument);
  }

  putWarning(doc: CreditWarningDocument, expectedVersion: number | null, audit: AuditEntry): Promise<boolean> {
    return putAudited(
      this.doc,
      this.table,
      'warning',
      {
        PK: keys.subject(doc.subject),
        SK: participationKeys.warning(doc.eventId),
        GSI1PK: participationKeys.warningsOf(doc.league),
        GSI1SK: participationKeys.warningSort(doc.deadline, doc.eventId),
        version: doc.version,
        warning: doc,
      },
      expectedVersion,
      audit,
    );
  }
}
