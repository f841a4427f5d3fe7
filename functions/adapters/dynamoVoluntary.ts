import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { ParticipantListRef } from '../ports/participants.ts';
import {
  type VoluntaryApplication,
  type VoluntaryDecision,
  type VoluntaryStore,
  VoluntaryStoreError,
} from '../ports/voluntary.ts';
import { decidePending, isConditionFailure, readAll } from './dynamoSupport.ts';
import { keys } from './keys.ts';

const listKey = (l: ParticipantListRef) => keys.voluntary(l.year, l.kind, l.league);

/** Applications on DynamoDB (docs/storage.md): one item per unit, beside the list it would join. */
export class DynamoVoluntary implements VoluntaryStore {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async apply(a: VoluntaryApplication): Promise<'applied' | 'pending'> {
    try {
      await this.doc.send(
        new PutCommand({
          TableName: this.table,
          Item: { PK: listKey(a), SK: a.code, application: a, status: a.status },
          ConditionExpression: 'attribute_not_exists(PK) OR #s <> :pending',
          ExpressionAttributeNames: { '#s': 'status' },
          ExpressionAttributeValues: { ':pending': 'pending' },
        }),
      );
      return 'applied';
    } catch (cause) {
      if (isConditionFailure(cause)) return 'pending';
      throw new VoluntaryStoreError('DynamoDB voluntary application write failed', { cause });
    }
  }

  async application(list: ParticipantListRef, code: string): Promise<VoluntaryApplication | null> {
    try {
      const out = await this.doc.send(new GetCommand({ TableName: this.table, Key: { PK: listKey(list), SK: code } }));
      return (out.Item?.application as VoluntaryApplication | undefined) ?? null;
    } catch (cause) {
      throw new VoluntaryStoreError('DynamoDB voluntary application read failed', { cause });
    }
  }

  async applicationsOf(list: ParticipantListRef): Promise<VoluntaryApplication[]> {
    try {
      const items = await readAll(this.doc, {
        kind: 'query',
        TableName: this.table,
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': listKey(list) },
      });
      return items.map((i) => i.application as VoluntaryApplication);
    } catch (cause) {
      throw new VoluntaryStoreError('DynamoDB voluntary applications read failed', { cause });
    }
  }

  async decide(list: ParticipantListRef, code: string, d: VoluntaryDecision): Promise<'decided' | 'notPending'> {
    const out = await decidePending(this.doc, this.table, { PK: listKey(list), SK: code }, 'application', d);
    if (typeof out === 'object')
      throw new VoluntaryStoreError('DynamoDB voluntary decision failed', { cause: out.failed });
    return out;
  }
}
