import { randomUUID } from 'node:crypto';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { CreateQueueCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DynamoCycleStore } from '../../../functions/adapters/dynamoCycleStore.ts';
import { LocalScheduler } from '../../../functions/adapters/localScheduler.ts';
import { SqsRecordQueue } from '../../../functions/adapters/sqsRecordQueue.ts';
import { CycleTransitions } from '../../../functions/cycles/cycleTransitions.ts';
import { FireDeadline } from '../../../functions/cycles/fireDeadline.ts';
import { OpenCycle } from '../../../functions/cycles/openCycle.ts';
import { queuedMembersOf, type RecordMessage } from '../../../functions/ports/messages.ts';
import type { DeadlineTarget } from '../../../functions/ports/scheduler.ts';
import { AdjustableClock } from '../../../functions/shared/clock.ts';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../../infra/local/services.ts';
import { uscc } from '../../support/builders.ts';
import { freshTable } from '../../support/table.ts';

/** A deadline is due: cycle deadlines move the cycle, warning deadlines re-evaluate (Art 22, I8), repair ones go to the repairs (Art 23). */
let client: DynamoDBClient;
let sqs: SQSClient;
let queueUrl: string;
let cycles: DynamoCycleStore;
const clock = new AdjustableClock();
clock.freeze(new Date('2026-03-02T01:00:00Z'));
const repairsFired: DeadlineTarget[] = [];
let fire: FireDeadline;
let transitions: CycleTransitions;

beforeAll(async () => {
  const fresh = await freshTable('fire-deadline');
  client = fresh.client;
  cycles = new DynamoCycleStore(client, fresh.table);
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
  fire = new FireDeadline(cycles, transitions, new SqsRecordQueue(sqs, queueUrl), async (t) => {
    repairsFired.push(t);
    return { status: 'applied' };
  });
});
afterAll(() => {
  client?.destroy();
  sqs?.destroy();
});

describe('FireDeadline', () => {
  it('a credit warning’s deadline sends its subject to be re-evaluated and leaves the index', async () => {
    const id = uscc(801);
    const target: DeadlineTarget = {
      kind: 'warning',
      owner: { kind: 'subject', subject: { kind: 'enterprise', id } },
      deadlineId: 'W-1',
      at: '2026-03-01T16:00:00.000Z',
    };
    await cycles.indexDeadline(target);
    expect(await fire.execute(target)).toEqual({ status: 'applied' });
    const received = await sqs.send(
      new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 1 }),
    );
    expect((received.Messages ?? []).flatMap((m) => queuedMembersOf(JSON.parse(m.Body!)) as RecordMessage[])).toEqual([
      {
        type: 'subject.reevaluate',
        subject: { kind: 'enterprise', id },
        cause: 'warning:W-1:2026-03-01T16:00:00.000Z',
      },
    ]);
    expect((await cycles.dueDeadlines('2027-01-01T00:00:00.000Z')).some((d) => d.deadlineId === 'W-1')).toBe(false);
  });

  it('a repair’s verification deadline goes to the repairs use case', async () => {
    const target: DeadlineTarget = {
      kind: 'repair',
      owner: { kind: 'subject', subject: { kind: 'enterprise', id: uscc(802) } },
      deadlineId: 'RA-1',
      at: '2026-04-01T16:00:00.000Z',
    };
    expect(await fire.execute(target)).toEqual({ status: 'applied' });
    expect(repairsFired).toEqual([target]);
  });

  it('a cycle’s deadline is applied once: delivered again, or for a cycle that does not exist, it changes nothing', async () => {
    expect(
      await fire.execute({
        kind: 'cycle',
        owner: { kind: 'cycle', year: 2031, cycleKind: 'agency' },
        deadlineId: 'LISTING.end@150100',
        at: '2032-03-31T15:59:59.000Z',
      }),
    ).toEqual({ status: 'ignored', reason: 'no such cycle' });
    const opened = await new OpenCycle(cycles, transitions).execute({ role: 'region' }, { kind: 'agency', year: 2025 });
    expect(opened.status).toBe('ok');
    const deadline = opened.status === 'ok' ? opened.value.deadlines.find((d) => d.id === 'LISTING.end@150200')! : null;
    const target: DeadlineTarget = {
      kind: 'cycle',
      owner: { kind: 'cycle', year: 2025, cycleKind: 'agency' },
      deadlineId: deadline!.id,
      at: deadline!.at,
    };
    clock.freeze(new Date('2026-04-01T01:00:00Z'));
    expect(await fire.execute(target)).toEqual({ status: 'applied' });
    const version = (await cycles.getCycle(2025, 'agency'))!.version;
    expect(await fire.execute(target)).toEqual({ status: 'ignored', reason: 'DEADLINE_NOT_SCHEDULED' });
    expect((await cycles.getCycle(2025, 'agency'))!.version).toBe(version);
  });
});
