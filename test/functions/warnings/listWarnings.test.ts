import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IssueWarning } from '../../../functions/warnings/issueWarning.ts';
import { ListWarnings } from '../../../functions/warnings/listWarnings.ts';
import { ReportRectification } from '../../../functions/warnings/reportRectification.ts';
import type { LocalRuntime } from '../../../infra/local/runtime.ts';
import { uscc } from '../../support/builders.ts';
import { postWebhook, startFrozenRuntime } from '../../support/runtime.ts';
import { leagueOfficer, registerEnterprise, unitUser, warningForm, warningPortsOn } from '../../support/warnings.ts';

const ENT = uscc(961, '150600');
const OTHER = uscc(962, '150600');
let rt: LocalRuntime;
let list: ListWarnings;
const ids: string[] = [];

beforeAll(async () => {
  rt = await startFrozenRuntime('2026-09-01T02:00:00Z'); // a Tuesday
  const ports = warningPortsOn(rt);
  list = new ListWarnings(ports);
  await registerEnterprise(rt, ENT, '鄂尔多斯市列表测试有限公司');
  await registerEnterprise(rt, OTHER, '鄂尔多斯市另一测试有限公司');
  for (const [subject, deadline] of [
    [ENT, '2026-09-30'],
    [ENT, '2026-09-08'],
    [OTHER, '2026-09-20'],
  ] as const) {
    const out = await new IssueWarning(ports).execute(leagueOfficer(), warningForm(subject, { deadline }));
    if (out.status !== 'ok') throw new Error(JSON.stringify(out));
    ids.push(out.value.eventId);
  }
  await rt.drain();
  // The last-deadline one is reported: it leads the bureau's list.
  await new ReportRectification(ports).execute(unitUser(ENT), {
    eventId: ids[0]!,
    rectifiedOn: '2026-09-01',
    text: '已整改。',
    evidenceFiles: [],
  });
  // A warning that arrived by webhook gets its document when its record is applied.
  await postWebhook(rt, {
    type: 'record.created',
    record: {
      eventId: 'HOOK-WARN-1',
      subject: { kind: 'enterprise', id: OTHER },
      rule: 'PMT_LEDGER',
      occurredOn: '2026-08-10',
      department: '150600-EEB',
      league: '150600',
      warning: { issuedOn: '2026-08-12', deadline: '2026-10-30' },
    },
  });
  await rt.drain();
});
afterAll(() => rt?.stop());

describe('listing credit warnings', () => {
  it('gives the bureau its warnings: reported first, then by deadline, with working days left (I12), webhook ones too', async () => {
    const out = await list.ofLeague(leagueOfficer());
    expect(out.status).toBe('ok');
    if (out.status !== 'ok') return;
    expect(out.value.warnings.map((v) => [v.doc.eventId, v.status])).toEqual([
      [ids[0], 'reported'],
      [ids[1], 'open'],
      [ids[2], 'open'],
      ['HOOK-WARN-1', 'open'],
    ]);
    // From Tue 1 September to Tue 8 September: five working days.
    expect(out.value.warnings[1]?.workingDaysLeft).toBe(5);
    expect(out.value.warnings[3]?.doc.origin).toBe('webhook');
  });

  it('another league sees none of them; a unit sees only its own', async () => {
    const other = await list.ofLeague(leagueOfficer('150100'));
    expect(other.status === 'ok' && other.value.warnings.length).toBe(0);
    const mine = await list.ofUnit(unitUser(ENT), { kind: 'enterprise', id: ENT });
    expect(mine.status === 'ok' && mine.value.warnings.map((v) => v.doc.eventId).sort()).toEqual(
      [ids[0], ids[1]].sort(),
    );
    expect((await list.ofUnit(unitUser(ENT), { kind: 'enterprise', id: OTHER })).status).toBe('forbidden');
  });
});
