import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentClient } from '../../../functions/adapters/dynamoDocument.ts';
import { DynamoNotices } from '../../../functions/adapters/dynamoNotices.ts';
import type { LocalRuntime } from '../../../infra/local/runtime.ts';
import { uscc } from '../../support/builders.ts';
import {
  AGENCY_NAME,
  OBJECTING_AGENCY,
  ORDOS,
  RECORD_A,
  RECORD_B,
  seedConfirmation,
} from '../../support/objections.ts';
import {
  EMPLOYER,
  P_RECORD_A as P_RECORD_1,
  P_RECORD_B as P_RECORD_2,
  PERSON,
  seedPractitionerConfirmation,
} from '../../support/practitionerObjections.ts';
import { putOnList } from '../../support/publication.ts';
import { putSubject, staffToken, startTestRuntime } from '../../support/runtime.ts';

/** 信息确认通知 (Art 17(3)): issued to every participant on the list once the league notifies. */
let rt: LocalRuntime;
let notices: DynamoNotices;
const LATE_LISTED = uscc(902, ORDOS);
const agency = (id: string) => ({ kind: 'agency' as const, id });

beforeAll(async () => {
  rt = await startTestRuntime();
  notices = new DynamoNotices(documentClient(rt.dynamo), rt.tableName);
  await putOnList(rt, { year: 2025, kind: 'agency', league: ORDOS }, [{ code: OBJECTING_AGENCY, name: AGENCY_NAME }]);
  await seedConfirmation(rt);
  await rt.drain();
}, 120_000);
afterAll(async () => rt?.stop());

describe('the confirmation notice', () => {
  it('reaches the listed agency with its records, their points, its pre-grade and the objection deadline', async () => {
    const n = await notices.notice(agency(OBJECTING_AGENCY), 'confirmation-2025-agency');
    expect(n).toMatchObject({ kind: 'confirmation', league: ORDOS, year: 2025, toName: AGENCY_NAME, readAt: null });
    expect(n?.body).toContain(RECORD_A);
    expect(n?.body).toContain(RECORD_B);
    expect(n?.body).toContain('扣10分');
    expect(n?.body).toContain('预评得分80分');
    expect(n?.body).toContain(`请于2026年4月9日前`);
    expect(n?.deadline).toBe('2026-04-09');
  });

  it('the nightly run issues the notices still missing while the window is open, and leaves issued ones as they are', async () => {
    const before = await notices.notice(agency(OBJECTING_AGENCY), 'confirmation-2025-agency');
    const region = await staffToken({ role: 'region', league: '150000' });
    await putSubject(
      rt,
      'agency',
      LATE_LISTED,
      { name: '鄂尔多斯市补列测试有限公司', league: ORDOS, categories: ['eia'] },
      region,
    );
    await putOnList(rt, { year: 2025, kind: 'agency', league: ORDOS }, [
      { code: OBJECTING_AGENCY, name: AGENCY_NAME },
      { code: LATE_LISTED, name: '鄂尔多斯市补列测试有限公司' },
    ]);
    expect(await notices.notice(agency(LATE_LISTED), 'confirmation-2025-agency')).toBeNull();
    await rt.nightly();
    await rt.drain();
    const late = await notices.notice(agency(LATE_LISTED), 'confirmation-2025-agency');
    expect(late?.body).toContain('本年度无计分的环境信用记录');
    expect(late?.body).toContain('预评得分100分');
    expect(await notices.notice(agency(OBJECTING_AGENCY), 'confirmation-2025-agency')).toEqual(before);
  });
});

describe('the confirmation notice of a practitioner (Art 18(4))', () => {
  let prt: LocalRuntime;
  beforeAll(async () => {
    prt = await startTestRuntime();
    await seedPractitionerConfirmation(prt);
  }, 120_000);
  afterAll(async () => prt?.stop());

  it('reaches each listed practitioner, addressed to it, with its records, its Art 13 verdict and the deadline; the number masked', async () => {
    const store = new DynamoNotices(documentClient(prt.dynamo), prt.tableName);
    const n = await store.notice({ kind: 'practitioner', id: PERSON.residentId }, 'confirmation-2025-practitioner');
    expect(n).toMatchObject({ kind: 'confirmation', league: ORDOS, year: 2025, toName: PERSON.name, readAt: null });
    expect(n?.body).toContain(P_RECORD_1);
    expect(n?.body).toContain(P_RECORD_2);
    expect(n?.body).toContain('预评结果为环保失信个人');
    expect(n?.body).toContain('第十八条第四项');
    expect(n?.body).not.toContain(PERSON.residentId);
    expect(n?.deadline).toBe('2026-04-09');
    // The employer and the other unit get no confirmation notice of their own from the practitioner cycle.
    expect(await store.notice({ kind: 'agency', id: EMPLOYER }, 'confirmation-2025-practitioner')).toBeNull();
  });
});
