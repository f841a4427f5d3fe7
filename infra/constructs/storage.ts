import { RemovalPolicy, Validations } from 'aws-cdk-lib';
import { AttributeType, Billing, TableEncryptionV2, TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import { TABLE } from '../definitions.ts';
import { Layer } from './layer.ts';

/** What the system keeps: the one table (on demand, PITR, deletion protection), the webhook secrets and the site's cookie key. */
export class Storage extends Layer {
  readonly table: TableV2;
  readonly webhookSecrets: Secret;
  /** Signs the site's cookies (sessions, CSRF tokens): generated here, never leaves AWS. */
  readonly webSessionSecret: Secret;

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
      // Short-lived counters only (the comment form's rate windows, docs/publicity.md) carry it.
      timeToLiveAttribute: 'expiresAt',
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
    this.webSessionSecret = new Secret(this, 'WebSessionSecret', {
      description: 'Signs the cookies of the site (sessions of 12 hours at most, CSRF tokens)',
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.webSessionSecret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'Replacing the key signs every person out; it is replaced by an operator when needed (docs/aws.md), not on a timer.',
    });
  }
}
