import { type DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import type { AuditEntry, ProfileStore, StoredProfile, SubjectRef } from '../ports/store.ts';
import { putAudited } from './dynamoAudit.ts';
import { type Item, storeCall } from './dynamoSupport.ts';
import { keys } from './keys.ts';

/** A profile's item, indexed by its league and kind (the planner's listing, docs/storage.md #10). */
export const profileItem = (profile: StoredProfile): Item => {
  const s = profile.subject;
  return {
    PK: keys.subject(s),
    SK: keys.profile,
    profile,
    version: profile.version,
    GSI1PK: keys.league('league' in s && s.league ? s.league : null, s.kind),
    GSI1SK: keys.leagueSort(s.id),
  };
};

/** Subjects' registered profiles on DynamoDB, each write versioned and audited. */
export class DynamoProfiles implements ProfileStore {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async getProfile(subject: SubjectRef): Promise<StoredProfile | null> {
    const r = await storeCall('Get', () =>
      this.doc.send(
        new GetCommand({
          TableName: this.table,
          Key: { PK: keys.subject(subject), SK: keys.profile },
          ConsistentRead: true,
        }),
      ),
    );
    return (r.Item?.profile as StoredProfile | undefined) ?? null;
  }

  putProfile(profile: StoredProfile, expectedVersion: number | null, audit: AuditEntry): Promise<boolean> {
    return putAudited(this.doc, this.table, 'profile', profileItem(profile), expectedVersion, audit);
  }
}
