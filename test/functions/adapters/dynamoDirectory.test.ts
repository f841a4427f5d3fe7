import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Subject } from '../../../domain/subjects/subject.ts';
import { DynamoSubjectDirectory } from '../../../functions/adapters/dynamoDirectory.ts';
import { documentClient } from '../../../functions/adapters/dynamoDocument.ts';
import { DynamoProfiles } from '../../../functions/adapters/dynamoProfiles.ts';
import { agency, enterprise, practitioner, uscc } from '../../support/builders.ts';
import { freshTable } from '../../support/table.ts';

let client: DynamoDBClient;
let directory: DynamoSubjectDirectory;
let profiles: DynamoProfiles;
beforeAll(async () => {
  const fresh = await freshTable('directory');
  client = fresh.client;
  directory = new DynamoSubjectDirectory(documentClient(client), fresh.table);
  profiles = new DynamoProfiles(documentClient(client), fresh.table);
});
afterAll(() => client?.destroy());

const register = (subject: Subject) =>
  profiles.putProfile({ subject, registration: 'registered', version: 1, updatedAt: 'x' }, null, {
    subject: { kind: subject.kind, id: subject.id },
    at: '2026-01-01T00:00:00Z',
    actor: 'test',
    action: 'subject.registered',
    what: {},
    why: null,
  });

describe('the directory of subjects', () => {
  it('lists every registered subject exactly once across the segments, whatever their number', async () => {
    const subjects: Subject[] = [
      enterprise({ id: uscc(31) }),
      enterprise({ id: uscc(32, '150200'), league: '150200' }),
      agency({ id: uscc(33, '150200') }),
      practitioner(5),
    ];
    for (const s of subjects) expect(await register(s)).toBe(true);
    const expected = subjects.map((s) => `${s.kind}:${s.id}`).sort();
    for (const segments of [1, 3, 7]) {
      const listed = (
        await Promise.all(Array.from({ length: segments }, (_, i) => directory.listSubjects(i, segments)))
      )
        .flat()
        .map((s) => `${s.kind}:${s.id}`);
      expect(listed.sort()).toEqual(expected);
    }
  });
});
