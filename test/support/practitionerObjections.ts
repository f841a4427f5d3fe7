import { DynamoCommitments } from '../../functions/adapters/dynamoCommitments.ts';
import { documentClient } from '../../functions/adapters/dynamoDocument.ts';
import { DynamoParticipants } from '../../functions/adapters/dynamoParticipants.ts';
import { DynamoPractitionerFilings } from '../../functions/adapters/dynamoPractitionerFilings.ts';
import { FilePractitioners } from '../../functions/practitioners/filePractitioners.ts';
import type { LocalRuntime } from '../../infra/local/runtime.ts';
import { residentId, uscc } from './builders.ts';
import { CONFIRMATION_NOTIFIED_AT, ORDOS } from './objections.ts';
import { callApi, postWebhook, putSubject, staffToken } from './runtime.ts';

/**
 * A practitioner cycle of 2025 with the Ordos (150600) bureau in CONFIRMATION (Art 18(4)): an agency
 * of Ordos filed one practitioner for 2025 and the bureau listed it (Art 18(1)); the practitioner has
 * two counted records of 2025 (two records: 环保失信个人, Art 13); another agency of Ordos filed
 * nobody. The confirmation was notified on 2026-04-01 (its window closes 5 working days later).
 */
export const EMPLOYER = uscc(921, ORDOS);
export const EMPLOYER_NAME = '鄂尔多斯市从业人员异议测试环评有限公司';
export const OTHER_UNIT = uscc(922, ORDOS);
export const OTHER_UNIT_NAME = '鄂尔多斯市另一测试监测有限公司';
export const PERSON = { name: '王志强', residentId: residentId(31, '150602'), position: '环评项目负责人' };
export const P_RECORD_A = 'PR-OBJ-LENDING-1';
export const P_RECORD_B = 'PR-OBJ-FRAUD-1';
export const YEAR = 2025;

const moveClock = (rt: LocalRuntime, now: string) =>
  fetch(`${rt.url}/v1/dev/clock`, { method: 'POST', body: JSON.stringify({ now }) }).then((r) => r.json());

export const employerCaller = (id = EMPLOYER) => ({
  type: 'staff' as const,
  claims: { role: 'agency' as const, subject: id },
});

export const seedPractitionerConfirmation = async (rt: LocalRuntime): Promise<void> => {
  await moveClock(rt, '2026-03-02T01:00:00Z');
  const region = await staffToken({ role: 'region', league: '150000' });
  for (const [id, name] of [
    [EMPLOYER, EMPLOYER_NAME],
    [OTHER_UNIT, OTHER_UNIT_NAME],
  ] as const) {
    const r = await putSubject(rt, 'agency', id, { name, league: ORDOS, categories: ['eia'] }, region);
    if (r.status >= 300) throw new Error(`subject not registered: ${JSON.stringify(r.json)}`);
  }
  for (const [eventId, rule] of [
    [P_RECORD_A, 'PR_QUALIFICATION_LENDING'],
    [P_RECORD_B, 'PR_FRAUD_IN_SERVICE'],
  ] as const)
    await postWebhook(rt, {
      type: 'record.created',
      record: {
        eventId,
        subject: { kind: 'practitioner', id: PERSON.residentId },
        rule,
        occurredOn: '2025-06-01',
        department: `${ORDOS}-EEB`,
        league: ORDOS,
      },
    });
  await rt.drain();
  const opened = await callApi(rt, 'POST', '/v1/cycles', region, { kind: 'practitioner', year: YEAR });
  if (opened.status !== 201) throw new Error(`cycle not opened: ${JSON.stringify(opened.json)}`);
  // Art 18(1): the employer files the practitioner; the bureau lists it (the filing's decision and the list's entry).
  const doc = documentClient(rt.dynamo);
  const filings = new DynamoPractitionerFilings(doc, rt.tableName);
  const filed = await new FilePractitioners(rt.store, filings, new DynamoCommitments(doc, rt.tableName), rt.clock).file(
    employerCaller(),
    { kind: 'agency', id: EMPLOYER },
    { name: PERSON.name, residentId: PERSON.residentId, position: PERSON.position },
  );
  if (filed.status !== 'ok') throw new Error(`not filed: ${JSON.stringify(filed)}`);
  const at = rt.clock.now().toISOString();
  const employer = { kind: 'agency' as const, code: EMPLOYER };
  await filings.decide(
    { year: YEAR, league: ORDOS, employer, residentId: PERSON.residentId },
    { status: 'listed', reason: null, decidedBy: `staff:league:${ORDOS}`, decidedAt: at },
  );
  await new DynamoParticipants(doc, rt.tableName).putParticipants(
    { year: YEAR, kind: 'practitioner', league: ORDOS },
    [
      {
        kind: 'practitioner',
        code: PERSON.residentId,
        name: PERSON.name,
        league: ORDOS,
        basis: '6.6',
        sites: [],
        categories: [],
        employer,
      },
    ],
    {
      at,
      actor: `staff:league:${ORDOS}`,
      action: 'participant.added',
      what: { code: PERSON.residentId },
      why: null,
      afterConfirmation: false,
    },
  );
  const api = (body: unknown) => callApi(rt, 'POST', `/v1/cycles/${YEAR}/practitioner/acts`, region, body);
  const listed = await api({ act: 'listConfirmed', league: ORDOS });
  if (listed.status !== 200) throw new Error(`listConfirmed: ${JSON.stringify(listed.json)}`);
  await moveClock(rt, CONFIRMATION_NOTIFIED_AT);
  for (const act of ['supplementDone', 'confirmationNotified']) {
    const r = await api({ act, league: ORDOS });
    if (r.status !== 200) throw new Error(`${act}: ${JSON.stringify(r.json)}`);
  }
  await rt.drain();
};
