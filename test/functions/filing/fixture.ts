import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { ParticipantEntry } from '../../../domain/participants/participant.ts';
import { DynamoCycleStore } from '../../../functions/adapters/dynamoCycleStore.ts';
import { documentClient } from '../../../functions/adapters/dynamoDocument.ts';
import { DynamoFilings } from '../../../functions/adapters/dynamoFilings.ts';
import { DynamoNotices } from '../../../functions/adapters/dynamoNotices.ts';
import { DynamoParticipants } from '../../../functions/adapters/dynamoParticipants.ts';
import { DynamoCreditStore } from '../../../functions/adapters/dynamoStore.ts';
import { LocalScheduler } from '../../../functions/adapters/localScheduler.ts';
import { CycleTransitions } from '../../../functions/cycles/cycleTransitions.ts';
import { OpenCycle } from '../../../functions/cycles/openCycle.ts';
import { RecordAct } from '../../../functions/cycles/recordAct.ts';
import { AdjustableClock } from '../../../functions/shared/clock.ts';
import { agency, uscc } from '../../support/builders.ts';
import { registerProfile } from '../../support/store.ts';
import { freshTable } from '../../support/table.ts';

/**
 * A 2025 agency cycle on DynamoDB Local with two registered agencies of Ordos (150600) on its list;
 * `notify()` records `listConfirmed` and `participantsNotified` (the FILING window opens 2 March 2026
 * and closes 30 March 2026).
 */
export const LEAGUE = '150600' as const;
export const entryOf = (n: number): ParticipantEntry => ({
  kind: 'agency',
  code: uscc(n, LEAGUE),
  name: `机构${n}`,
  league: LEAGUE,
  basis: '6.5',
  sites: [],
  categories: ['eia'],
});

export const filingFixture = async (prefix: string) => {
  const { client, table } = await freshTable(prefix);
  const doc = documentClient(client);
  const clock = new AdjustableClock();
  clock.freeze(new Date('2026-03-02T02:00:00Z'));
  const store = new DynamoCreditStore(client, table);
  const cycles = new DynamoCycleStore(client, table);
  const participants = new DynamoParticipants(doc, table);
  const transitions = new CycleTransitions(cycles, new LocalScheduler(), clock);
  const entries = [entryOf(1), entryOf(2)];
  for (const e of [...entries, entryOf(3)])
    await registerProfile(store, agency({ id: e.code, name: e.name, league: LEAGUE }), '2026-01-05T00:00:00Z');
  await participants.putParticipants({ year: 2025, kind: 'agency', league: LEAGUE }, entries, {
    at: '2026-03-01T00:00:00Z',
    actor: `staff:league:${LEAGUE}`,
    action: 'participants.imported',
    what: {},
    why: null,
    afterConfirmation: false,
  });
  await new OpenCycle(cycles, transitions).execute({ role: 'region' }, { kind: 'agency', year: 2025 });
  return {
    client: client as DynamoDBClient,
    table,
    clock,
    store,
    cycles,
    participants,
    filings: new DynamoFilings(doc, table),
    notices: new DynamoNotices(doc, table),
    notify: async () => {
      const act = new RecordAct(cycles, transitions, async () => 0);
      const officer = { role: 'league' as const, league: LEAGUE };
      for (const a of ['listConfirmed', 'participantsNotified'] as const)
        await act.execute(officer, { year: 2025, kind: 'agency' }, { act: a, league: LEAGUE }, null);
    },
  };
};

export const participantCaller = (code: string) => ({
  type: 'staff' as const,
  claims: { role: 'agency' as const, subject: code },
});
export const officerCaller = (league: string = LEAGUE) => ({
  type: 'staff' as const,
  claims: { role: 'league' as const, league },
});
