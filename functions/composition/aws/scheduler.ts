import { SchedulerClient } from '@aws-sdk/client-scheduler';
import { EventBridgeScheduler } from '../../adapters/eventBridgeScheduler.ts';
import { requireEnv } from '../../shared/env.ts';

/** One-time deadline schedules in the project's group, invoking the deadline function through the scheduler role. */
export const scheduler = (): EventBridgeScheduler =>
  new EventBridgeScheduler(new SchedulerClient({}), {
    groupName: requireEnv('scheduleGroup'),
    targetArn: requireEnv('deadlineFunctionArn'),
    roleArn: requireEnv('schedulerRoleArn'),
    deadLetterArn: requireEnv('deadlineDlqArn'),
  });
