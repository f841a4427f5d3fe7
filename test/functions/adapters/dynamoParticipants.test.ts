import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ParticipantEntry } from '../../../domain/participants/participant.ts';
import { documentClient } from '../../../functions/adapters/dynamoDocument.ts';
import { DynamoParticipants } from '../../../functions/adapters/dynamoParticipants.ts';
import type { ParticipantAudit } from '../../../functions/ports/participants.ts';
import { uscc } from '../../support/builders.ts';
import { freshTable } from '../../support/table.ts';

let client: DynamoDBClient;
let doc: DynamoDBDocumentClient;
let table: string;
beforeAll(async () => {
  ({ client, table } = await freshTable('participants'));
  doc = documentClient(client);
});
afterAll(() => client?.destroy());

const list = { year: 2026, kind: 'agency' as const, league: '150600' as const };
const entry = (n: number, name = `机构${n}`): ParticipantEntry => ({
  kind: 'agency',
  code: uscc(n, '150600'),
  name,
  league: '150600',
  basis: '6.5',
  sites: [],
  categories: ['eia'],
});
const audit = (action: ParticipantAudit['action'], at = '2026-02-01T00:00:00Z'): ParticipantAudit => ({
  at,
  actor: 'staff:league:150600',
  action,
  what: {},
  why: null,
  afterConfirmation: false,
});

describe('lists of participants on DynamoDB', () => {
  it('imports a list once: the same file again changes nothing and is not audited again', async () => {
    const store = new DynamoParticipants(doc, table);
    const many = Array.from({ length: 130 }, (_, i) => entry(i + 1));
    expect(await store.putParticipants(list, many, audit('participants.imported'))).toEqual({
      added: 130,
      changed: 0,
      unchanged: 0,
    });
    expect(await store.putParticipants(list, many, audit('participants.imported'))).toEqual({
      added: 0,
      changed: 0,
      unchanged: 130,
    });
    const changed = [entry(1, '新名称'), entry(131), entry(2)];
    expect(await store.putParticipants(list, changed, audit('participants.imported', '2026-02-03T00:00:00Z'))).toEqual({
      added: 1,
      changed: 1,
      unchanged: 1,
    });
    const stored = await store.participants(list);
    expect(stored).toHaveLength(131);
    expect(stored.find((e) => e.code === uscc(1, '150600'))?.name).toBe('新名称');
    const trail = await store.auditOfList(list);
    expect(trail.map((a) => a.what)).toEqual([
      { added: 130, changed: 0, unchanged: 0 },
      { added: 1, changed: 1, unchanged: 1 },
    ]);
  });

  it('removes an entry with its audit entry, and says when it was not there', async () => {
    const store = new DynamoParticipants(doc, table);
    const other = { ...list, league: '150100' as const };
    await store.putParticipants(other, [{ ...entry(500), league: '150100' }], audit('participant.added'));
    expect(
      await store.removeParticipant(other, uscc(500, '150600'), audit('participant.removed', '2026-02-02T00:00:00Z')),
    ).toBe(true);
    expect(await store.removeParticipant(other, uscc(500, '150600'), audit('participant.removed'))).toBe(false);
    expect(await store.participants(other)).toEqual([]);
    expect((await store.auditOfList(other)).map((a) => a.action)).toEqual(['participant.added', 'participant.removed']);
  });

  it('keeps a decision that changes no entry in the change record only', async () => {
    const store = new DynamoParticipants(doc, table);
    const people = { year: 2026, kind: 'practitioner' as const, league: '150600' as const };
    await store.recordAudit(people, { ...audit('practitioner.declined'), what: { code: 'X' }, why: '已离职' });
    expect(await store.participants(people)).toEqual([]);
    expect(await store.auditOfList(people)).toEqual([
      expect.objectContaining({ action: 'practitioner.declined', what: { code: 'X' }, why: '已离职' }),
    ]);
  });
});
