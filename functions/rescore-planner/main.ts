// Composition root of `rescore-planner` on AWS Lambda (the 02:00 cron).
import { SQSClient } from '@aws-sdk/client-sqs';
import { DynamoCreditStore } from '../adapters/dynamoStore.ts';
import { SqsJsonQueue } from '../adapters/sqsJsonQueue.ts';
import { systemClock } from '../shared/clock.ts';
import { ENV, requireEnv } from '../shared/config.ts';
import { cycleService, cycleStore, dynamo } from '../shared/cycleComposition.ts';
import { createLogger } from '../shared/logger.ts';
import { createRescorePlannerHandler } from './handler.ts';
import { PlanNightlyRun } from './planNightlyRun.ts';

const queue = new SqsJsonQueue(new SQSClient({}), requireEnv(ENV.rescoreQueueUrl));
export const handler = createRescorePlannerHandler(new PlanNightlyRun(new DynamoCreditStore(dynamo, requireEnv(ENV.table)), cycleStore, cycleService, queue, systemClock), createLogger('rescore-planner'));
