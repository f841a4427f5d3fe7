import { randomUUID } from 'node:crypto';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { CreateQueueCommand, type Message, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DynamoCycleStore } from '../../../functions/adapters/dynamoCycleStore.ts';
import { DynamoCreditStore } from '../../../functions/adapters/dynamoStore.ts';
import { LocalScheduler } from '../../../functions/adapters/localScheduler.ts';
import { SqsJsonQueue } from '../../../functions/adapters/sqsJsonQueue.ts';
import { CycleTransitions, type FireOutcome } from '../../../functions/cycles/cycleTransitions.ts';
import { OpenCycle } from '../../../functions/cycles/openCycle.ts';
import { RecordAct } from '../../../functions/cycles/recordAct.ts';
import type { RescoreMessage } from '../../../functions/ports/messages.ts';
import type { DeadlineTarget } from '../../../functions/ports/scheduler.ts';
import { PlanNightlyRun, RESCORE_BATCH } from '../../../functions/rescore-planner/planNightlyRun.ts';
import { AdjustableClock } from '../../../functions/shared/clock.ts';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../../infra/local/services.ts';
import { enterprise, uscc } from '../../support/builders.ts';
import { freshTable } from '../../support/table.ts';

/** The nightly run: missed deadlines are fired first, then every subject goes to the rescore queue in batches. */
let client: DynamoDBClient;
let sqs: SQSClient;
let queueUrl: string;
let store: DynamoCreditStore;
let cycles: DynamoCycleStore;
const clock = new AdjustableClock();
clock.freeze(new Date('2026-03-02T18:00:00Z'));
const SUBJECTS = RESCORE_BATCH + 5;

const deadline = (deadlineId: string, at: string): DeadlineTarget => ({
  kind: 'cycle',
  owner: { kind: 'cycle', year: 2025, cycleKind: 'enterprise' },
  deadlineId,
  at,
});

beforeAll(async () => {
  const fresh = await freshTable('plan-nightly-run');
  client = fresh.client;
  store = new DynamoCreditStore(client, fresh.table);
  cycles = new DynamoCycleStore(client, fresh.table);
  sqs = new SQSClient({ endpoint: inject('sqsEndpoint'), region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
  queueUrl = (await sqs.send(new CreateQueueCommand({ QueueName: `rescore-${randomUUID().slice(0, 8)}` }))).QueueUrl!;
  const at = '2026-01-01T00:00:00Z';
  for (let i = 0; i < SUBJECTS; i++) {
    const subject = enterprise({ id: uscc(900 + i) });
    const ref = { kind: 'enterprise' as const, id: subject.id };
    const audit = { subject: ref, at, actor: 'test', action: 'subject.registered', what: {}, why: null };
    await store.putProfile({ subject, registration: 'registered', version: 1, updatedAt: at }, null, audit);
  }
});
afterAll(() => {
  client?.destroy();
  sqs?.destroy();
});

const receiveAll = async (): Promise<Message[]> => {
  const out: Message[] = [];
  for (;;) {
    const r = await sqs.send(
      new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 1 }),
    );
    if (!r.Messages?.length) return out;
    out.push(...r.Messages);
  }
};

describe('PlanNightlyRun', () => {
  it('fires the due deadlines, counts those applied, and sends every subject once in batches', async () => {
    await cycles.indexDeadline(deadline('LISTING.end@150100', '2026-03-01T15:59:59.000Z'));
    await cycles.indexDeadline(deadline('FILING.end@150100', '2026-03-02T15:59:59.000Z'));
    await cycles.indexDeadline(deadline('PUBLICITY.end', '2026-05-31T15:59:59.000Z'));
    const fired: string[] = [];
    const fire = {
      execute: async (t: DeadlineTarget): Promise<FireOutcome> => {
        fired.push(t.deadlineId);
        if (t.deadlineId === 'FILING.end@150100') return { status: 'ignored', reason: 'DEADLINE_NOT_SCHEDULED' };
        return { status: 'applied' };
      },
    };
    const queue = new SqsJsonQueue<RescoreMessage>(sqs, queueUrl);
    const sweepOutbox = async () => ({ requeued: 3, stuck: 1 });
    const plan = await new PlanNightlyRun(store, cycles, fire, queue, clock, 2, sweepOutbox).execute();

    expect(fired.sort()).toEqual(['FILING.end@150100', 'LISTING.end@150100']);
    expect(plan).toMatchObject({ swept: 1, subjects: SUBJECTS, messages: 2, requeued: 3, stuck: 1 });
    const messages = (await receiveAll()).map((m) => JSON.parse(m.Body!) as RescoreMessage);
    expect(messages).toHaveLength(2);
    for (const m of messages) expect(m).toMatchObject({ type: 'rescore', runId: plan.runId });
    expect(messages.map((m) => m.subjects.length).sort()).toEqual([SUBJECTS - RESCORE_BATCH, RESCORE_BATCH].sort());
    const sent = messages.flatMap((m) => m.subjects.map((s) => s.id)).sort();
    expect(sent).toEqual(Array.from({ length: SUBJECTS }, (_, i) => uscc(900 + i)).sort());
  });

  it('Art 20, 32: marks late the participants of every FILING window that has closed, and of no open one', async () => {
    const transitions = new CycleTransitions(cycles, new LocalScheduler(), clock);
    const region = { role: 'region' as const, league: '150000' as const };
    const act = new RecordAct(cycles, transitions, async () => 0);
    expect((await new OpenCycle(cycles, transitions).execute(region, { kind: 'agency', year: 2025 })).status).toBe(
      'ok',
    );
    for (const [league, acts] of [
      ['150600', ['listConfirmed', 'participantsNotified']],
      ['150100', ['listConfirmed']],
    ] as const)
      for (const a of acts)
        expect(
          (await act.execute({ role: 'league', league }, { year: 2025, kind: 'agency' }, { act: a, league }, null))
            .status,
        ).toBe('ok');
    const marked: unknown[] = [];
    const markLate = async (of: unknown, closesAt: string) => void marked.push([of, closesAt]);
    const quiet = { execute: async (): Promise<FireOutcome> => ({ status: 'ignored', reason: 'test' }) };
    const queue = new SqsJsonQueue<RescoreMessage>(sqs, queueUrl);
    const run = () => new PlanNightlyRun(store, cycles, quiet, queue, clock, 2, undefined, markLate).execute();
    await run();
    expect(marked).toEqual([]); // the Ordos window is still open
    clock.freeze(new Date('2026-04-15T18:00:00Z'));
    await run();
    expect(marked).toEqual([[{ year: 2025, kind: 'agency', league: '150600' }, '2026-03-31T15:59:59.000Z']]);
    await receiveAll();
  });
});
