import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentClient } from '../../../../../functions/adapters/dynamoDocument.ts';
import { DynamoProfiles } from '../../../../../functions/adapters/dynamoProfiles.ts';
import type { StoredProfile, SubjectRef } from '../../../../../functions/ports/store.ts';
import { type Register, SaveSubject } from '../../../../../functions/web/console/subjects/saveSubject.ts';
import { enterprise, uscc } from '../../../../support/builders.ts';
import { freshTable } from '../../../../support/table.ts';

/** Saving the console's registration form: a stale form is refused, never written over a newer version. */
let client: DynamoDBClient;
let profiles: DynamoProfiles;
const registered: { ref: SubjectRef; body: Record<string, unknown>; why: string | null }[] = [];
/** The registration use case's seam: records what it was asked and answers as a first write would. */
const register: Register = async (_caller, ref, body, why) => {
  registered.push({ ref, body, why });
  const profile = { subject: { ...body, ...ref }, registration: 'registered', version: 1, updatedAt: '' };
  return { status: 'ok', value: { created: true, profile: profile as unknown as StoredProfile } };
};
let save: SaveSubject;
const ordos = { type: 'staff' as const, claims: { role: 'league' as const, league: '150600' } };
const hohhot = { type: 'staff' as const, claims: { role: 'league' as const, league: '150100' } };
const E = enterprise({ id: uscc(501, '150600'), name: '鄂尔多斯市表单化工有限公司', league: '150600' });
const body = { name: E.name, league: '150600', sites: [] };

beforeAll(async () => {
  const fresh = await freshTable('save-subject');
  client = fresh.client;
  profiles = new DynamoProfiles(documentClient(client), fresh.table);
  save = new SaveSubject(profiles, register);
  const at = '2026-05-01T00:00:00Z';
  await profiles.putProfile({ subject: E, registration: 'registered', version: 3, updatedAt: at }, null, {
    subject: { kind: 'enterprise', id: E.id },
    at,
    actor: 'test',
    action: 'subject.registered',
    what: {},
    why: null,
  });
});
afterAll(() => client?.destroy());

describe('saving a subject from the console', () => {
  it('passes a form opened at the current version on to registration, with its reason', async () => {
    const out = await save.execute(ordos, { kind: 'enterprise', id: E.id }, body, 3, '更正名称');
    expect(out.status).toBe('ok');
    expect(registered.at(-1)).toEqual({ ref: { kind: 'enterprise', id: E.id }, body, why: '更正名称' });
  });

  it('refuses a form opened at an older version, or a new form for a code already stored', async () => {
    const count = registered.length;
    expect(await save.execute(ordos, { kind: 'enterprise', id: E.id }, body, 2, null)).toMatchObject({
      status: 'conflict',
      code: 'STALE_FORM',
      message: expect.stringContaining('现为第3版，表单为第2版'),
    });
    expect(await save.execute(ordos, { kind: 'enterprise', id: E.id }, body, 0, null)).toMatchObject({
      status: 'conflict',
      message: expect.stringContaining('该代码的主体已存在'),
    });
    expect(registered).toHaveLength(count);
  });

  it('refuses another league’s subject before telling anything of its version', async () => {
    expect(await save.execute(hohhot, { kind: 'enterprise', id: E.id }, body, 1, null)).toEqual({
      status: 'forbidden',
    });
    expect((await save.execute({ type: 'public' }, { kind: 'enterprise', id: E.id }, body, 3, null)).status).toBe(
      'unauthorized',
    );
  });

  it('names a bad code and an over-long reason', async () => {
    const out = await save.execute(ordos, { kind: 'enterprise', id: '123' }, body, 0, 'x'.repeat(501));
    expect(out.status).toBe('invalid');
    expect((out as unknown as { issues: { path: string }[] }).issues.map((i) => i.path)).toEqual(['id', 'why']);
  });
});
