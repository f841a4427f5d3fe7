import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentClient } from '../../../functions/adapters/dynamoDocument.ts';
import { DynamoPractitionerFilings } from '../../../functions/adapters/dynamoPractitionerFilings.ts';
import { signLocalToken } from '../../../functions/adapters/tokenVerifiers.ts';
import { ListedEmployers } from '../../../functions/lookup/listedEmployers.ts';
import { LookupScore } from '../../../functions/lookup/lookupScore.ts';
import type { SubjectRef } from '../../../functions/ports/store.ts';
import type { LocalRuntime } from '../../../infra/local/runtime.ts';
import { residentId, uscc } from '../../support/builders.ts';
import {
  employerCaller,
  PERSON as FILED_PERSON,
  OTHER_UNIT,
  P_RECORD_A,
  P_RECORD_B,
  seedPractitionerConfirmation,
} from '../../support/practitionerObjections.ts';
import { getScore, staffToken, startTestRuntime } from '../../support/runtime.ts';
import { registerProfile } from '../../support/store.ts';

/**
 * Who sees what in a lookup (docs/api.md §3, docs/authorization.md): a signed-in caller never sees less
 * than the public, and outside one's jurisdiction a missing subject and another league's subject
 * answer alike.
 */
let rt: LocalRuntime;
beforeAll(async () => {
  rt = await startTestRuntime();
  rt.clock.freeze(new Date('2026-11-20T02:00:00Z'));
  await register({ kind: 'enterprise', id: PUBLISHED }, '150600');
  await register({ kind: 'enterprise', id: UNPUBLISHED }, '150600');
  await register({ kind: 'practitioner', id: PERSON }, '150600');
  await rt.store.putPublished(
    { kind: 'enterprise', id: PUBLISHED },
    {
      year: 2025,
      grade: 'B',
      publishedOn: '2026-06-30',
      result: {
        subject: { kind: 'enterprise', id: PUBLISHED, name: '鄂尔多斯市公示化工有限公司' },
        year: 2025,
        asOf: '2025-12-31',
        status: 'published',
        score: 88,
        grade: 'B',
      } as never,
    },
  );
});
afterAll(async () => rt?.stop());

const PUBLISHED = uscc(301, '150600');
const UNPUBLISHED = uscc(302, '150600');
const MISSING = uscc(303, '150600');
const PERSON = residentId(304);

const register = async (ref: SubjectRef, league: string) => {
  const subject =
    ref.kind === 'practitioner'
      ? { kind: ref.kind, id: ref.id, league }
      : { kind: ref.kind, id: ref.id, name: '鄂尔多斯市测试有限公司', league, sites: [] };
  await registerProfile(rt.store, subject as never, '2026-01-01T00:00:00Z', 'staff:region:150000');
};

const otherEnterprise = () => staffToken({ role: 'enterprise', subject: uscc(399, '150100') });
const otherLeague = () => staffToken({ role: 'league', league: '150100' });

describe('a signed-in caller never sees less than the public', () => {
  it('another company’s published result, which anyone may read, is shown to an enterprise’s token', async () => {
    const anyone = await getScore(rt, 'enterprise', PUBLISHED);
    expect(anyone).toMatchObject({ status: 200, json: { status: 'published', score: 88 } });
    const signedIn = await getScore(rt, 'enterprise', PUBLISHED, { token: await otherEnterprise() });
    expect(signedIn).toEqual(anyone);
  });

  it('another league’s bureau also gets the published result, not the live score', async () => {
    const r = await getScore(rt, 'enterprise', PUBLISHED, { token: await otherLeague() });
    expect(r).toMatchObject({ status: 200, json: { status: 'published', year: 2025, score: 88 } });
    expect(
      await getScore(rt, 'enterprise', PUBLISHED, { token: await otherLeague(), query: 'year=2025' }),
    ).toMatchObject({ status: 200, json: { status: 'published' } });
  });

  it('in its jurisdiction, staff get the live score', async () => {
    expect(
      await getScore(rt, 'enterprise', PUBLISHED, { token: await staffToken({ role: 'league', league: '150600' }) }),
    ).toMatchObject({ status: 200, json: { status: 'live' } });
  });
});

describe('outside its jurisdiction, a caller cannot tell whether a subject exists', () => {
  it('a missing subject and another league’s unpublished subject answer the same 403', async () => {
    const token = await otherLeague();
    const missing = await getScore(rt, 'enterprise', MISSING, { token });
    const existing = await getScore(rt, 'enterprise', UNPUBLISHED, { token });
    expect(missing.status).toBe(403);
    expect(existing).toEqual(missing);
    const person = await getScore(rt, 'practitioner', PERSON, { token });
    const nobody = await getScore(rt, 'practitioner', residentId(305), { token });
    expect([person.status, nobody.status]).toEqual([403, 403]);
    expect(person.json).toEqual(nobody.json);
  });

  it('so does an enterprise asking about others', async () => {
    const token = await otherEnterprise();
    const missing = await getScore(rt, 'enterprise', MISSING, { token });
    expect(missing.status).toBe(403);
    expect(await getScore(rt, 'enterprise', UNPUBLISHED, { token })).toEqual(missing);
  });

  it('the region, whose jurisdiction is everything, is told a subject is missing (404)', async () => {
    expect(
      (await getScore(rt, 'enterprise', MISSING, { token: await staffToken({ role: 'region', league: '150000' }) }))
        .status,
    ).toBe(404);
  });
});

describe('401 says which check failed', () => {
  it('a forged and a malformed token each say so', async () => {
    const forged = await signLocalToken('not-the-secret-not-the-secret-xx', { role: 'region', league: '150000' });
    const answers = await Promise.all(
      ['not-a-token', forged].map((token) => getScore(rt, 'enterprise', PUBLISHED, { token })),
    );
    expect(answers.map((a) => a.status)).toEqual([401, 401]);
    expect(answers.map((a) => a.json.reason)).toEqual(['malformed', 'bad-signature']);
    expect(answers[1]!.json.error).toMatch(/签名/);
  });
});

describe('the unit that filed a practitioner reads its live result (Art 18(1), 18(4))', () => {
  let prt: LocalRuntime;
  let lookup: LookupScore;
  beforeAll(async () => {
    prt = await startTestRuntime();
    await seedPractitionerConfirmation(prt);
    const doc = documentClient(prt.dynamo);
    lookup = new LookupScore(
      prt.store,
      prt.clock,
      new ListedEmployers(prt.store, new DynamoPractitionerFilings(doc, prt.tableName)),
    );
  }, 120_000);
  afterAll(async () => prt?.stop());

  it('the employer whose filing was listed reads the practitioner’s records of that year', async () => {
    const out = await lookup.execute(employerCaller(), {
      kind: 'practitioner',
      id: FILED_PERSON.residentId,
      year: '2025',
    });
    expect(out.status).toBe('ok');
    expect(out.status === 'ok' && out.body.items.map((i) => i.eventId).sort()).toEqual([P_RECORD_A, P_RECORD_B].sort());
  });

  it('another unit of the same league, and the employer for another year, are refused', async () => {
    expect(
      await lookup.execute(employerCaller(OTHER_UNIT), {
        kind: 'practitioner',
        id: FILED_PERSON.residentId,
        year: '2025',
      }),
    ).toEqual({ status: 'forbidden' });
    expect(
      await lookup.execute(employerCaller(), { kind: 'practitioner', id: FILED_PERSON.residentId, year: '2026' }),
    ).toEqual({ status: 'forbidden' });
  });

  it('without the filings (the public score lookup), the employer is refused as before', async () => {
    expect(
      await new LookupScore(prt.store, prt.clock).execute(employerCaller(), {
        kind: 'practitioner',
        id: FILED_PERSON.residentId,
        year: '2025',
      }),
    ).toEqual({ status: 'forbidden' });
  });
});
