import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentClient } from '../../../functions/adapters/dynamoDocument.ts';
import { DynamoParticipants } from '../../../functions/adapters/dynamoParticipants.ts';
import { DynamoCreditStore } from '../../../functions/adapters/dynamoStore.ts';
import type { ParticipantListRef } from '../../../functions/ports/participants.ts';
import { listedParticipants } from '../../../functions/publication/listedParticipants.ts';
import { type PublicationMessage, planPublication } from '../../../functions/publication/publishResults.ts';
import { enterprise, uscc } from '../../support/builders.ts';
import { freshTable } from '../../support/table.ts';

/** Art 16(1), 17(1): the later stages of a cycle run over the year's lists of participants. */
let client: DynamoDBClient;
let store: DynamoCreditStore;
let lists: DynamoParticipants;
const at = '2027-01-10T02:00:00.000Z';

const list = async (ref: ParticipantListRef, codes: string[]) =>
  lists.putParticipants(
    ref,
    codes.map((code) => ({
      kind: ref.kind,
      code,
      name: `单位${code.slice(-4)}`,
      league: ref.league,
      basis: ref.kind === 'enterprise' ? '6.1' : '6.5',
      sites: [],
      categories: ref.kind === 'agency' ? ['monitoring'] : [],
    })),
    {
      at,
      actor: 'staff:league:150100',
      action: 'participants.imported',
      what: {},
      why: null,
      afterConfirmation: false,
    },
  );

const register = async (id: string) =>
  store.putProfile({ subject: enterprise({ id }), registration: 'registered', version: 1, updatedAt: at }, null, {
    subject: { kind: 'enterprise', id },
    at,
    actor: 'test',
    action: 'subject.registered',
    what: {},
    why: null,
  });

beforeAll(async () => {
  const fresh = await freshTable('listed');
  client = fresh.client;
  store = new DynamoCreditStore(client, fresh.table);
  lists = new DynamoParticipants(documentClient(client), fresh.table);
  await list({ year: 2026, kind: 'enterprise', league: '150100' }, [uscc(1, '150100'), uscc(2, '150100')]);
  await list({ year: 2026, kind: 'enterprise', league: '150600' }, [uscc(3, '150600')]);
  await list({ year: 2025, kind: 'enterprise', league: '150100' }, [uscc(4, '150100')]);
  await list({ year: 2026, kind: 'agency', league: '150100' }, [uscc(5, '150100')]);
  for (const n of [1, 3, 4, 6]) await register(uscc(n, n === 3 ? '150600' : '150100'));
});
afterAll(() => client?.destroy());

describe('the participants of a year', () => {
  it('are the codes on every league’s list of that year and kind, and no other', async () => {
    const listed = await listedParticipants(lists, 'enterprise', 2026);
    expect([...listed].sort()).toEqual([uscc(1, '150100'), uscc(2, '150100'), uscc(3, '150600')].sort());
    expect([...(await listedParticipants(lists, 'agency', 2026))]).toEqual([uscc(5, '150100')]);
  });

  it('Art 18(6): practitioners have none to publish', async () => {
    expect((await listedParticipants(lists, 'practitioner', 2026)).size).toBe(0);
  });
});

describe('planning a publication', () => {
  it('plans only the registered subjects that are on the year’s lists', async () => {
    const sent: PublicationMessage[] = [];
    const planned = await planPublication(
      store,
      await listedParticipants(lists, 'enterprise', 2026),
      'enterprise',
      2026,
      '2027-06-26',
      async (m) => {
        sent.push(...m);
      },
    );
    // 1 and 3 are registered and listed; 2 is listed but not registered; 4 is on 2025's list; 6 on none.
    expect(planned).toBe(2);
    expect(sent.flatMap((m) => m.subjects.map((s) => s.id)).sort()).toEqual(
      [uscc(1, '150100'), uscc(3, '150600')].sort(),
    );
  });
});
