import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import {
  type FinalResult,
  type FinalResultKind,
  type FinalResultStore,
  FinalResultStoreError,
} from '../ports/finalResults.ts';
import { mapLimit } from '../shared/mapLimit.ts';
import { isConditionFailure, readAll } from './dynamoSupport.ts';
import { keys } from './keys.ts';

/**
 * The year's final results on DynamoDB (docs/storage.md): `FINAL#<year>#<kind>` / `<code>`, put only
 * when absent, so that the results frozen at 复核审定 never change (a re-delivered batch changes nothing).
 */
export class DynamoFinalResults implements FinalResultStore {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async freeze(results: readonly FinalResult[]): Promise<void> {
    await mapLimit(results, 8, async (result) => {
      try {
        await this.doc.send(
          new PutCommand({
            TableName: this.table,
            Item: { PK: keys.finalResults(result.year, result.kind), SK: result.code, result },
            ConditionExpression: 'attribute_not_exists(PK)',
          }),
        );
      } catch (cause) {
        if (!isConditionFailure(cause))
          throw new FinalResultStoreError('DynamoDB final result write failed', { cause });
      }
    });
  }

  async finalResult(year: number, kind: FinalResultKind, code: string): Promise<FinalResult | null> {
    try {
      const out = await this.doc.send(
        new GetCommand({
          TableName: this.table,
          Key: { PK: keys.finalResults(year, kind), SK: code },
          ConsistentRead: true,
        }),
      );
      return (out.Item?.result as FinalResult | undefined) ?? null;
    } catch (cause) {
      throw new FinalResultStoreError('DynamoDB final result read failed', { cause });
    }
  }

  async finalResults(year: number, kind: FinalResultKind): Promise<FinalResult[]> {
    try {
      const items = await readAll(this.doc, {
        kind: 'query',
        TableName: this.table,
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': keys.finalResults(year, kind) },
        ConsistentRead: true,
      });
      return items.map((i) => i.result as FinalResult);
    } catch (cause) {
      throw new FinalResultStoreError('DynamoDB final results read failed', { cause });
    }
  }
}
