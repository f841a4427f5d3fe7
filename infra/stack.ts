import { type CfnElement, CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { Api, type StaffIssuer } from './constructs/api.ts';
import { Evidence } from './constructs/evidence.ts';
import { Functions } from './constructs/functions.ts';
import { Layer } from './constructs/layer.ts';
import { Queues } from './constructs/queues.ts';
import { Scheduling } from './constructs/scheduling.ts';
import { Storage } from './constructs/storage.ts';
import { QUEUES } from './definitions.ts';

/**
 * The scale-out deployment (docs/aws.md): storage (one table, the webhook secrets), the queues with
 * their DLQs and alarms, scheduling (deadline schedules, the nightly run, the outbox sweep), the HTTP
 * API with a JWT authorizer on staff routes, and one function per handler with least-privilege grants,
 * all read from `infra/definitions.ts`.
 */
export interface EcocreditStackProps extends StackProps {
  /** Resource name prefix (queues, schedules, the deadline function). */
  readonly prefix?: string;
  /**
   * An external OIDC issuer for staff tokens instead of a Cognito user pool: Cognito does not exist
   * in the AWS China regions (cn-north-1, cn-northwest-1), where the department may deploy.
   */
  readonly staffIssuer?: StaffIssuer;
}

export class EcocreditStack extends Stack {
  constructor(scope: Construct, id: string, props: EcocreditStackProps = {}) {
    super(scope, id, props);
    const prefix = props.prefix ?? 'ecocredit';
    const storage = new Storage(this, 'Storage');
    const queues = new Queues(this, 'Queues', prefix);
    const scheduling = new Scheduling(this, 'Scheduling', prefix);
    // `-c siteUrl=https://…`: the site's address when a custom domain fronts the API (default the API's URL);
    // `-c signInDomainPrefix=…`: the Cognito sign-in domain's prefix (docs/web.md).
    const site = {
      url: (this.node.tryGetContext('siteUrl') as string | undefined) || undefined,
      signInDomainPrefix: (this.node.tryGetContext('signInDomainPrefix') as string | undefined) || undefined,
    };
    const api = new Api(this, 'Api', {
      prefix,
      ...(props.staffIssuer ? { staffIssuer: props.staffIssuer } : {}),
      site: Object.fromEntries(Object.entries(site).filter(([, v]) => v !== undefined)),
    });
    const records = QUEUES.find((q) => q.name === 'records')!;
    const evidence = new Evidence(this, 'Evidence', { siteOrigins: [api.api.apiEndpoint] });
    const functions = new Functions(this, 'Functions', {
      storage,
      queues,
      scheduling,
      evidence,
      environment: {
        table: storage.table.tableName,
        recordsQueueUrl: queues.queue('records').queueUrl,
        recordsVisibilitySeconds: String(records.visibilityTimeoutSeconds),
        rescoreQueueUrl: queues.queue('rescore').queueUrl,
        pushQueueUrl: queues.queue('push').queueUrl,
        webhookSecretsArn: storage.webhookSecrets.secretArn,
        webSessionSecretArn: storage.webSessionSecret.secretArn,
        jwtIssuer: api.staff.issuer,
        jwtAudience: api.staff.audience,
        scheduleGroup: scheduling.groupName,
        schedulerRoleArn: scheduling.role.roleArn,
        deadlineFunctionArn: scheduling.deadlineFunctionArn,
        deadlineDlqArn: scheduling.deadLetterQueue.queueArn,
        // `-c creditPlatformUrl=https://…`: where published results go (Art 16(6), 17(8)); unset, they are logged.
        creditPlatformUrl: (this.node.tryGetContext('creditPlatformUrl') as string | undefined) || undefined,
        evidenceBucket: evidence.bucket.bucketName,
      },
    });
    scheduling.runOnSchedule(functions.byName.rescorePlanner, functions.byName.ingestSweeper);
    api.route(functions.byName);

    new CfnOutput(this, 'ApiUrl', { value: api.api.apiEndpoint });
    new CfnOutput(this, 'TableName', { value: storage.table.tableName });
    new CfnOutput(this, 'WebhookSecretsArn', { value: storage.webhookSecrets.secretArn });
    new CfnOutput(this, 'StaffTokenIssuer', { value: api.staff.issuer });
    new CfnOutput(this, 'SiteUrl', { value: api.siteUrl });
    if (api.signInDomain !== undefined) new CfnOutput(this, 'SignInDomain', { value: api.signInDomain });
  }

  /**
   * Resources keep the logical ids they had before the stack was split into layers: a layer's id is
   * left out (a changed logical id would make CloudFormation replace the table, queues and functions).
   */
  protected override allocateLogicalId(element: CfnElement): string {
    const below = element.node.scopes.slice(element.node.scopes.indexOf(this) + 1);
    if (below.length < 2 || !(below[0] instanceof Layer)) return super.allocateLogicalId(element);
    return super.allocateLogicalId({
      stack: this,
      node: { scopes: [this, ...below.slice(1)] },
    } as unknown as CfnElement);
  }
}
