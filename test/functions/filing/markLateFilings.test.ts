import { randomUUID } from 'node:crypto';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { CreateQueueCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { ParticipantEntry } from '../../../domain/participants/participant.ts';
import { DynamoCycleStore } from '../../../functions/adapters/dynamoCycleStore.ts';
import { documentClient } from '../../../functions/adapters/dynamoDocument.ts';
import { DynamoFilings } from '../../../functions/adapters/dynamoFilings.ts';
import { DynamoNotices } from '../../../functions/adapters/dynamoNotices.ts';
import { DynamoParticipants } from '../../../functions/adapters/dynamoParticipants.ts';
import { LocalScheduler } from '../../../functions/adapters/localScheduler.ts';
import { SqsRecordQueue } from '../../../functions/adapters/sqsRecordQueue.ts';
import { CycleTransitions } from '../../../functions/cycles/cycleTransitions.ts';
import { FireDeadline } from '../../../functions/cycles/fireDeadline.ts';
import { OpenCycle } from '../../../functions/cycles/openCycle.ts';
import { RecordAct } from '../../../functions/cycles/recordAct.ts';
import { MarkLateFilings } from '../../../functions/filing/markLateFilings.ts';
import { IssueParticipantsNotices } from '../../../functions/notices/issueParticipantsNotices.ts';
import { queuedMembersOf, type RecordMessage } from '../../../functions/ports/messages.ts';
import type { DeadlineTarget } from '../../../functions/ports/scheduler.ts';
import { AdjustableClock } from '../../../functions/shared/clock.ts';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../../infra/local/services.ts';
import { uscc } from '../../support/builders.ts';
import { freshTable } from '../../support/table.ts';

/**
 * Art 20, 32: the FILING window closes through the deadline path; participants without a filing
 * are marked (missing) and get a late-filing note, crash-safely and once.
 */
let client: DynamoDBClient;
let sqs: SQSClient;
let queueUrl: string;
let cycles: DynamoCycleStore;
let filings: DynamoFilings;
let notices: DynamoNotices;
let participants: DynamoParticipants;
let transitions: CycleTransitions;
const clock = new AdjustableClock();
clock.freeze(new Date('2026-03-02T01:00:00Z'));
const league = '150600' as const;
const list = { year: 2025, kind: 'agency' as const, league };
const entry = (n: number): ParticipantEntry => ({
  kind: 'agency',
  code: uscc(n, league),
  name: `机构${n}`,
  league,
  basis: '6.5',
  sites: [],
  categories: ['eia'],
});
const onTime = entry(1);
const never = entry(2);
const officer = { role: 'league' as const, league };

beforeAll(async () => {
  const fresh = await freshTable('late-filings');
  client = fresh.client;
  const doc = documentClient(client);
  cycles = new DynamoCycleStore(client, fresh.table);
  filings = new DynamoFilings(doc, fresh.table);
  notices = new DynamoNotices(doc, fresh.table);
  participants = new DynamoParticipants(doc, fresh.table);
  sqs = new SQSClient({ endpoint: inject('sqsEndpoint'), region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
  queueUrl = (
    await sqs.send(
      new CreateQueueCommand({
        QueueName: `records-${randomUUID().slice(0, 8)}.fifo`,
        Attributes: { FifoQueue: 'true' },
      }),
    )
  ).QueueUrl!;
  transitions = new CycleTransitions(cycles, new LocalScheduler(), clock);
});
afterAll(() => {
  client?.destroy();
  sqs?.destroy();
});

const issueNotices = () => new IssueParticipantsNotices(cycles, participants, notices, clock);
const markLate = () =>
  new MarkLateFilings(cycles, participants, filings, notices, new SqsRecordQueue(sqs, queueUrl), issueNotices(), clock);
const fireWith = (before: (t: DeadlineTarget & { kind: 'cycle' }) => Promise<unknown>) =>
  new FireDeadline(cycles, transitions, new SqsRecordQueue(sqs, queueUrl), async () => ({ status: 'ignored' }), before);
const lateHook = (t: DeadlineTarget & { kind: 'cycle' }) =>
  markLate().execute({ year: t.owner.year, kind: t.owner.cycleKind, league }, t.at);

describe('participants notices and late marking', () => {
  let target: DeadlineTarget & { kind: 'cycle' };

  it('a crash after `participantsNotified` committed: recording the act again issues the missing notices, once', async () => {
    expect(
      (await new OpenCycle(cycles, transitions).execute({ role: 'region' }, { kind: 'agency', year: 2025 })).status,
    ).toBe('ok');
    await participants.putParticipants(list, [onTime, never], {
      at: clock.now().toISOString(),
      actor: 'staff:league:150600',
      action: 'participants.imported',
      what: {},
      why: null,
      afterConfirmation: false,
    });
    // The act commits, and the process dies before any notice is issued (no notifier).
    const crashed = new RecordAct(cycles, transitions, async () => 0);
    expect((await crashed.execute(officer, list, { act: 'listConfirmed', league }, null)).status).toBe('ok');
    expect((await crashed.execute(officer, list, { act: 'participantsNotified', league }, null)).status).toBe('ok');
    expect(await notices.noticesTo({ kind: 'agency', id: onTime.code })).toEqual([]);

    const recordAct = new RecordAct(
      cycles,
      transitions,
      async () => 0,
      (of, actor) => issueNotices().execute(of, actor),
    );
    const again = await recordAct.execute(officer, list, { act: 'participantsNotified', league }, null);
    expect(again).toMatchObject({ status: 'conflict', code: 'ALREADY_DONE' });
    const got = await notices.noticesTo({ kind: 'agency', id: onTime.code });
    expect(got.map((n) => [n.kind, n.id, n.deadline])).toEqual([
      ['participants', 'participants-2025-agency', '2026-03-30'],
    ]);
    expect(got[0]!.body).toContain('请于2026年3月30日前');
    expect(await issueNotices().execute({ ...list }, 'system:deadline')).toEqual({ issued: 0, existing: 2 });

    const cycle = (await cycles.getCycle(2025, 'agency'))!;
    const d = cycle.deadlines.find((x) => x.id === `FILING.end@${league}`)!;
    target = { kind: 'cycle', owner: { kind: 'cycle', year: 2025, cycleKind: 'agency' }, deadlineId: d.id, at: d.at };
  });

  it('a window not yet closed marks nobody', async () => {
    expect(await markLate().execute(list, target.at)).toEqual({ missing: 0, noticesIssued: 0 });
    expect(await filings.filing({ kind: 'agency', id: never.code }, 2025)).toBeNull();
  });

  it('a crash before the marking leaves the deadline due; the sweep then marks the participant without a filing, once', async () => {
    await filings.file(
      { kind: 'agency', id: onTime.code },
      {
        year: 2025,
        kind: 'agency',
        code: onTime.code,
        league,
        window: {
          opensOn: '2026-03-02',
          opensAt: '2026-03-01T16:00:00.000Z',
          closesOn: '2026-03-30',
          closesAt: target.at,
        },
        filedAt: '2026-03-10T02:00:00.000Z',
        filedBy: `participant:agency:${onTime.code}`,
        basic: { sites: [], categories: ['eia'] },
        markedMissingAt: null,
      },
    );
    clock.freeze(new Date('2026-03-31T01:00:00Z'));
    const crash = fireWith(async () => {
      throw new Error('simulated crash');
    });
    await expect(crash.execute(target)).rejects.toThrow('simulated crash');
    expect((await cycles.dueDeadlines(clock.now().toISOString())).some((d) => d.deadlineId === target.deadlineId)).toBe(
      true,
    );

    expect(await fireWith(lateHook).execute(target)).toEqual({ status: 'applied' });
    const marked = await filings.filing({ kind: 'agency', id: never.code }, 2025);
    expect(marked).toMatchObject({ filedAt: null, markedMissingAt: '2026-03-31T01:00:00.000Z' });
    const noted = await notices.noticesTo({ kind: 'agency', id: never.code });
    expect(noted.map((n) => n.kind).sort()).toEqual(['lateFiling', 'participants']);
    expect(noted.find((n) => n.kind === 'lateFiling')!.body).toContain('已于2026年3月30日届满');
    expect((await notices.noticesTo({ kind: 'agency', id: onTime.code })).map((n) => n.kind)).toEqual(['participants']);
    const received = await sqs.send(
      new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 1 }),
    );
    expect((received.Messages ?? []).flatMap((m) => queuedMembersOf(JSON.parse(m.Body!)) as RecordMessage[])).toEqual([
      { type: 'subject.reevaluate', subject: { kind: 'agency', id: never.code }, cause: 'filing:missing:2025' },
    ]);

    // Delivered again: the cycle is not moved again and nothing is issued twice.
    expect(await fireWith(lateHook).execute(target)).toMatchObject({ status: 'ignored' });
    expect(await markLate().execute(list, target.at)).toEqual({ missing: 1, noticesIssued: 0 });
    expect(await notices.noticesTo({ kind: 'agency', id: never.code })).toHaveLength(2);
  });

  it('a filing after the window closed is still accepted (marked late by its status), but only once', async () => {
    const ref = { kind: 'agency' as const, id: never.code };
    const marked = (await filings.filing(ref, 2025))!;
    const late = { ...marked, filedAt: '2026-04-02T02:00:00.000Z', filedBy: `participant:agency:${never.code}` };
    expect(await filings.file(ref, late)).toBe('filed');
    expect(await filings.file(ref, { ...late, filedAt: '2026-04-03T02:00:00.000Z' })).toBe('exists');
    expect((await filings.filing(ref, 2025))!.filedAt).toBe('2026-04-02T02:00:00.000Z');
    expect(await filings.markMissing(ref, marked)).toBe('exists');
  });
});
