import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentClient } from '../../../functions/adapters/dynamoDocument.ts';
import { DynamoPublishedDirectory } from '../../../functions/adapters/dynamoPublishedDirectory.ts';
import { DynamoCreditStore } from '../../../functions/adapters/dynamoStore.ts';
import { CurrentBlacklist } from '../../../functions/results-use/currentBlacklist.ts';
import { PUBLISHED_ON, SEEDED, seedPublishedResults } from '../../support/resultsUse.ts';
import { freshTable } from '../../support/table.ts';

let client: DynamoDBClient;
let directory: DynamoPublishedDirectory;

beforeAll(async () => {
  const fresh = await freshTable('blacklist');
  client = fresh.client;
  await seedPublishedResults(new DynamoCreditStore(client, fresh.table));
  directory = new DynamoPublishedDirectory(documentClient(client), fresh.table);
});
afterAll(() => client?.destroy());

describe('the current blacklist (Art 19, I10)', () => {
  it('lists the enterprise with three consecutive D, since the publication of the third, and why', async () => {
    const list = await new CurrentBlacklist(directory, { now: () => new Date('2026-09-01T02:00:00Z') }).execute();
    expect(list).toEqual({
      asOf: '2026-09-01',
      rows: [
        {
          kind: 'enterprise',
          id: SEEDED.blacklisted.id,
          name: SEEDED.blacklisted.name,
          league: '150300',
          year: 2025,
          since: PUBLISHED_ON[2025],
          years: [2023, 2024, 2025],
        },
      ],
    });
  });

  it('is empty before the third D is published', async () => {
    const before = await new CurrentBlacklist(directory, { now: () => new Date('2026-06-25T02:00:00Z') }).execute();
    expect(before.rows).toEqual([]);
  });
});
