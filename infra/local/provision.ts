import { CreateTableCommand, type DynamoDBClient, ResourceInUseException } from '@aws-sdk/client-dynamodb';
import { CreateQueueCommand, GetQueueAttributesCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { deadLetterQueueName, QUEUES, type QueueDefinition, queueName, TABLE } from '../definitions.ts';

/** The table and queues of the local runtime, from the same definitions as the CDK stack. */

export const createTable = async (client: DynamoDBClient, tableName: string): Promise<void> => {
  const attrs = new Set<string>([
    TABLE.partitionKey,
    TABLE.sortKey,
    ...TABLE.indexes.flatMap((i) => [i.partitionKey, i.sortKey]),
  ]);
  try {
    await client.send(
      new CreateTableCommand({
        TableName: tableName,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [...attrs].map((AttributeName) => ({ AttributeName, AttributeType: 'S' })),
        KeySchema: [
          { AttributeName: TABLE.partitionKey, KeyType: 'HASH' },
          { AttributeName: TABLE.sortKey, KeyType: 'RANGE' },
        ],
        GlobalSecondaryIndexes: TABLE.indexes.map((i) => ({
          IndexName: i.name,
          KeySchema: [
            { AttributeName: i.partitionKey, KeyType: 'HASH' },
            { AttributeName: i.sortKey, KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        })),
      }),
    );
  } catch (err) {
    if (!(err instanceof ResourceInUseException)) throw err;
  }
};

export interface ProvisionedQueue {
  readonly definition: QueueDefinition;
  readonly url: string;
  readonly dlqUrl: string;
}

export const createQueues = async (
  client: SQSClient,
  prefix: string,
  visibilityTimeoutSeconds?: number,
): Promise<ProvisionedQueue[]> => {
  const out: ProvisionedQueue[] = [];
  for (const q of QUEUES) {
    const fifo = q.fifo ? { FifoQueue: 'true' } : {};
    const dlq = await client.send(
      new CreateQueueCommand({
        QueueName: deadLetterQueueName(prefix, q),
        Attributes: { ...fifo, MessageRetentionPeriod: '1209600' },
      }),
    );
    const dlqArn = (
      await client.send(new GetQueueAttributesCommand({ QueueUrl: dlq.QueueUrl, AttributeNames: ['QueueArn'] }))
    ).Attributes!.QueueArn!;
    const main = await client.send(
      new CreateQueueCommand({
        QueueName: queueName(prefix, q),
        Attributes: {
          ...fifo,
          VisibilityTimeout: String(visibilityTimeoutSeconds ?? q.visibilityTimeoutSeconds),
          RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlqArn, maxReceiveCount: q.maxReceiveCount }),
        },
      }),
    );
    out.push({ definition: q, url: main.QueueUrl!, dlqUrl: dlq.QueueUrl! });
  }
  return out;
};
