// Shared wiring of the cycle service for the AWS composition roots (cycles-api, deadline, rescore-planner).
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SchedulerClient } from '@aws-sdk/client-scheduler';
import { SQSClient } from '@aws-sdk/client-sqs';
import { DynamoCycleStore } from '../adapters/dynamoCycleStore.ts';
import { EventBridgeScheduler } from '../adapters/eventBridgeScheduler.ts';
import { SqsRecordQueue } from '../adapters/sqsRecordQueue.ts';
import { CycleService } from '../cycles/cycleService.ts';
import { DynamoCreditStore } from '../adapters/dynamoStore.ts';
import { RepairService } from '../repairs/repairService.ts';
import { PublishResults } from '../publication/publishResults.ts';
import { SqsJsonQueue } from '../adapters/sqsJsonQueue.ts';
import { systemClock } from './clock.ts';
import { ENV, requireEnv } from './config.ts';

export const dynamo = new DynamoDBClient({});
export const cycleStore = new DynamoCycleStore(dynamo, requireEnv(ENV.table));
export const scheduler = new EventBridgeScheduler(new SchedulerClient({}), {
  groupName: requireEnv(ENV.scheduleGroup),
  targetArn: requireEnv(ENV.deadlineFunctionArn),
  roleArn: requireEnv(ENV.schedulerRoleArn),
  deadLetterArn: requireEnv(ENV.deadlineDlqArn),
});
export const recordQueue = new SqsRecordQueue(new SQSClient({}), requireEnv(ENV.recordsQueueUrl));
export const repairService = new RepairService(new DynamoCreditStore(dynamo, requireEnv(ENV.table)), cycleStore, scheduler, recordQueue, systemClock);
const rescoreQueue = new SqsJsonQueue<unknown>(new SQSClient({}), requireEnv(ENV.rescoreQueueUrl));
const publication = new PublishResults(new DynamoCreditStore(dynamo, requireEnv(ENV.table)));
export const cycleService = new CycleService(cycleStore, scheduler, systemClock, recordQueue, repairService, (kind, year, on) =>
  publication.plan(kind, year, on, (m) => rescoreQueue.send(m)),
);
