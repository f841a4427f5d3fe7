import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AuditEntry, RepairApplication, RepairApplicationStore, SubjectRef } from '../ports/store.ts';
import { putAudited } from './dynamoAudit.ts';
import { readAll } from './dynamoSupport.ts';
import { keys } from './keys.ts';

/** Repair applications (Art 23–25) in their subject's partition, each write versioned and audited. */
export class DynamoRepairApplications implements RepairApplicationStore {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async repairApplications(subject: SubjectRef): Promise<RepairApplication[]> {
    const items = await readAll(this.doc, {
      kind: 'query',
      TableName: this.table,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :p)',
      ExpressionAttributeValues: { ':pk': keys.subject(subject), ':p': keys.repairPrefix },
      ConsistentRead: true,
    });
    return items.map((i) => i.application as RepairApplication);
  }

  putRepairApplication(app: RepairApplication, expectedVersion: number | null, audit: AuditEntry): Promise<boolean> {
    return putAudited(
      this.doc,
      this.table,
      'repair application',
      {
        PK: keys.subject(app.subject),
        SK: keys.repair(app.id),
        application: app,
        version: app.version,
        // The console's queue (docs/storage.md #21): only a pending application is in it.
        ...(app.status === 'pending'
          ? { GSI2PK: keys.repairQueue, GSI2SK: keys.repairQueueSort(app.verifyBy.at, app.subject, app.id) }
          : {}),
      },
      expectedVersion,
      audit,
    );
  }
}
