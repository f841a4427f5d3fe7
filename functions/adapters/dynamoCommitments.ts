import { type DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import type { CommitmentStore, SignedCommitment } from '../ports/commitments.ts';
import type { AuditEntry, SubjectRef } from '../ports/store.ts';
import { putAudited } from './dynamoAudit.ts';
import { storeCall } from './dynamoSupport.ts';
import { keys } from './keys.ts';

/** Signed commitment letters on DynamoDB: `SUBJECT#<kind>#<id>` / `COMMITMENT#<year>` (docs/storage.md). */
export class DynamoCommitments implements CommitmentStore {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async getCommitment(subject: SubjectRef, year: number): Promise<SignedCommitment | null> {
    const out = await storeCall('GetItem', () =>
      this.doc.send(
        new GetCommand({
          TableName: this.table,
          Key: { PK: keys.subject(subject), SK: keys.commitment(year) },
          ConsistentRead: true,
        }),
      ),
    );
    return (out.Item?.commitment as SignedCommitment | undefined) ?? null;
  }

  putCommitmentOnce(commitment: SignedCommitment, audit: AuditEntry): Promise<boolean> {
    // Absent only (attribute_not_exists): a signed letter is never replaced.
    return putAudited(
      this.doc,
      this.table,
      'commitment',
      { PK: keys.subject(commitment.subject), SK: keys.commitment(commitment.year), commitment },
      null,
      audit,
    );
  }
}
