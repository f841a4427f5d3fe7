import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import {
  type CommentAudit,
  type CommentFinding,
  type CommentScope,
  type CommentStore,
  CommentStoreError,
  type PublicComment,
} from '../ports/comments.ts';
import { isCancelledByCondition, isConditionFailure, readPrefix } from './dynamoSupport.ts';
import { keys } from './keys.ts';

const pk = (s: CommentScope) => keys.comments(s.year, s.kind, s.league);
const COMMENT = 'COMMENT#';
const AUDIT = 'AUDIT#';

/**
 * The public's comments on DynamoDB (docs/storage.md): one partition per cycle and league
 * (`COMMENTS#<year>#<kind>#<league>`) with each comment (`COMMENT#<id>`, put once) and the audit of
 * its finding (`AUDIT#<at>#<id>`); the rate windows of clients under `THROTTLE#<hash>` with a TTL.
 */
export class DynamoComments implements CommentStore {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async add(comment: PublicComment): Promise<'added' | 'exists'> {
    try {
      await this.doc.send(
        new PutCommand({
          TableName: this.table,
          Item: { PK: pk(comment), SK: `${COMMENT}${comment.id}`, comment },
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      );
      return 'added';
    } catch (cause) {
      if (isConditionFailure(cause)) return 'exists';
      throw new CommentStoreError('DynamoDB comment write failed', { cause });
    }
  }

  private async prefix(scope: CommentScope, prefix: string) {
    try {
      return await readPrefix(this.doc, this.table, pk(scope), prefix);
    } catch (cause) {
      throw new CommentStoreError('DynamoDB comments read failed', { cause });
    }
  }

  async commentsOf(scope: CommentScope): Promise<PublicComment[]> {
    return (await this.prefix(scope, COMMENT))
      .map((i) => i.comment as PublicComment)
      .sort((a, b) =>
        a.receivedAt === b.receivedAt ? a.id.localeCompare(b.id) : a.receivedAt.localeCompare(b.receivedAt),
      );
  }

  async comment(scope: CommentScope, id: string): Promise<PublicComment | null> {
    try {
      const out = await this.doc.send(
        new GetCommand({ TableName: this.table, Key: { PK: pk(scope), SK: `${COMMENT}${id}` }, ConsistentRead: true }),
      );
      return (out.Item?.comment as PublicComment | undefined) ?? null;
    } catch (cause) {
      throw new CommentStoreError('DynamoDB comment read failed', { cause });
    }
  }

  async recordFinding(
    scope: CommentScope,
    id: string,
    finding: CommentFinding,
    needsReview: boolean,
  ): Promise<boolean> {
    const current = await this.comment(scope, id);
    if (!current) return false;
    const audit: CommentAudit = {
      at: finding.at,
      actor: finding.by,
      action: 'finding',
      commentId: id,
      code: current.code,
      finding: finding.finding,
      reasons: finding.reasons,
    };
    try {
      await this.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName: this.table,
                Key: { PK: pk(scope), SK: `${COMMENT}${id}` },
                UpdateExpression: 'SET #c.finding = :f, #c.needsReview = :r',
                ConditionExpression: 'attribute_exists(PK) AND #c.finding = :null',
                ExpressionAttributeNames: { '#c': 'comment' },
                ExpressionAttributeValues: { ':f': finding, ':r': needsReview, ':null': null },
              },
            },
            {
              Put: {
                TableName: this.table,
                Item: { PK: pk(scope), SK: `${AUDIT}${finding.at}#${id}`, audit },
                ConditionExpression: 'attribute_not_exists(PK)',
              },
            },
          ],
        }),
      );
      return true;
    } catch (cause) {
      if (isCancelledByCondition(cause)) return false;
      throw new CommentStoreError('DynamoDB comment finding failed', { cause });
    }
  }

  async countComment(client: string, windowStart: number, max: number, expiresAt: number): Promise<boolean> {
    try {
      await this.doc.send(
        new UpdateCommand({
          TableName: this.table,
          Key: { PK: keys.throttle(client), SK: String(windowStart) },
          UpdateExpression: 'ADD #n :one SET expiresAt = :exp',
          ConditionExpression: 'attribute_not_exists(#n) OR #n < :max',
          ExpressionAttributeNames: { '#n': 'count' },
          ExpressionAttributeValues: { ':one': 1, ':max': max, ':exp': expiresAt },
        }),
      );
      return true;
    } catch (cause) {
      if (isConditionFailure(cause)) return false;
      throw new CommentStoreError('DynamoDB comment rate count failed', { cause });
    }
  }

  async auditOf(scope: CommentScope): Promise<CommentAudit[]> {
    return (await this.prefix(scope, AUDIT)).map((i) => i.audit as CommentAudit);
  }
}
