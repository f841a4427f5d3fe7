import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NoteWarning } from '../../../functions/warnings/noteWarning.ts';
import type { LocalRuntime } from '../../../infra/local/runtime.ts';
import { uscc } from '../../support/builders.ts';
import { dumpTable, postWebhook, startFrozenRuntime } from '../../support/runtime.ts';
import { registerEnterprise, warningPortsOn } from '../../support/warnings.ts';

const ENT = uscc(971, '150600');
const ref = { kind: 'enterprise' as const, id: ENT };
let rt: LocalRuntime;
let ports: ReturnType<typeof warningPortsOn>;

const warned = (eventId: string, warning: unknown) => ({
  type: 'record.created',
  record: {
    eventId,
    subject: { kind: 'enterprise', id: ENT },
    rule: 'PMT_LEDGER',
    occurredOn: '2026-08-10',
    department: '150600-EEB',
    league: '150600',
    summary: '台账记录不完整。',
    warning,
  },
});

beforeAll(async () => {
  rt = await startFrozenRuntime('2026-09-01T02:00:00Z');
  ports = warningPortsOn(rt);
  await registerEnterprise(rt, ENT, '鄂尔多斯市台账测试有限公司');
});
afterAll(() => rt?.stop());

describe('noting a warning that arrived by webhook', () => {
  it('files the document of an open webhook warning when its record is applied, once', async () => {
    await postWebhook(rt, warned('HOOK-OPEN', { issuedOn: '2026-08-12', deadline: '2026-10-30' }));
    await rt.drain();
    expect(await ports.warnings.warning(ref, 'HOOK-OPEN')).toMatchObject({
      origin: 'webhook',
      status: 'open',
      description: '台账记录不完整。',
      deadline: '2026-10-30',
      issuedBy: 'webhook:nmg-enforcement',
      subjectName: '鄂尔多斯市台账测试有限公司',
    });
    const before = await dumpTable(rt);
    await new NoteWarning(ports).execute(ref, 'HOOK-OPEN');
    expect(await dumpTable(rt)).toBe(before);
  });

  it('notes nothing for a record without a warning', async () => {
    await postWebhook(rt, warned('HOOK-PLAIN', null));
    await rt.drain();
    await new NoteWarning(ports).execute(ref, 'HOOK-PLAIN');
    expect(await ports.warnings.warning(ref, 'HOOK-PLAIN')).toBeNull();
  });
});
