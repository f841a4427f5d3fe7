import { randomUUID } from 'node:crypto';
import { type DynamoDBDocumentClient, GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import {
  type ReviewAudit,
  type ReviewDecision,
  type ReviewRef,
  type ReviewStore,
  ReviewStoreError,
} from '../ports/reviews.ts';
import { isCancelledByCondition, readPrefix } from './dynamoSupport.ts';
import { keys } from './keys.ts';

const pk = (r: ReviewRef) => keys.review(r.year, r.kind);
const DECISION = 'DECISION#';
const AUDIT = 'AUDIT#';

/**
 * The review group's decisions on DynamoDB (docs/storage.md): `REVIEW#<year>#<kind>` holds one
 * `DECISION#<code>` per decided item, put only when absent, and the audit trail (`AUDIT#<at>#<uuid>`)
 * written in the same transaction.
 */
export class DynamoReviews implements ReviewStore {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async decide(decision: ReviewDecision, audit: ReviewAudit): Promise<'decided' | 'exists'> {
    try {
      await this.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.table,
                Item: { PK: pk(decision), SK: `${DECISION}${decision.code}`, decision },
                ConditionExpression: 'attribute_not_exists(PK)',
              },
            },
            {
              Put: {
                TableName: this.table,
                Item: { PK: pk(decision), SK: `${AUDIT}${audit.at}#${randomUUID()}`, audit },
              },
            },
          ],
        }),
      );
      return 'decided';
    } catch (cause) {
      if (isCancelledByCondition(cause)) return 'exists';
      throw new ReviewStoreError('DynamoDB review decision write failed', { cause });
    }
  }

  async decision(ref: ReviewRef, code: string): Promise<ReviewDecision | null> {
    try {
      const out = await this.doc.send(
        new GetCommand({ TableName: this.table, Key: { PK: pk(ref), SK: `${DECISION}${code}` }, ConsistentRead: true }),
      );
      return (out.Item?.decision as ReviewDecision | undefined) ?? null;
    } catch (cause) {
      throw new ReviewStoreError('DynamoDB review decision read failed', { cause });
    }
  }

  private async prefix(ref: ReviewRef, prefix: string) {
    try {
      return await readPrefix(this.doc, this.table, pk(ref), prefix);
    } catch (cause) {
      throw new ReviewStoreError('DynamoDB review read failed', { cause });
    }
  }

  async decisions(ref: ReviewRef): Promise<ReviewDecision[]> {
    return (await this.prefix(ref, DECISION)).map((i) => i.decision as ReviewDecision);
  }

  async auditOf(ref: ReviewRef): Promise<ReviewAudit[]> {
    return (await this.prefix(ref, AUDIT)).map((i) => i.audit as ReviewAudit);
  }
}
