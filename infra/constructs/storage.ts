import { RemovalPolicy, Validations } from 'aws-cdk-lib';
import { AttributeType, Billing, TableEncryptionV2, TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import { TABLE } from '../definitions.ts';
import { Layer } from './layer.ts';

/** What the system keeps: the one table (on demand, PITR, deletion protection) and the webhook secrets. */
export class Storage extends Layer {
  readonly table: TableV2;
  readonly webhookSecrets: Secret;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.table = new TableV2(this, 'Table', {
      partitionKey: { name: TABLE.partitionKey, type: AttributeType.STRING },
      sortKey: { name: TABLE.sortKey, type: AttributeType.STRING },
      billing: Billing.onDemand(),
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      encryption: TableEncryptionV2.awsManagedKey(),
      removalPolicy: RemovalPolicy.RETAIN,
      globalSecondaryIndexes: TABLE.indexes.map((i) => ({
        indexName: i.name,
        partitionKey: { name: i.partitionKey, type: AttributeType.STRING },
        sortKey: { name: i.sortKey, type: AttributeType.STRING },
      })),
    });
    this.webhookSecrets = new Secret(this, 'WebhookSecrets', {
      description: 'Per-source Standard Webhooks secrets of the enforcement platforms: {"source": "whsec_..."}',
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.webhookSecrets).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'Each secret is shared with an outside enforcement platform; it is rotated by agreement with that platform, not automatically.',
    });
  }
}
