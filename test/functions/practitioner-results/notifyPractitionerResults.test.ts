import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dishonestLetterId } from '../../../domain/notices/dishonestLetter.ts';
import { bureauAddressee, practitionerResultsNoticeId } from '../../../domain/notices/practitionerResults.ts';
import type { LocalRuntime } from '../../../infra/local/runtime.ts';
import {
  BAOTOU,
  DISHONEST,
  HOHHOT,
  HONEST,
  ORDOS,
  PR_YEAR,
  practitionerAct,
  practitionerResultsStores,
  SERVICE_RECORD,
  seedPractitionerResults,
} from '../../support/practitionerResults.ts';
import { startTestRuntime } from '../../support/runtime.ts';

/**
 * Art 18(5)-(6): 复核审定 freezes the practitioners' final results; `resultsNotified` waits for them,
 * then tells each league bureau its practitioners' results, and the bureaus whose records made a
 * finding of 环保失信个人 send the letter (函告).
 */
let rt: LocalRuntime;
let stores: ReturnType<typeof practitionerResultsStores>;
const person = (id: string) => ({ kind: 'practitioner' as const, id });

beforeAll(async () => {
  rt = await startTestRuntime();
  stores = practitionerResultsStores(rt);
  await seedPractitionerResults(rt);
}, 120_000);
afterAll(async () => rt?.stop());

describe('practitioners’ final results and their notices (Art 18(5)-(6))', () => {
  it('resultsNotified is refused while the practitioners’ final results are not all frozen', async () => {
    expect((await practitionerAct(rt, 'reviewConfirmed')).status).toBe(200);
    const early = await practitionerAct(rt, 'resultsNotified');
    expect(early.status).toBe(409);
    expect(early.json).toMatchObject({ code: 'PRACTITIONER_RESULTS_PENDING' });
    expect(JSON.stringify(early.json)).toContain('参评2人，已确定0人');
    expect(await stores.notices.notice(bureauAddressee(ORDOS), practitionerResultsNoticeId(PR_YEAR))).toBeNull();
  });

  it('复核审定 freezes each listed practitioner: dishonest or not, with the counted records and their bureaus', async () => {
    await rt.drain();
    const finals = await stores.finals.finalResults(PR_YEAR, 'practitioner');
    expect(finals.map((f) => [f.code, f.dishonest, f.leagues]).sort()).toEqual(
      [
        [DISHONEST.residentId, true, [BAOTOU, ORDOS]],
        [HONEST.residentId, false, [ORDOS]],
      ].sort(),
    );
    const d = finals.find((f) => f.code === DISHONEST.residentId)!;
    expect(d).toMatchObject({
      kind: 'practitioner',
      grade: null,
      score: null,
      result: null,
      evaluatedOn: '2026-05-20',
    });
    expect(d.records?.find((r) => r.eventId === SERVICE_RECORD)).toMatchObject({
      department: `${ORDOS}-EEB`,
      league: ORDOS,
      occurredOn: '2025-06-01',
    });
    // Art 18(6): never published.
    expect(await rt.store.getPublished(person(DISHONEST.residentId), PR_YEAR)).toBeNull();
  });

  it('once recorded, each listing league gets one notice of its practitioners’ results', async () => {
    expect((await practitionerAct(rt, 'resultsNotified')).status).toBe(200);
    const ordos = await stores.notices.notice(bureauAddressee(ORDOS), practitionerResultsNoticeId(PR_YEAR));
    expect(ordos).toMatchObject({ kind: 'practitionerResults', league: ORDOS, year: PR_YEAR });
    expect(ordos?.body).toContain(`${DISHONEST.name}（公民身份号码：150602********`);
    expect(ordos?.body).toContain('环保失信个人，计入失信记录2条');
    expect(ordos?.body).toContain(`${HONEST.name}`);
    expect(ordos?.body).not.toContain(DISHONEST.residentId);
    const hohhot = await stores.notices.notice(bureauAddressee(HOHHOT), practitionerResultsNoticeId(PR_YEAR));
    expect(hohhot?.body).toContain(`${HONEST.name}`);
    expect(hohhot?.body).toContain('未评定为环保失信个人');
    expect(hohhot?.body).not.toContain(DISHONEST.name);
    expect(await stores.notices.notice(bureauAddressee(BAOTOU), practitionerResultsNoticeId(PR_YEAR))).toBeNull();
  });

  it('each bureau whose records made the finding sends the dishonest individual a letter; no one else gets one', async () => {
    const letters = (await stores.notices.noticesTo(person(DISHONEST.residentId))).filter(
      (n) => n.kind === 'dishonestLetter',
    );
    expect(letters.map((l) => [l.id, l.league]).sort()).toEqual(
      [
        [dishonestLetterId(PR_YEAR, BAOTOU), BAOTOU],
        [dishonestLetterId(PR_YEAR, ORDOS), ORDOS],
      ].sort(),
    );
    const ordos = letters.find((l) => l.league === ORDOS)!;
    expect(ordos.body).toContain('2025年6月1日，150600-EEB');
    expect(ordos.body).toContain('本局认定');
    expect(ordos.body).toContain('第三十三条');
    expect(ordos.body).toContain('鄂尔多斯市生态环境局\n2026年5月20日');
    expect(
      (await stores.notices.noticesTo(person(HONEST.residentId))).filter((n) => n.kind === 'dishonestLetter'),
    ).toEqual([]);
  });

  it('recording the act again issues nothing new', async () => {
    const before = (await stores.notices.noticesTo(person(DISHONEST.residentId))).map((n) => n.issuedAt);
    rt.clock.set(new Date('2026-05-21T02:00:00Z'));
    expect((await practitionerAct(rt, 'resultsNotified')).status).toBe(409);
    const after = (await stores.notices.noticesTo(person(DISHONEST.residentId))).map((n) => n.issuedAt);
    expect(after).toEqual(before);
  });
});
