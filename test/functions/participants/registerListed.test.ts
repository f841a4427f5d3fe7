import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ParticipantEntry } from '../../../domain/participants/participant.ts';
import { DynamoAuditLog } from '../../../functions/adapters/dynamoAudit.ts';
import { documentClient } from '../../../functions/adapters/dynamoDocument.ts';
import { DynamoProfiles } from '../../../functions/adapters/dynamoProfiles.ts';
import { RegisterListed } from '../../../functions/participants/registerListed.ts';
import { residentId, uscc } from '../../support/builders.ts';
import { type FreshRecordQueue, freshRecordQueue } from '../../support/recordQueue.ts';
import { freshTable } from '../../support/table.ts';

/** Listed participants registered from their entries, on DynamoDB Local and the SQS server. */
let client: DynamoDBClient;
let profiles: DynamoProfiles;
let records: FreshRecordQueue;
let register: RegisterListed;
let audit: DynamoAuditLog;
const AT = '2026-03-02T02:00:00.000Z';
const agency = (n: number, name = `机构${n}`): ParticipantEntry => ({
  kind: 'agency',
  code: uscc(n, '150600'),
  name,
  league: '150600',
  basis: '6.5',
  sites: [],
  categories: ['eia', 'monitoring'],
});

beforeAll(async () => {
  const fresh = await freshTable('register-listed');
  client = fresh.client;
  profiles = new DynamoProfiles(documentClient(client), fresh.table);
  records = await freshRecordQueue('register-listed');
  audit = new DynamoAuditLog(documentClient(client), fresh.table);
  register = new RegisterListed(profiles, records.queue);
});
afterAll(() => {
  client?.destroy();
  records?.destroy();
});

describe('registering the listed participants nobody registered (Art 16(1), 17(1), 18(1))', () => {
  it('registers each new one from its entry, audited, and has it re-evaluated', async () => {
    const person: ParticipantEntry = {
      kind: 'practitioner',
      code: residentId(7),
      name: '李四',
      league: '150600',
      basis: '6.6',
      sites: [],
      categories: [],
      employer: { kind: 'agency', code: uscc(1, '150600') },
    };
    expect(await register.execute([agency(1), person], 'staff:league:150600', AT)).toBe(2);
    expect(await profiles.getProfile({ kind: 'agency', id: uscc(1, '150600') })).toEqual({
      subject: {
        kind: 'agency',
        id: uscc(1, '150600'),
        name: '机构1',
        league: '150600',
        categories: ['eia', 'monitoring'],
      },
      registration: 'registered',
      version: 1,
      updatedAt: AT,
    });
    expect(await audit.auditOf({ kind: 'agency', id: uscc(1, '150600') })).toMatchObject([
      { actor: 'staff:league:150600', action: 'subject.registered', what: { before: null, from: 'participantList' } },
    ]);
    expect((await profiles.getProfile({ kind: 'practitioner', id: residentId(7) }))?.subject).toMatchObject({
      employer: { kind: 'agency', id: uscc(1, '150600') },
    });
    expect((await records.received()).map((m) => m.type === 'subject.reevaluate' && m.subject).sort()).toEqual(
      [
        { kind: 'agency', id: uscc(1, '150600') },
        { kind: 'practitioner', id: residentId(7) },
      ].sort(),
    );
  });

  it('leaves a subject its bureau registered as it is, and a second run registers nothing', async () => {
    const before = await profiles.getProfile({ kind: 'agency', id: uscc(1, '150600') });
    expect(await register.execute([agency(1, '改名的机构')], 'staff:league:150600', AT)).toBe(0);
    expect(await profiles.getProfile({ kind: 'agency', id: uscc(1, '150600') })).toEqual(before);
    expect(await records.received()).toEqual([]);
  });

  it('completes a profile that records created before anyone registered the subject', async () => {
    const ref = { kind: 'agency' as const, id: uscc(2, '150600') };
    await profiles.putProfile(
      {
        subject: { ...ref, name: ref.id, league: '150600', categories: ['eia'] },
        registration: 'unregistered',
        version: 1,
        updatedAt: AT,
      },
      null,
      { subject: ref, at: AT, actor: 'webhook', action: 'subject.created', what: {}, why: null },
    );
    expect(await register.execute([agency(2)], 'staff:league:150600', AT)).toBe(1);
    expect(await profiles.getProfile(ref)).toMatchObject({
      registration: 'registered',
      version: 2,
      subject: { name: '机构2' },
    });
  });
});
