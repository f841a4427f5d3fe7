import { Duration, Validations } from 'aws-cdk-lib';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { deadLetterQueueName, QUEUES, type QueueName, queueName } from '../definitions.ts';
import { deadLetterAlarm } from './alarms.ts';
import { Layer } from './layer.ts';

/** The queues of `QUEUES` (records FIFO, rescore, push), each with a dead-letter queue and an alarm on it. */
export class Queues extends Layer {
  private readonly byName = new Map<QueueName, Queue>();

  constructor(scope: Construct, id: string, prefix: string) {
    super(scope, id);
    for (const q of QUEUES) {
      const dlq = new Queue(this, `${q.name}Dlq`, {
        queueName: deadLetterQueueName(prefix, q),
        fifo: q.fifo || undefined,
        retentionPeriod: Duration.days(14),
        encryption: QueueEncryption.SQS_MANAGED,
        enforceSSL: true,
      });
      Validations.of(dlq).acknowledge({ id: 'AwsSolutions-SQS3', reason: 'This queue is itself a dead-letter queue.' });
      deadLetterAlarm(this, `${q.name}DlqAlarm`, dlq, `Messages in the ${q.name} dead-letter queue need a person`);
      this.byName.set(
        q.name,
        new Queue(this, `${q.name}Queue`, {
          queueName: queueName(prefix, q),
          fifo: q.fifo || undefined,
          visibilityTimeout: Duration.seconds(q.visibilityTimeoutSeconds),
          deadLetterQueue: { queue: dlq, maxReceiveCount: q.maxReceiveCount },
          encryption: QueueEncryption.SQS_MANAGED,
          enforceSSL: true,
        }),
      );
    }
  }

  queue(name: QueueName): Queue {
    return this.byName.get(name)!;
  }
}
