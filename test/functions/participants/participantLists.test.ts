import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoCycleStore } from '../../../functions/adapters/dynamoCycleStore.ts';
import { documentClient } from '../../../functions/adapters/dynamoDocument.ts';
import { DynamoParticipants } from '../../../functions/adapters/dynamoParticipants.ts';
import { DynamoProfiles } from '../../../functions/adapters/dynamoProfiles.ts';
import { LocalScheduler } from '../../../functions/adapters/localScheduler.ts';
import { CycleTransitions } from '../../../functions/cycles/cycleTransitions.ts';
import { OpenCycle } from '../../../functions/cycles/openCycle.ts';
import { RecordAct } from '../../../functions/cycles/recordAct.ts';
import { ParticipantLists } from '../../../functions/participants/participantLists.ts';
import { RegisterListed } from '../../../functions/participants/registerListed.ts';
import { AdjustableClock } from '../../../functions/shared/clock.ts';
import { uscc } from '../../support/builders.ts';
import { type FreshRecordQueue, freshRecordQueue } from '../../support/recordQueue.ts';
import { freshTable } from '../../support/table.ts';

/** A league's list of participants on DynamoDB Local, before and after the league confirms it. */
let client: DynamoDBClient;
let cycles: DynamoCycleStore;
let transitions: CycleTransitions;
let lists: ParticipantLists;
let profiles: DynamoProfiles;
let records: FreshRecordQueue;
const clock = new AdjustableClock();
clock.freeze(new Date('2026-11-20T02:00:00Z'));
const ordos = { type: 'staff' as const, claims: { role: 'league' as const, league: '150600' } };
const baotou = { type: 'staff' as const, claims: { role: 'league' as const, league: '150200' } };
const list = { year: 2026, kind: 'agency' as const, league: '150600' as const };
const row = (n: number, r = n + 2) => ({
  row: r,
  cells: { code: uscc(n, '150600'), name: `机构${n}`, league: '150600', basis: '（五）', categories: 'eia' },
});

beforeAll(async () => {
  const fresh = await freshTable('participant-lists');
  client = fresh.client;
  cycles = new DynamoCycleStore(client, fresh.table);
  transitions = new CycleTransitions(cycles, new LocalScheduler(), clock);
  profiles = new DynamoProfiles(documentClient(client), fresh.table);
  records = await freshRecordQueue('participant-lists');
  lists = new ParticipantLists(
    new DynamoParticipants(documentClient(client), fresh.table),
    cycles,
    clock,
    new RegisterListed(profiles, records.queue),
  );
  await new OpenCycle(cycles, transitions).execute({ role: 'region' }, { kind: 'agency', year: 2026 });
});
afterAll(() => {
  client?.destroy();
  records?.destroy();
});

describe('a league’s list of participants (Art 16(1), 17(1))', () => {
  it('is its own league bureau’s (or the region’s) to read and change (Art 8)', async () => {
    expect(await lists.read(baotou, list)).toEqual({ status: 'forbidden' });
    expect(await lists.importList(baotou, list, [row(1)], '')).toEqual({ status: 'forbidden' });
    expect(await lists.read({ type: 'public' }, list)).toMatchObject({ status: 'unauthorized' });
  });

  it('stores nothing from a file with a bad row, and the same valid file twice changes nothing', async () => {
    const bad = await lists.importList(
      ordos,
      list,
      [row(1), { ...row(2), cells: { ...row(2).cells, basis: '（一）' } }],
      '',
    );
    expect(bad).toEqual({
      status: 'rejected',
      problems: [{ row: 4, column: '纳入依据', reason: '第六条（一）不适用于第三方服务机构' }],
    });
    expect((await lists.read(ordos, list)).status === 'ok' && (await lists.read(ordos, list))).toMatchObject({
      value: { entries: [], confirmed: false },
    });
    expect(await lists.importList(ordos, list, [row(1), row(2)], '')).toEqual({
      status: 'ok',
      value: { added: 2, changed: 0, unchanged: 0 },
    });
    expect(await lists.importList(ordos, list, [row(1), row(2)], '')).toEqual({
      status: 'ok',
      value: { added: 0, changed: 0, unchanged: 2 },
    });
    // The listed agencies nobody registered are registered from the list, and re-evaluated once.
    expect(await profiles.getProfile({ kind: 'agency', id: uscc(2, '150600') })).toMatchObject({
      registration: 'registered',
      subject: { name: '机构2', league: '150600', categories: ['eia'] },
    });
    expect((await records.received()).filter((m) => m.type === 'subject.reevaluate')).toHaveLength(2);
  });

  it('after listConfirmed, a change needs a reason and is audited as made after confirmation', async () => {
    await new RecordAct(cycles, transitions, async () => 0).execute(
      { role: 'region' },
      { year: 2026, kind: 'agency' },
      { act: 'listConfirmed', league: '150600' },
      null,
    );
    clock.freeze(new Date('2026-11-20T03:00:00Z'));
    expect(await lists.remove(ordos, list, uscc(1, '150600'), '  ')).toEqual({
      status: 'invalid',
      issues: [{ path: '理由', message: '参评名单已确定，修改须填写理由' }],
    });
    expect(await lists.remove(ordos, list, uscc(1, '150600'), '该机构已注销')).toEqual({
      status: 'ok',
      value: uscc(1, '150600'),
    });
    expect(await lists.remove(ordos, list, uscc(1, '150600'), '重复提交')).toEqual({ status: 'notFound' });
    const r = await lists.read(ordos, list);
    if (r.status !== 'ok') throw new Error(r.status);
    expect(r.value.confirmed).toBe(true);
    expect(r.value.entries.map((e) => e.code)).toEqual([uscc(2, '150600')]);
    expect(r.value.audit.at(-1)).toMatchObject({
      action: 'participant.removed',
      actor: 'staff:league:150600',
      why: '该机构已注销',
      afterConfirmation: true,
      what: { code: uscc(1, '150600') },
    });
  });
});
