import { App, Stack, Validations } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { AwsSolutionsChecks } from 'cdk-nag';
import { beforeAll, describe, expect, it } from 'vitest';
import { Evidence } from '../../../infra/constructs/evidence.ts';

/** The bucket of repair evidence files, synthesized alone with cdk-nag's AWS Solutions checks. */
let app: App;
let template: Template;
beforeAll(() => {
  app = new App();
  const stack = new Stack(app, 'EvidenceOnly');
  const evidence = new Evidence(stack, 'Evidence', { siteOrigins: ['https://site.example'] });
  evidence.grantFiles(new Role(stack, 'Web', { assumedBy: new ServicePrincipal('lambda.amazonaws.com') }));
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  app.synth();
  template = Template.fromStack(stack);
});

const evidenceBucket = () =>
  Object.values(
    template.findResources('AWS::S3::Bucket', { Properties: { VersioningConfiguration: Match.anyValue() } }),
  );

describe('the evidence bucket', () => {
  it('passes the cdk-nag AWS Solutions checks', () => {
    expect(() => app.synth()).not.toThrow();
  });

  it('is encrypted, versioned, private and logged', () => {
    expect(evidenceBucket()).toHaveLength(1);
    template.hasResourceProperties('AWS::S3::Bucket', {
      VersioningConfiguration: { Status: 'Enabled' },
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
      },
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      LoggingConfiguration: { DestinationBucketName: Match.anyValue(), LogFilePrefix: 'evidence/' },
    });
  });

  it('is reached over TLS only', () => {
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Deny',
            Action: 's3:*',
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          }),
        ]),
      },
    });
  });

  it('lets the site’s pages post uploads (CORS) and keeps old versions 90 days', () => {
    const props = evidenceBucket()[0]!.Properties;
    expect(props.CorsConfiguration.CorsRules).toEqual([
      { AllowedHeaders: ['*'], AllowedMethods: ['POST'], AllowedOrigins: ['https://site.example'], MaxAge: 3000 },
    ]);
    expect(props.LifecycleConfiguration.Rules).toEqual([
      expect.objectContaining({
        Status: 'Enabled',
        AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 },
        NoncurrentVersionExpiration: { NoncurrentDays: 90 },
        Transitions: [{ StorageClass: 'STANDARD_IA', TransitionInDays: 90 }],
      }),
    ]);
  });

  it('lets the web function read, write and remove evidence files only, and list only their folder', () => {
    const policies = Object.values(template.findResources('AWS::IAM::Policy'));
    expect(policies).toHaveLength(1);
    const statements = policies[0]!.Properties.PolicyDocument.Statement;
    expect(statements).toEqual([
      expect.objectContaining({
        Action: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'],
        Effect: 'Allow',
        Resource: {
          'Fn::Join': ['', [{ 'Fn::GetAtt': [expect.stringMatching(/^EvidenceBucket/), 'Arn'] }, '/evidence/*']],
        },
      }),
      expect.objectContaining({
        Action: 's3:ListBucket',
        Condition: { StringLike: { 's3:prefix': 'evidence/*' } },
        Resource: { 'Fn::GetAtt': [expect.stringMatching(/^EvidenceBucket/), 'Arn'] },
      }),
    ]);
  });
});
