import { beforeAll, describe, expect, it } from 'vitest';
import { documentClient } from '../../../functions/adapters/dynamoDocument.ts';
import { DynamoParticipants } from '../../../functions/adapters/dynamoParticipants.ts';
import { listedPractitioners } from '../../../functions/practitioner-results/listedPractitioners.ts';
import { residentId, uscc } from '../../support/builders.ts';
import { freshTable } from '../../support/table.ts';

/** Art 18(1): each league bureau lists its practitioners; one on two lists is one practitioner of both leagues. */
const TWICE = residentId(91, '150602');
const ONCE = residentId(92, '150203');
let lists: DynamoParticipants;

beforeAll(async () => {
  const { client, table } = await freshTable('listedpr');
  lists = new DynamoParticipants(documentClient(client), table);
  const audit = {
    at: '2026-03-01T00:00:00.000Z',
    actor: 'staff:league:test',
    action: 'participants.imported' as const,
    what: {},
    why: null,
    afterConfirmation: false,
  };
  const entry = (code: string, league: '150600' | '150200', employer: string) => ({
    kind: 'practitioner' as const,
    code,
    name: code === TWICE ? '赵文博' : '钱立新',
    league,
    basis: '6.6' as const,
    sites: [],
    categories: [],
    employer: { kind: 'agency' as const, code: employer },
  });
  await lists.putParticipants(
    { year: 2025, kind: 'practitioner', league: '150600' },
    [entry(TWICE, '150600', uscc(1, '150600'))],
    audit,
  );
  await lists.putParticipants(
    { year: 2025, kind: 'practitioner', league: '150200' },
    [entry(TWICE, '150200', uscc(2, '150200')), entry(ONCE, '150200', uscc(2, '150200'))],
    audit,
  );
  await lists.putParticipants({ year: 2024, kind: 'agency', league: '150600' }, [], audit);
});

describe('the practitioners on a year’s lists', () => {
  it('gathers every league’s list, with the leagues that listed each', async () => {
    const listed = await listedPractitioners(lists, 2025);
    expect([...listed.keys()].sort()).toEqual([TWICE, ONCE].sort());
    expect(listed.get(TWICE)).toMatchObject({ name: '赵文博', leagues: ['150200', '150600'] });
    expect(listed.get(ONCE)).toMatchObject({
      leagues: ['150200'],
      employer: { kind: 'agency', code: uscc(2, '150200') },
    });
    expect((await listedPractitioners(lists, 2024)).size).toBe(0);
  });
});
