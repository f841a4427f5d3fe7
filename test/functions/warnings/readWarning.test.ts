import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReadWarning } from '../../../functions/warnings/readWarning.ts';
import type { LocalRuntime } from '../../../infra/local/runtime.ts';
import { uscc } from '../../support/builders.ts';
import { postWebhook, startFrozenRuntime } from '../../support/runtime.ts';
import { leagueOfficer, registerEnterprise, unitUser, warningPortsOn } from '../../support/warnings.ts';

const ENT = uscc(991, '150600');
const OTHER = uscc(992, '150600');
let rt: LocalRuntime;
let read: ReadWarning;

beforeAll(async () => {
  rt = await startFrozenRuntime('2026-09-10T02:00:00Z'); // a Thursday
  read = new ReadWarning(warningPortsOn(rt));
  await registerEnterprise(rt, ENT, '鄂尔多斯市读取测试有限公司');
  // Delivered after its deadline: no expiry is scheduled, so no document was noted.
  await postWebhook(rt, {
    type: 'record.created',
    record: {
      eventId: 'HOOK-PAST',
      subject: { kind: 'enterprise', id: ENT },
      rule: 'PMT_LEDGER',
      occurredOn: '2026-08-10',
      department: '150600-EEB',
      league: '150600',
      warning: { issuedOn: '2026-08-12', deadline: '2026-09-08' },
    },
  });
  await rt.drain();
});
afterAll(() => rt?.stop());

describe('reading one credit warning', () => {
  it('makes the document of a webhook warning from its record when none was filed, expired past its deadline (I8)', async () => {
    const out = await read.execute(leagueOfficer(), 'HOOK-PAST');
    expect(out).toMatchObject({
      status: 'ok',
      value: { status: 'expired', workingDaysLeft: -2, doc: { origin: 'webhook', deadline: '2026-09-08' } },
    });
    expect((await read.execute(unitUser(ENT), 'HOOK-PAST')).status).toBe('ok');
  });

  it('another unit or league does not find it, nor does anyone an unknown id', async () => {
    expect((await read.execute(unitUser(OTHER), 'HOOK-PAST')).status).toBe('notFound');
    expect((await read.execute(leagueOfficer('150100'), 'HOOK-PAST')).status).toBe('notFound');
    expect((await read.execute(leagueOfficer(), 'NO-SUCH-EVENT')).status).toBe('notFound');
    expect((await read.execute({ type: 'public' }, 'HOOK-PAST')).status).toBe('unauthorized');
  });
});
