import type { ObjectionInput } from '../../domain/objections/objection.ts';
import { documentClient } from '../../functions/adapters/dynamoDocument.ts';
import { DynamoNotices } from '../../functions/adapters/dynamoNotices.ts';
import { DynamoObjections } from '../../functions/adapters/dynamoObjections.ts';
import { DynamoPractitionerFilings } from '../../functions/adapters/dynamoPractitionerFilings.ts';
import { SqsRecordQueue } from '../../functions/adapters/sqsRecordQueue.ts';
import { objectionUseCases } from '../../functions/composition/objections.ts';
import type { LocalRuntime } from '../../infra/local/runtime.ts';
import { uscc } from './builders.ts';
import { prepareReports } from './reports.ts';
import { callApi, postWebhook, putSubject, staffToken, startTestRuntime } from './runtime.ts';
import { registerEnterprise } from './warnings.ts';

/**
 * An agency cycle of 2025 with the Ordos (150600) bureau in CONFIRMATION (Art 17(3)): an agency of
 * Ordos with two counted records of 2025 (each −10), the confirmation notified on 2026-04-01 (its
 * window closes 5 working days later), the other leagues still listing.
 */
export const ORDOS = '150600';
export const OBJECTING_AGENCY = uscc(901, ORDOS);
export const AGENCY_NAME = '鄂尔多斯市异议测试监测有限公司';
export const RECORD_A = 'OBJ-NOTIFIED-1';
export const RECORD_B = 'OBJ-INTERVIEWED-1';
export const CONFIRMATION_NOTIFIED_AT = '2026-04-01T02:00:00Z';

const moveClock = (rt: LocalRuntime, now: string) =>
  fetch(`${rt.url}/v1/dev/clock`, { method: 'POST', body: JSON.stringify({ now }) }).then((r) => r.json());

export const seedConfirmation = async (
  rt: LocalRuntime,
  agency = OBJECTING_AGENCY,
  stopAt: 'SUPPLEMENT' | 'CONFIRMATION' = 'CONFIRMATION',
): Promise<void> => {
  await moveClock(rt, '2026-03-02T01:00:00Z');
  const region = await staffToken({ role: 'region', league: '150000' });
  await putSubject(rt, 'agency', agency, { name: AGENCY_NAME, league: ORDOS, categories: ['monitoring'] }, region);
  for (const [eventId, rule] of [
    [RECORD_A, 'AG_NOTIFIED'],
    [RECORD_B, 'AG_INTERVIEWED'],
  ] as const)
    await postWebhook(rt, {
      type: 'record.created',
      record: {
        eventId,
        subject: { kind: 'agency', id: agency },
        rule,
        occurredOn: '2025-06-01',
        department: `${ORDOS}-EEB`,
        league: ORDOS,
      },
    });
  await rt.drain();
  const api = (body: unknown) => callApi(rt, 'POST', '/v1/cycles/2025/agency/acts', region, body);
  const opened = await callApi(rt, 'POST', '/v1/cycles', region, { kind: 'agency', year: 2025 });
  if (opened.status !== 201) throw new Error(`cycle not opened: ${JSON.stringify(opened.json)}`);
  for (const act of ['listConfirmed', 'participantsNotified']) {
    const r = await api({ act, league: ORDOS });
    if (r.status !== 200) throw new Error(`${act}: ${JSON.stringify(r.json)}`);
  }
  // The filing window (20 working days, Art 20) closes by itself.
  await moveClock(rt, CONFIRMATION_NOTIFIED_AT);
  if (stopAt === 'SUPPLEMENT') return;
  for (const act of ['supplementDone', 'confirmationNotified']) {
    const r = await api({ act, league: ORDOS });
    if (r.status !== 200) throw new Error(`${act}: ${JSON.stringify(r.json)}`);
  }
};

export const PDF = Buffer.concat([
  Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n'),
  Buffer.alloc(2048, 0x20),
  Buffer.from('%%EOF\n'),
]);

/** The objections' use cases on a runtime's table and queues, as the composition builds them. */
export const objectionUseCasesOn = (rt: LocalRuntime) => {
  const doc = documentClient(rt.dynamo);
  const queue = (name: string) => rt.queues.find((q) => q.definition.name === name)!.url;
  const objections = new DynamoObjections(doc, rt.tableName);
  const notices = new DynamoNotices(doc, rt.tableName);
  return {
    objections,
    notices,
    ...objectionUseCases({
      clock: rt.clock,
      cycleStore: rt.cycleStore,
      scheduler: rt.scheduler,
      objections,
      notices,
      recordQueue: new SqsRecordQueue(rt.sqs, queue('records')),
      practitionerFilings: new DynamoPractitionerFilings(doc, rt.tableName),
      store: rt.store,
    }),
  };
};

/** The caller of a participant or a bureau officer, as the pages pass it. */
export const agencyCaller = (id = OBJECTING_AGENCY) => ({
  type: 'staff' as const,
  claims: { role: 'agency' as const, subject: id },
});
export const leagueCaller = (league = ORDOS) => ({
  type: 'staff' as const,
  claims: { role: 'league' as const, league },
});

/** The enterprise cycle of 2025 moved to the region's PUBLICITY (Art 16(3)), every league having reported. */
export const seedPublicity = async (rt: LocalRuntime, enterprise: string): Promise<void> => {
  const region = await staffToken({ role: 'region', league: '150000' });
  await putSubject(rt, 'enterprise', enterprise, { name: '鄂尔多斯市公示异议测试有限公司', league: ORDOS }, region);
  await postWebhook(rt, {
    type: 'record.created',
    record: {
      eventId: 'PUB-OBJ-1',
      subject: { kind: 'enterprise', id: enterprise },
      rule: 'SUP_CITY',
      occurredOn: '2025-06-01',
      department: `${ORDOS}-EEB`,
      league: ORDOS,
    },
  });
  await rt.drain();
  const api = (body: unknown) => callApi(rt, 'POST', '/v1/cycles/2025/enterprise/acts', region, body);
  const opened = await callApi(rt, 'POST', '/v1/cycles', region, { kind: 'enterprise', year: 2025 });
  if (opened.status !== 201) throw new Error(`cycle not opened: ${JSON.stringify(opened.json)}`);
  const leagues = ((opened.json as { leagues: { league: string }[] }).leagues ?? []).map((l) => l.league);
  for (const league of leagues) {
    await api({ act: 'listConfirmed', league });
    await api({ act: 'participantsNotified', league });
  }
  await moveClock(rt, '2026-06-15T02:00:00Z');
  await prepareReports(rt, { year: 2025, kind: 'enterprise' }, leagues);
  for (const league of leagues) await api({ act: 'reportSent', league });
  for (const act of ['regionReleased', 'publicityOpened']) {
    const r = await api({ act });
    if (r.status !== 200) throw new Error(`${act}: ${JSON.stringify(r.json)}`);
  }
};

/** The seeded agency objects to RECORD_A in the 2025 agency cycle (`over` changes any field); the objection's id. */
export const fileAgencyObjection = async (
  u: ReturnType<typeof objectionUseCasesOn>,
  over: Partial<ObjectionInput> = {},
): Promise<string> => {
  const out = await u.file.execute(
    agencyCaller(),
    { year: 2025, kind: 'agency' },
    { records: [RECORD_A], preGrade: false, reasons: '有误', evidenceFiles: [], ...over },
  );
  if (out.status !== 'ok') throw new Error(JSON.stringify(out));
  return out.value.objection.id;
};

/**
 * A running service with the agency's objection window open (seedConfirmation) and an Ordos
 * enterprise registered, with the tokens of the Ordos, Hohhot and region bureaus and of the
 * objecting agency: where the tests of the API's objections and notices start.
 */
export const startWithConfirmation = async (enterpriseId: string) => {
  const rt = await startTestRuntime();
  await seedConfirmation(rt);
  await registerEnterprise(rt, enterpriseId, '鄂尔多斯市接口预警测试有限公司');
  await rt.drain();
  return {
    rt,
    ordos: await staffToken({ role: 'league', league: ORDOS }),
    hohhot: await staffToken({ role: 'league', league: '150100' }),
    region: await staffToken({ role: 'region', league: '150000' }),
    agency: await staffToken({ role: 'agency', subject: OBJECTING_AGENCY }),
  };
};
