import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentClient } from '../../../functions/adapters/dynamoDocument.ts';
import { DynamoProfiles, profileItem } from '../../../functions/adapters/dynamoProfiles.ts';
import { keys } from '../../../functions/adapters/keys.ts';
import type { StoredProfile } from '../../../functions/ports/store.ts';
import { enterprise, uscc } from '../../support/builders.ts';
import { freshTable } from '../../support/table.ts';

let client: DynamoDBClient;
let profiles: DynamoProfiles;
beforeAll(async () => {
  const fresh = await freshTable('profiles');
  client = fresh.client;
  profiles = new DynamoProfiles(documentClient(client), fresh.table);
});
afterAll(() => client?.destroy());

const profile = (id: string, version: number): StoredProfile => ({
  subject: enterprise({ id }),
  registration: 'registered',
  version,
  updatedAt: '2026-01-01T00:00:00Z',
});
const audit = (id: string) => ({
  subject: { kind: 'enterprise' as const, id },
  at: '2026-01-01T00:00:00Z',
  actor: 'test',
  action: 'subject.registered',
  what: {},
  why: null,
});

describe('subjects’ profiles', () => {
  it('writes a profile only over the version expected, and reads the latest back', async () => {
    const id = uscc(71);
    expect(await profiles.getProfile({ kind: 'enterprise', id })).toBeNull();
    expect(await profiles.putProfile(profile(id, 1), null, audit(id))).toBe(true);
    expect(await profiles.putProfile(profile(id, 1), null, audit(id))).toBe(false);
    expect(await profiles.putProfile(profile(id, 2), 1, audit(id))).toBe(true);
    expect((await profiles.getProfile({ kind: 'enterprise', id }))?.version).toBe(2);
  });

  it('indexes a profile by its league and kind, a practitioner without a league under none', () => {
    expect(profileItem(profile(uscc(72), 1)).GSI1PK).toBe(keys.league('150100', 'enterprise'));
    const practitioner = profileItem({
      subject: { kind: 'practitioner', id: '150203199002150023' },
      registration: 'registered',
      version: 1,
      updatedAt: 'x',
    });
    expect(practitioner.GSI1PK).toBe(keys.league(null, 'practitioner'));
  });
});
