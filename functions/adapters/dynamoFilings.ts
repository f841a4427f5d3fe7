import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Filing } from '../../domain/filing/filing.ts';
import { type FilingStore, FilingStoreError } from '../ports/filings.ts';
import type { SubjectRef } from '../ports/store.ts';
import { batchGetAll, isConditionFailure } from './dynamoSupport.ts';
import { keys } from './keys.ts';
import { participationKeys } from './participationKeys.ts';

/**
 * Filings on DynamoDB (docs/storage.md): `SUBJECT#<kind>#<id>` / `FILING#<year>`, in the subject's
 * partition so that its evaluation reads it with the rest (Art 32). Written with conditions: a
 * filing is filed once; a missing mark never replaces a filing.
 */
export class DynamoFilings implements FilingStore {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async filing(of: SubjectRef, year: number): Promise<Filing | null> {
    try {
      const out = await this.doc.send(
        new GetCommand({
          TableName: this.table,
          Key: { PK: keys.subject(of), SK: participationKeys.filing(year) },
          ConsistentRead: true,
        }),
      );
      return (out.Item?.filing as Filing | undefined) ?? null;
    } catch (cause) {
      throw new FilingStoreError('DynamoDB filing read failed', { cause });
    }
  }

  async filingsOf(of: readonly SubjectRef[], year: number): Promise<Map<string, Filing>> {
    try {
      const items = await batchGetAll(
        this.doc,
        this.table,
        of.map((s) => ({ PK: keys.subject(s), SK: participationKeys.filing(year) })),
      );
      return new Map(items.map((i) => [(i.filing as Filing).code, i.filing as Filing]));
    } catch (cause) {
      throw new FilingStoreError('DynamoDB filings read failed', { cause });
    }
  }

  async file(of: SubjectRef, filing: Filing): Promise<'filed' | 'exists'> {
    try {
      await this.doc.send(
        new PutCommand({
          TableName: this.table,
          Item: { PK: keys.subject(of), SK: participationKeys.filing(filing.year), filing },
          ConditionExpression: 'attribute_not_exists(PK) OR filing.filedAt = :null',
          ExpressionAttributeValues: { ':null': null },
        }),
      );
      return 'filed';
    } catch (cause) {
      if (isConditionFailure(cause)) return 'exists';
      throw new FilingStoreError('DynamoDB filing write failed', { cause });
    }
  }

  async markMissing(of: SubjectRef, filing: Filing): Promise<'marked' | 'exists'> {
    try {
      await this.doc.send(
        new PutCommand({
          TableName: this.table,
          Item: { PK: keys.subject(of), SK: participationKeys.filing(filing.year), filing },
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      );
      return 'marked';
    } catch (cause) {
      if (isConditionFailure(cause)) return 'exists';
      throw new FilingStoreError('DynamoDB filing mark failed', { cause });
    }
  }
}
