import {
  ConflictException,
  CreateScheduleCommand,
  DeleteScheduleCommand,
  ResourceNotFoundException,
  SchedulerClient,
  UpdateScheduleCommand,
} from '@aws-sdk/client-scheduler';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { atExpression, EventBridgeScheduler, scheduleName } from '../../../functions/adapters/eventBridgeScheduler.ts';
import { SchedulerError } from '../../../functions/ports/scheduler.ts';

/** EventBridge Scheduler has no local peer: the one place for an SDK mock, checked field by field. */
const mock = mockClient(SchedulerClient);
const config = {
  groupName: 'ecocredit-deadlines',
  targetArn: 'arn:aws-cn:lambda:cn-north-1:123456789012:function:deadline',
  roleArn: 'arn:aws-cn:iam::123456789012:role/scheduler',
  deadLetterArn: 'arn:aws-cn:sqs:cn-north-1:123456789012:deadline-dlq',
};
const target = {
  kind: 'cycle' as const,
  owner: { kind: 'cycle' as const, year: 2025, cycleKind: 'agency' as const },
  deadlineId: 'FILING.end@150100',
  at: '2026-04-29T15:59:59.000Z',
};
const scheduler = new EventBridgeScheduler(new SchedulerClient({ region: 'cn-north-1' }), config);

beforeEach(() => mock.reset());

describe('the EventBridge Scheduler adapter', () => {
  it('creates a one-time schedule in Asia/Shanghai with every field the design asks for', async () => {
    mock.on(CreateScheduleCommand).resolves({});
    await scheduler.schedule(target);
    const calls = mock.commandCalls(CreateScheduleCommand);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.args[0].input).toEqual({
      Name: scheduleName(target),
      GroupName: 'ecocredit-deadlines',
      // 15:59:59 UTC is 23:59:59 in Asia/Shanghai, the end of the legal day (I12, I13).
      ScheduleExpression: 'at(2026-04-29T23:59:59)',
      ScheduleExpressionTimezone: 'Asia/Shanghai',
      FlexibleTimeWindow: { Mode: 'OFF' },
      ActionAfterCompletion: 'DELETE',
      State: 'ENABLED',
      Description: 'CYCLE#2025#agency FILING.end@150100',
      Target: {
        Arn: config.targetArn,
        RoleArn: config.roleArn,
        // The input keeps the shape schedules already created carry (the deadline handler reads it).
        Input: JSON.stringify({
          kind: 'cycle',
          owner: 'CYCLE#2025#agency',
          deadlineId: 'FILING.end@150100',
          at: '2026-04-29T15:59:59.000Z',
        }),
        DeadLetterConfig: { Arn: config.deadLetterArn },
        RetryPolicy: { MaximumRetryAttempts: 10, MaximumEventAgeInSeconds: 86_400 },
      },
    });
  });

  it('names schedules deterministically, within EventBridge’s limits', () => {
    const later = { ...target, at: '2026-05-01T15:59:59.000Z' };
    expect(scheduleName(target)).toBe(scheduleName(later));
    expect(scheduleName(target)).not.toBe(scheduleName({ ...target, deadlineId: 'FILING.end@150200' }));
    expect(scheduleName(target)).toMatch(/^[0-9a-zA-Z-_.]{1,64}$/);
    expect(atExpression('2026-12-31T16:00:00.000Z')).toBe('at(2027-01-01T00:00:00)');
  });

  it('updates instead of duplicating when the schedule exists (idempotent create)', async () => {
    mock
      .on(CreateScheduleCommand)
      .rejects(new ConflictException({ message: 'exists', Message: 'exists', $metadata: {} } as never));
    mock.on(UpdateScheduleCommand).resolves({});
    await scheduler.schedule({ ...target, at: '2026-04-30T15:59:59.000Z' });
    const update = mock.commandCalls(UpdateScheduleCommand)[0]!.args[0].input;
    expect(update).toMatchObject({
      Name: scheduleName(target),
      GroupName: 'ecocredit-deadlines',
      ScheduleExpression: 'at(2026-04-30T23:59:59)',
      ActionAfterCompletion: 'DELETE',
    });
  });

  it('deletes by the same name and tolerates a schedule already gone', async () => {
    mock
      .on(DeleteScheduleCommand)
      .rejects(new ResourceNotFoundException({ message: 'gone', Message: 'gone', $metadata: {} } as never));
    await expect(scheduler.cancel(target)).resolves.toBeUndefined();
    expect(mock.commandCalls(DeleteScheduleCommand)[0]!.args[0].input).toEqual({
      Name: scheduleName(target),
      GroupName: 'ecocredit-deadlines',
    });
  });

  it('wraps other failures in a typed error with its cause', async () => {
    mock.on(CreateScheduleCommand).rejects(new Error('throttled'));
    await expect(scheduler.schedule(target)).rejects.toBeInstanceOf(SchedulerError);
  });
});
