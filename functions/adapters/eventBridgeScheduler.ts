import { createHash } from 'node:crypto';
import {
  CreateScheduleCommand,
  DeleteScheduleCommand,
  type SchedulerClient,
  UpdateScheduleCommand,
} from '@aws-sdk/client-scheduler';
import { type DeadlineRef, type DeadlineTarget, type Scheduler, SchedulerError } from '../ports/scheduler.ts';
import { deadlineRefWire, deadlineWire } from './keys.ts';

export interface EventBridgeSchedulerConfig {
  readonly groupName: string;
  /** The deadline function the schedules invoke. */
  readonly targetArn: string;
  /** The role EventBridge Scheduler assumes to invoke it. */
  readonly roleArn: string;
  /** Where undeliverable invocations go. */
  readonly deadLetterArn: string;
}

/** Schedule names are deterministic per deadline (≤ 64 characters of [0-9a-zA-Z-_.]), from its wire form. */
export const scheduleName = (d: DeadlineRef): string => {
  const w = deadlineRefWire(d);
  return `dl-${createHash('sha256').update(`${w.owner}|${w.deadlineId}`).digest('hex').slice(0, 40)}`;
};

/** `at(yyyy-mm-ddThh:mm:ss)` in Asia/Shanghai wall time (UTC+8 all year, I13). */
export const atExpression = (instant: string): string => {
  const local = new Date(Date.parse(instant) + 8 * 3_600_000).toISOString().slice(0, 19);
  return `at(${local})`;
};

/**
 * EventBridge Scheduler: one-time schedules with ScheduleExpressionTimezone Asia/Shanghai, flexible
 * window off, a retry policy and a DLQ on the target, deleted after completion. Takes its SDK client
 * in the constructor.
 */
export class EventBridgeScheduler implements Scheduler {
  constructor(
    private readonly client: SchedulerClient,
    private readonly config: EventBridgeSchedulerConfig,
  ) {}

  /** The schedule's input is the deadline's wire form (keys.ts), the shape the deadline handler reads. */
  private request(t: DeadlineTarget) {
    const w = deadlineWire(t);
    return {
      Name: scheduleName(t),
      GroupName: this.config.groupName,
      ScheduleExpression: atExpression(t.at),
      ScheduleExpressionTimezone: 'Asia/Shanghai',
      FlexibleTimeWindow: { Mode: 'OFF' as const },
      ActionAfterCompletion: 'DELETE' as const,
      State: 'ENABLED' as const,
      Description: `${w.owner} ${w.deadlineId}`.slice(0, 512),
      Target: {
        Arn: this.config.targetArn,
        RoleArn: this.config.roleArn,
        Input: JSON.stringify(w),
        DeadLetterConfig: { Arn: this.config.deadLetterArn },
        RetryPolicy: { MaximumRetryAttempts: 10, MaximumEventAgeInSeconds: 86_400 },
      },
    };
  }

  async schedule(t: DeadlineTarget): Promise<void> {
    try {
      await this.client.send(new CreateScheduleCommand(this.request(t)));
    } catch (err) {
      if ((err as { name?: string }).name !== 'ConflictException')
        throw new SchedulerError(`CreateSchedule ${t.deadlineId} failed`, { cause: err });
      try {
        await this.client.send(new UpdateScheduleCommand(this.request(t)));
      } catch (cause) {
        throw new SchedulerError(`UpdateSchedule ${t.deadlineId} failed`, { cause });
      }
    }
  }

  async cancel(t: DeadlineRef): Promise<void> {
    try {
      await this.client.send(new DeleteScheduleCommand({ Name: scheduleName(t), GroupName: this.config.groupName }));
    } catch (err) {
      if ((err as { name?: string }).name !== 'ResourceNotFoundException')
        throw new SchedulerError(`DeleteSchedule ${t.deadlineId} failed`, { cause: err });
    }
  }
}
