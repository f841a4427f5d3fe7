import { beforeAll, describe, expect, it } from 'vitest';
import type { Cycle } from '../../../domain/cycles/cycle.ts';
import type { LeagueCode } from '../../../domain/identifiers/leagues.ts';
import { documentClient } from '../../../functions/adapters/dynamoDocument.ts';
import { DynamoFinalResults } from '../../../functions/adapters/dynamoFinalResults.ts';
import { DynamoParticipants } from '../../../functions/adapters/dynamoParticipants.ts';
import { DynamoCreditStore } from '../../../functions/adapters/dynamoStore.ts';
import type { FinalResult } from '../../../functions/ports/finalResults.ts';
import { PractitionerResultsGate } from '../../../functions/practitioner-results/practitionerResultsGate.ts';
import { residentId } from '../../support/builders.ts';
import { freshTable } from '../../support/table.ts';

/** `resultsNotified` (Art 18(6)) waits for every listed, registered practitioner's final result (Art 18(5)). */
const at = '2026-05-20T02:00:00.000Z';
const A = residentId(81, '150602');
const B = residentId(82, '150602');
/** Listed but never registered: no final result is expected of it. */
const UNREGISTERED = residentId(83, '150602');
let store: DynamoCreditStore;
let finals: DynamoFinalResults;
let gate: PractitionerResultsGate;
const freezes: [number, string][] = [];
const notified: [number, string][] = [];
const cycle = { year: 2025, kind: 'practitioner' } as Cycle;

const final = (code: string): FinalResult => ({
  year: 2025,
  kind: 'practitioner',
  code,
  name: '某某',
  league: '150600',
  evaluatedOn: '2026-05-19',
  grade: null,
  score: null,
  blacklisted: false,
  result: null,
  dishonest: false,
  leagues: [],
  records: [],
});

beforeAll(async () => {
  const { client, table } = await freshTable('prgate');
  const doc = documentClient(client);
  store = new DynamoCreditStore(client, table);
  finals = new DynamoFinalResults(doc, table);
  const lists = new DynamoParticipants(doc, table);
  for (const id of [A, B]) {
    const subject = { kind: 'practitioner' as const, id };
    await store.putProfile(
      {
        subject: { kind: 'practitioner', id, name: '某某', league: '150600' },
        registration: 'registered',
        version: 1,
        updatedAt: at,
      } as Parameters<typeof store.putProfile>[0],
      null,
      { subject, at, actor: 'test', action: 'subject.registered', what: {}, why: null },
    );
  }
  const entry = (code: string, league: LeagueCode) => ({
    kind: 'practitioner' as const,
    code,
    name: '某某',
    league,
    basis: '6.6' as const,
    sites: [],
    categories: [],
  });
  const audit = {
    at,
    actor: 'staff:league:test',
    action: 'participants.imported' as const,
    what: {},
    why: null,
    afterConfirmation: false,
  };
  await lists.putParticipants(
    { year: 2025, kind: 'practitioner', league: '150600' },
    [entry(A, '150600'), entry(UNREGISTERED, '150600')],
    audit,
  );
  await lists.putParticipants({ year: 2025, kind: 'practitioner', league: '150100' }, [entry(B, '150100')], audit);
  gate = new PractitionerResultsGate(
    store,
    lists,
    finals,
    async (year, on) => {
      freezes.push([year, on]);
      return 0;
    },
    {
      execute: async (year, actor) => {
        notified.push([year, actor]);
        return { notices: 0, letters: 0, existing: 0 };
      },
    },
    { now: () => new Date(at) },
  );
});

describe('the gate on resultsNotified', () => {
  it('refuses while a listed, registered practitioner has no final result, and plans its freeze again', async () => {
    expect(await gate.refusal(cycle, 'resultsNotified', undefined)).toMatchObject({
      code: 'PRACTITIONER_RESULTS_PENDING',
      message: expect.stringContaining('参评2人，已确定0人'),
    });
    expect(freezes).toEqual([[2025, '2026-05-20']]);
    await finals.freeze([final(A)]);
    expect((await gate.refusal(cycle, 'resultsNotified', undefined))?.message).toContain('参评2人，已确定1人');
    // Planned again as of the day of the results already frozen (复核审定's day).
    expect(freezes.at(-1)).toEqual([2025, '2026-05-19']);
  });

  it('lets it pass once every one is frozen; other acts and kinds are not its concern', async () => {
    await finals.freeze([final(B)]);
    expect(await gate.refusal(cycle, 'resultsNotified', undefined)).toBeNull();
    expect(await gate.refusal({ ...cycle, kind: 'agency' } as Cycle, 'resultsNotified', undefined)).toBeNull();
    expect(await gate.refusal(cycle, 'reviewConfirmed', undefined)).toBeNull();
  });

  it('issues the notices when the act is recorded, and only then', async () => {
    await gate.recorded({ year: 2025, kind: 'practitioner' }, 'reviewConfirmed', undefined, 'staff:region:150000');
    await gate.recorded({ year: 2025, kind: 'agency' }, 'resultsNotified', undefined, 'staff:region:150000');
    expect(notified).toEqual([]);
    await gate.recorded({ year: 2025, kind: 'practitioner' }, 'resultsNotified', undefined, 'staff:region:150000');
    expect(notified).toEqual([[2025, 'staff:region:150000']]);
  });
});
