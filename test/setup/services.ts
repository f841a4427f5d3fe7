import type { TestProject } from 'vitest/node';
import { startDynamoDbLocal, startSqsServer } from '../../infra/local/services.ts';

/**
 * Starts the real local peers once for the whole run: DynamoDB Local (in memory) and the SQS server.
 * Test files create their own table and queues on them, so they never see each other's data.
 */
declare module 'vitest' {
  export interface ProvidedContext {
    dynamoEndpoint: string;
    sqsEndpoint: string;
  }
}

export default async function setup(project: TestProject) {
  const [dynamo, sqs] = await Promise.all([startDynamoDbLocal(':memory:'), startSqsServer()]);
  project.provide('dynamoEndpoint', dynamo.endpoint);
  project.provide('sqsEndpoint', sqs.endpoint);
  return async () => {
    await Promise.all([dynamo.stop(), sqs.stop()]);
  };
}
