import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { type IGrantable, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  HttpMethods,
  ObjectOwnership,
  StorageClass,
} from 'aws-cdk-lib/aws-s3';
import type { Construct, IConstruct } from 'constructs';
import { Layer } from './layer.ts';

export interface EvidenceProps {
  /** The site's origins (`https://…`), whose pages post evidence files to the bucket (pre-signed POST). */
  readonly siteOrigins: readonly string[];
}

/**
 * The evidence files of repair applications (docs/portal.md): a private, encrypted, versioned bucket
 * reached only over TLS. Browsers upload to it directly with pre-signed POSTs signed by the web
 * function (at most 10 MiB, PDF/JPEG/PNG: functions/adapters/s3EvidenceStore.ts); its access is logged to a second bucket.
 * Evidence backs an administrative decision (Art 23), so current files are kept; replaced or deleted
 * versions go after 90 days, and files move to infrequent access after 90 days.
 */
export class Evidence extends Layer {
  readonly bucket: Bucket;
  readonly accessLogs: Bucket;

  constructor(scope: Construct, id: string, props: EvidenceProps) {
    super(scope, id);
    this.accessLogs = new Bucket(this, 'AccessLogs', {
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ id: 'expire-access-logs', expiration: Duration.days(365) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.accessLogs).acknowledge({
      id: 'AwsSolutions-S1',
      reason: "This bucket holds the evidence bucket's access logs; logging it into itself would loop.",
    });
    this.bucket = new Bucket(this, 'Bucket', {
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      versioned: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: this.accessLogs,
      serverAccessLogsPrefix: 'evidence/',
      cors: [
        {
          allowedMethods: [HttpMethods.POST],
          allowedOrigins: [...props.siteOrigins],
          allowedHeaders: ['*'],
          maxAge: 3000,
        },
      ],
      lifecycleRules: [
        {
          id: 'evidence-versions-and-uploads',
          abortIncompleteMultipartUploadAfter: Duration.days(1),
          noncurrentVersionExpiration: Duration.days(90),
          transitions: [{ storageClass: StorageClass.INFREQUENT_ACCESS, transitionAfter: Duration.days(90) }],
        },
      ],
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }

  /**
   * Lets a function read, write (and sign browsers' uploads of) and remove evidence files, and list
   * their folder (so that a missing file reads as missing, not as denied); nothing else of the bucket.
   */
  grantFiles(fn: IGrantable & IConstruct): void {
    fn.grantPrincipal.addToPrincipalPolicy(
      new PolicyStatement({
        actions: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'],
        resources: [this.bucket.arnForObjects(`${EVIDENCE_FOLDER}*`)],
      }),
    );
    fn.grantPrincipal.addToPrincipalPolicy(
      new PolicyStatement({
        actions: ['s3:ListBucket'],
        resources: [this.bucket.bucketArn],
        conditions: { StringLike: { 's3:prefix': `${EVIDENCE_FOLDER}*` } },
      }),
    );
    const bucketId = Stack.of(this).getLogicalId(this.bucket.node.defaultChild as never);
    Validations.of(fn).acknowledge({
      id: `AwsSolutions::AwsSolutions-IAM5[Resource::<${bucketId}.Arn>/${EVIDENCE_FOLDER}*]`,
      reason:
        'The grant covers the evidence files of the subjects (one folder per subject under evidence/), nothing else.',
    });
  }
}

/** The folder of every evidence key (functions/ports/evidenceStore.ts `evidencePrefixOf`). */
const EVIDENCE_FOLDER = 'evidence/';
