import { createHash } from 'node:crypto';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commitmentLetterText } from '../../../domain/commitments/letters.ts';
import { DynamoCommitments } from '../../../functions/adapters/dynamoCommitments.ts';
import { documentClient } from '../../../functions/adapters/dynamoDocument.ts';
import { DynamoPractitionerFilings } from '../../../functions/adapters/dynamoPractitionerFilings.ts';
import { DynamoProfiles } from '../../../functions/adapters/dynamoProfiles.ts';
import { FilePractitioners } from '../../../functions/practitioners/filePractitioners.ts';
import { AdjustableClock } from '../../../functions/shared/clock.ts';
import { agency, residentId, uscc } from '../../support/builders.ts';
import { freshTable } from '../../support/table.ts';

/** An employer files its practitioners (Art 18(1)) and records their Annex 5 letters, on DynamoDB Local. */
let client: DynamoDBClient;
let filings: DynamoPractitionerFilings;
let commitments: DynamoCommitments;
let file: FilePractitioners;
const clock = new AdjustableClock();
clock.freeze(new Date('2027-02-10T02:00:00Z'));
const AG = { kind: 'agency' as const, id: uscc(41, '150600') };
const self = { type: 'staff' as const, claims: { role: 'agency' as const, subject: AG.id } };
const ZHANG = { name: '张三', residentId: residentId(11, '150602'), position: '环评报告编制主持人' };

beforeAll(async () => {
  const fresh = await freshTable('practitioner-filings');
  client = fresh.client;
  const doc = documentClient(client);
  const profiles = new DynamoProfiles(doc, fresh.table);
  await profiles.putProfile(
    {
      subject: agency({ id: AG.id, name: '鄂尔多斯市环评咨询有限公司', league: '150600', categories: ['eia'] }),
      registration: 'registered',
      version: 1,
      updatedAt: '2026-01-05T00:00:00Z',
    },
    null,
    { at: '2026-01-05T00:00:00Z', actor: 'test', action: 'subject.registered', subject: AG, what: {}, why: null },
  );
  filings = new DynamoPractitionerFilings(doc, fresh.table);
  commitments = new DynamoCommitments(doc, fresh.table);
  file = new FilePractitioners(profiles, filings, commitments, clock);
});
afterAll(() => client?.destroy());

describe('filing the practitioners who work for one (Art 18(1))', () => {
  it('is the employer’s own act: another unit or a bureau cannot file for it', async () => {
    const other = { type: 'staff' as const, claims: { role: 'agency' as const, subject: uscc(42, '150600') } };
    expect(await file.file(other, AG, ZHANG)).toEqual({ status: 'forbidden' });
    const bureau = { type: 'staff' as const, claims: { role: 'league' as const, league: '150600' } };
    expect(await file.file(bureau, AG, ZHANG)).toEqual({ status: 'forbidden' });
    expect(await file.view({ type: 'public' }, AG)).toMatchObject({ status: 'unauthorized' });
    const stranger = { kind: 'agency' as const, id: uscc(43, '150600') };
    const caller = { type: 'staff' as const, claims: { role: 'agency' as const, subject: stranger.id } };
    expect(await file.file(caller, stranger, ZHANG)).toEqual({ status: 'notFound' });
  });

  it('refuses a number that fails its check, naming the field, and stores nothing', async () => {
    const id = ZHANG.residentId;
    const bad = id.slice(0, 17) + (id[17] === '1' ? '2' : '1');
    expect(await file.file(self, AG, { ...ZHANG, residentId: bad })).toEqual({
      status: 'invalid',
      issues: [{ path: '公民身份号码', message: '公民身份号码校验码错误（GB 11643）' }],
    });
    expect(await filings.filingsOfLeague(2026, '150600')).toEqual([]);
  });

  it('files a person once for the evaluation year under way, to the league the employer is registered in', async () => {
    const out = await file.file(self, AG, ZHANG);
    expect(out).toMatchObject({
      status: 'ok',
      value: {
        year: 2026,
        league: '150600',
        employer: { kind: 'agency', code: AG.id, name: '鄂尔多斯市环评咨询有限公司' },
        ...ZHANG,
        status: 'pending',
        filedBy: `staff:agency:${AG.id}`,
      },
    });
    expect(await file.file(self, AG, { ...ZHANG, position: '其他' })).toMatchObject({
      status: 'conflict',
      code: 'PRACTITIONER_FILED',
    });
    const view = await file.view(self, AG);
    expect(view.status === 'ok' && view.value.filed.map((p) => [p.filing.position, p.letter])).toEqual([
      [ZHANG.position, null],
    ]);
  });

  it('records the Annex 5 letter the practitioner signed: the exact text and its hash, once', async () => {
    const out = await file.recordLetter(self, AG, ZHANG.residentId.toLowerCase());
    const text = commitmentLetterText({ kind: 'practitioner', id: ZHANG.residentId, name: ZHANG.name });
    expect(text).toContain('相关从业人员环保信用承诺书');
    expect(out).toMatchObject({
      status: 'ok',
      value: {
        subject: { kind: 'practitioner', id: ZHANG.residentId },
        year: 2026,
        text,
        textHash: createHash('sha256').update(text, 'utf8').digest('hex'),
        signerName: ZHANG.name,
        signerRole: ZHANG.position,
        signedAt: '2027-02-10T02:00:00.000Z',
        signedBy: `staff:agency:${AG.id}`,
      },
    });
    expect(await commitments.getCommitment({ kind: 'practitioner', id: ZHANG.residentId }, 2026)).toEqual(
      out.status === 'ok' && out.value,
    );
    expect(await file.recordLetter(self, AG, ZHANG.residentId)).toMatchObject({
      status: 'conflict',
      code: 'COMMITMENT_SIGNED',
    });
    expect(await file.recordLetter(self, AG, residentId(12, '150602'))).toEqual({ status: 'notFound' });
    const view = await file.view(self, AG);
    expect(view.status === 'ok' && view.value.filed[0]?.letter?.textHash).toBe(
      out.status === 'ok' && out.value.textHash,
    );
  });

  it('records no letter for a person the bureau did not list', async () => {
    const li = { name: '李四', residentId: residentId(13, '150602'), position: '监测员' };
    await file.file(self, AG, li);
    await filings.decide(
      { year: 2026, league: '150600', employer: { kind: 'agency', code: AG.id }, residentId: li.residentId },
      {
        status: 'declined',
        reason: '非本单位从业人员',
        decidedBy: 'staff:league:150600',
        decidedAt: '2027-02-11T00:00:00Z',
      },
    );
    expect(await file.recordLetter(self, AG, li.residentId)).toMatchObject({
      status: 'conflict',
      code: 'PRACTITIONER_NOT_LISTED',
    });
    expect(await commitments.getCommitment({ kind: 'practitioner', id: li.residentId }, 2026)).toBeNull();
  });
});
