import { beforeAll, describe, expect, it } from 'vitest';
import { dishonestLetterId } from '../../../domain/notices/dishonestLetter.ts';
import { documentClient } from '../../../functions/adapters/dynamoDocument.ts';
import { DynamoFinalResults } from '../../../functions/adapters/dynamoFinalResults.ts';
import { DynamoNotices } from '../../../functions/adapters/dynamoNotices.ts';
import type { FinalResult } from '../../../functions/ports/finalResults.ts';
import { ListLetters } from '../../../functions/practitioner-results/listLetters.ts';
import { residentId } from '../../support/builders.ts';
import { freshTable } from '../../support/table.ts';

/** A league bureau's letters (函告, Art 18(6)) of a year: its own only; the region sees any league's. */
let list: ListLetters;
const DISHONEST = residentId(71, '150602');
const HONEST = residentId(72, '150602');
const league = (code: string) => ({ type: 'staff' as const, claims: { role: 'league' as const, league: code } });
const region = { type: 'staff' as const, claims: { role: 'region' as const, league: '150000' } };

const final = (code: string, dishonest: boolean): FinalResult => ({
  year: 2025,
  kind: 'practitioner',
  code,
  name: code === DISHONEST ? '赵文博' : '钱立新',
  league: '150600',
  evaluatedOn: '2026-05-20',
  grade: null,
  score: null,
  blacklisted: false,
  result: null,
  dishonest,
  leagues: ['150600'],
  records: [],
});

beforeAll(async () => {
  const { client, table } = await freshTable('letters');
  const doc = documentClient(client);
  const finals = new DynamoFinalResults(doc, table);
  const notices = new DynamoNotices(doc, table);
  await finals.freeze([final(DISHONEST, true), final(HONEST, false)]);
  await notices.issue({
    id: dishonestLetterId(2025, '150600'),
    kind: 'dishonestLetter',
    to: { kind: 'practitioner', id: DISHONEST },
    toName: '赵文博',
    league: '150600',
    year: 2025,
    title: '关于赵文博被评定为环保失信个人的函',
    body: '……',
    deadline: null,
    issuedAt: '2026-05-20T02:00:00.000Z',
    issuedBy: 'system:resultsNotified',
  });
  list = new ListLetters(finals, notices);
});

describe('the letters of a league bureau', () => {
  it('lists the letters the bureau sent for the year', async () => {
    const out = await list.execute(league('150600'), '150600', 2025);
    expect(out.status === 'ok' && out.value.map((n) => n.to.id)).toEqual([DISHONEST]);
    const other = await list.execute(region, '150200', 2025);
    expect(other.status === 'ok' && other.value).toEqual([]);
    const before = await list.execute(region, '150600', 2024);
    expect(before.status === 'ok' && before.value).toEqual([]);
  });

  it('another league’s officer may neither list nor open them; the region may', async () => {
    expect((await list.execute(league('150200'), '150600', 2025)).status).toBe('forbidden');
    expect((await list.one(league('150200'), '150600', 2025, DISHONEST)).status).toBe('forbidden');
    expect((await list.one(region, '150600', 2025, DISHONEST.toLowerCase())).status).toBe('ok');
  });

  it('a letter the bureau did not send is not found', async () => {
    expect((await list.one(league('150600'), '150600', 2025, HONEST)).status).toBe('notFound');
    expect((await list.one(league('150200'), '150200', 2025, DISHONEST)).status).toBe('notFound');
  });
});
