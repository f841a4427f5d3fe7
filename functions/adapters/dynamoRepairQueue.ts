import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { RepairQueueReader } from '../ports/consoleLists.ts';
import type { RepairApplication } from '../ports/store.ts';
import { readAll } from './dynamoSupport.ts';
import { keys } from './keys.ts';

/**
 * The queue of repair applications waiting for verification (docs/storage.md #27): a pending
 * application's item carries the sparse GSI2 key `REPAIRS` / `<verification limit>#<subject>#<id>`,
 * removed by the write that decides it; one Query reads them all, soonest limit first. Unlike the
 * due index (#14), an application stays in it after its limit passed (overdue).
 */
export class DynamoRepairQueue implements RepairQueueReader {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async pendingApplications(): Promise<RepairApplication[]> {
    const items = await readAll(this.doc, {
      kind: 'query',
      TableName: this.table,
      IndexName: 'GSI2',
      KeyConditionExpression: 'GSI2PK = :p',
      ExpressionAttributeValues: { ':p': keys.repairQueue },
      ProjectionExpression: 'application',
    });
    return items.map((i) => i.application as RepairApplication).filter((a) => a?.status === 'pending');
  }
}
