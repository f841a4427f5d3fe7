import { ArnFormat, CfnOutput, Duration, RemovalPolicy, Stack, type StackProps, Token, Validations } from 'aws-cdk-lib';
import { HttpApi, HttpMethod, HttpStage, type CfnStage } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer, HttpUserPoolAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { FeaturePlan, Mfa, StandardThreatProtectionMode, StringAttribute, UserPool } from 'aws-cdk-lib/aws-cognito';
import { AttributeType, Billing, TableEncryptionV2, TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Architecture, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Effect, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { CfnSchedule, CfnScheduleGroup } from 'aws-cdk-lib/aws-scheduler';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { deadLetterQueueName, ENV, HANDLER_ENTRIES, type HandlerName, NIGHTLY_CRON, QUEUES, queueName, ROUTES, TABLE } from './definitions.ts';

/**
 * The scale-out deployment (ARCHITECTURE.md "On AWS"): one table, the records FIFO queue with its
 * DLQ and alarm, an HTTP API with a Cognito JWT authorizer on staff routes, one NodejsFunction per
 * handler with least-privilege grants, webhook secrets in Secrets Manager.
 */
export interface EcocreditStackProps extends StackProps {
  /** Resource name prefix (queues). */
  readonly prefix?: string;
  /**
   * An external OIDC issuer for staff tokens instead of a Cognito user pool: Cognito does not exist
   * in the AWS China regions (cn-north-1, cn-northwest-1), where the department may deploy.
   */
  readonly staffIssuer?: { readonly issuer: string; readonly audience: string };
}

/** ESM bundles that include the SDK need `require` (STACK.md). */
const ESM_REQUIRE_BANNER = "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);";

export class EcocreditStack extends Stack {
  constructor(scope: Construct, id: string, props: EcocreditStackProps = {}) {
    super(scope, id, props);
    const prefix = props.prefix ?? 'ecocredit';

    const table = new TableV2(this, 'Table', {
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

    const queues = new Map<string, Queue>();
    for (const q of QUEUES) {
      const dlq = new Queue(this, `${q.name}Dlq`, {
        queueName: deadLetterQueueName(prefix, q),
        fifo: q.fifo || undefined,
        retentionPeriod: Duration.days(14),
        encryption: QueueEncryption.SQS_MANAGED,
        enforceSSL: true,
      });
      Validations.of(dlq).acknowledge({ id: 'AwsSolutions-SQS3', reason: 'This queue is itself a dead-letter queue.' });
      this.dlqAlarm(`${q.name}DlqAlarm`, dlq, `Messages in the ${q.name} dead-letter queue need a person`);
      queues.set(
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
    const records = queues.get('records')!;
    const rescore = queues.get('rescore')!;
    const push = queues.get('push')!;

    // Deadlines: one-time schedules in a group of their own, invoking the deadline function through a
    // role that may do only that; undeliverable invocations go to a DLQ with an alarm.
    const scheduleGroup = new CfnScheduleGroup(this, 'DeadlineGroup', { name: `${prefix}-deadlines` });
    const deadlineDlq = new Queue(this, 'DeadlineDlq', { queueName: `${prefix}-deadline-dlq`, retentionPeriod: Duration.days(14), encryption: QueueEncryption.SQS_MANAGED, enforceSSL: true });
    Validations.of(deadlineDlq).acknowledge({ id: 'AwsSolutions-SQS3', reason: 'This queue is itself the dead-letter queue of the deadline schedules.' });
    this.dlqAlarm('DeadlineDlqAlarm', deadlineDlq, 'A legal deadline could not be delivered: a person must look at it');
    const schedulerRole = new Role(this, 'SchedulerRole', { assumedBy: new ServicePrincipal('scheduler.amazonaws.com'), description: 'EventBridge Scheduler invokes the deadline and nightly functions' });
    const deadlineFunctionName = `${prefix}-deadline`;
    const deadlineFunctionArn = this.formatArn({ service: 'lambda', resource: 'function', resourceName: deadlineFunctionName, arnFormat: ArnFormat.COLON_RESOURCE_NAME });
    const scheduleArns = this.formatArn({ service: 'scheduler', resource: 'schedule', resourceName: `${prefix}-deadlines/*` });

    const webhookSecrets = new Secret(this, 'WebhookSecrets', {
      description: 'Per-source Standard Webhooks secrets of the enforcement platforms: {"source": "whsec_..."}',
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(webhookSecrets).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason: 'Each secret is shared with an outside enforcement platform; it is rotated by agreement with that platform, not automatically.',
    });

    const staffAuth = props.staffIssuer ? this.externalIssuer(props.staffIssuer) : this.cognitoPool();

    const environment = {
      [ENV.table]: table.tableName,
      [ENV.recordsQueueUrl]: records.queueUrl,
      [ENV.webhookSecretsArn]: webhookSecrets.secretArn,
      [ENV.jwtIssuer]: staffAuth.issuer,
      [ENV.jwtAudience]: staffAuth.audience,
      [ENV.rescoreQueueUrl]: rescore.queueUrl,
      [ENV.scheduleGroup]: `${prefix}-deadlines`,
      [ENV.schedulerRoleArn]: schedulerRole.roleArn,
      [ENV.deadlineFunctionArn]: deadlineFunctionArn,
      [ENV.deadlineDlqArn]: deadlineDlq.queueArn,
      [ENV.pushQueueUrl]: push.queueUrl,
      // `-c creditPlatformUrl=https://…`: where published results go (Art 16(6), 17(8)); unset, they are logged.
      ...(this.node.tryGetContext('creditPlatformUrl') ? { [ENV.creditPlatformUrl]: this.node.tryGetContext('creditPlatformUrl') as string } : {}),
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    };
    const fns = {} as Record<HandlerName, NodejsFunction>;
    for (const name of Object.keys(HANDLER_ENTRIES) as HandlerName[]) {
      fns[name] = new NodejsFunction(this, name, {
        entry: HANDLER_ENTRIES[name],
        handler: 'handler',
        ...(name === 'deadline' ? { functionName: deadlineFunctionName } : {}),
        runtime: Runtime.NODEJS_24_X,
        architecture: Architecture.ARM_64,
        memorySize: name === 'ingestWorker' || name === 'rescoreWorker' ? 1024 : 512,
        timeout: Duration.seconds(name === 'ingestWorker' ? 50 : name === 'rescoreWorker' ? 280 : name === 'rescorePlanner' ? 900 : 10),
        tracing: Tracing.ACTIVE,
        environment,
        logGroup: new LogGroup(this, `${name}Logs`, { retention: RetentionDays.ONE_YEAR, removalPolicy: RemovalPolicy.RETAIN }),
        bundling: { format: OutputFormat.ESM, minify: true, sourceMap: true, target: 'node22', banner: ESM_REQUIRE_BANNER, mainFields: ['module', 'main'] },
      });
      const v = Validations.of(fns[name]);
      v.acknowledge({
        id: 'AwsSolutions::AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
        reason: 'The basic execution role only lets the function write its own CloudWatch logs.',
      });
      v.acknowledge({ id: 'AwsSolutions::AwsSolutions-IAM5[Resource::*]', reason: 'X-Ray tracing (PutTraceSegments, PutTelemetryRecords) has no resource-level permissions.' });
      v.acknowledge({
        id: `AwsSolutions::AwsSolutions-IAM5[Resource::<${this.getLogicalId(table.node.defaultChild as never)}.Arn>/index/*]`,
        reason: 'The grant covers the global secondary indexes of this one table (league, year and due-time lists), nothing else.',
      });
    }

    // Least privilege: each function gets the actions it uses, on this table and queue only.
    const read = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query'];
    table.grant(fns.ingestHttp, ...read, 'dynamodb:PutItem', 'dynamodb:UpdateItem');
    table.grant(fns.ingestWorker, ...read, 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:ConditionCheckItem');
    table.grant(fns.scoreLookup, ...read);
    table.grant(fns.registerSubject, ...read, 'dynamodb:PutItem', 'dynamodb:DeleteItem');
    table.grant(fns.health, 'dynamodb:GetItem');
    records.grantSendMessages(fns.ingestHttp);
    records.grantSendMessages(fns.ingestWorker);
    records.grantSendMessages(fns.registerSubject);
    table.grant(fns.cyclesApi, ...read, 'dynamodb:PutItem', 'dynamodb:DeleteItem', 'dynamodb:ConditionCheckItem');
    table.grant(fns.repairsApi, ...read, 'dynamodb:PutItem', 'dynamodb:DeleteItem', 'dynamodb:ConditionCheckItem');
    records.grantSendMessages(fns.repairsApi);
    table.grant(fns.deadline, ...read, 'dynamodb:PutItem', 'dynamodb:DeleteItem', 'dynamodb:ConditionCheckItem');
    table.grant(fns.rescorePlanner, ...read, 'dynamodb:PutItem', 'dynamodb:DeleteItem', 'dynamodb:ConditionCheckItem');
    table.grant(fns.rescoreWorker, ...read, 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:ConditionCheckItem');
    webhookSecrets.grantRead(fns.ingestHttp);
    records.grantSendMessages(fns.cyclesApi);
    records.grantSendMessages(fns.deadline);
    records.grantSendMessages(fns.rescorePlanner);
    rescore.grantSendMessages(fns.rescorePlanner);
    rescore.grantSendMessages(fns.cyclesApi); // publication fan-out after the region's `published` act
    // Schedules: create/update/delete in the project's group only; pass the scheduler role only.
    for (const fn of [fns.cyclesApi, fns.deadline, fns.rescorePlanner, fns.ingestWorker, fns.repairsApi]) {
      fn.addToRolePolicy(new PolicyStatement({ effect: Effect.ALLOW, actions: ['scheduler:CreateSchedule', 'scheduler:UpdateSchedule', 'scheduler:DeleteSchedule'], resources: [scheduleArns] }));
      fn.addToRolePolicy(new PolicyStatement({ effect: Effect.ALLOW, actions: ['iam:PassRole'], resources: [schedulerRole.roleArn] }));
      Validations.of(fn).acknowledge({
        // cdk-nag renders unresolved tokens as <AWS::…> and resolved ones as their values.
        id: `AwsSolutions::AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:scheduler:${Token.isUnresolved(this.region) ? '<AWS::Region>' : this.region}:${Token.isUnresolved(this.account) ? '<AWS::AccountId>' : this.account}:schedule/${prefix}-deadlines/*]`,
        reason: 'One-time deadline schedules are created at run time with names derived from deadline ids; the grant is limited to the project’s schedule group.',
      });
    }
    // The scheduler role may invoke the deadline and nightly functions and write to the deadline DLQ, nothing else.
    schedulerRole.addToPolicy(new PolicyStatement({ effect: Effect.ALLOW, actions: ['lambda:InvokeFunction'], resources: [deadlineFunctionArn, fns.rescorePlanner.functionArn] }));
    schedulerRole.addToPolicy(new PolicyStatement({ effect: Effect.ALLOW, actions: ['sqs:SendMessage'], resources: [deadlineDlq.queueArn] }));
    const consumer = (name: string) => QUEUES.find((q) => q.name === name)!;
    fns.ingestWorker.addEventSource(new SqsEventSource(records, { batchSize: consumer('records').batchSize, reportBatchItemFailures: true }));
    fns.rescoreWorker.addEventSource(new SqsEventSource(rescore, { batchSize: consumer('rescore').batchSize, reportBatchItemFailures: true }));
    fns.pushWorker.addEventSource(new SqsEventSource(push, { batchSize: consumer('push').batchSize, reportBatchItemFailures: true }));
    push.grantSendMessages(fns.rescoreWorker);

    // The nightly run: 02:00 Asia/Shanghai → rescore-planner (sweep, then rescoring fan-out).
    new CfnSchedule(this, 'NightlyRescoring', {
      name: `${prefix}-nightly`,
      groupName: scheduleGroup.name,
      scheduleExpression: NIGHTLY_CRON.expression,
      scheduleExpressionTimezone: NIGHTLY_CRON.timezone,
      flexibleTimeWindow: { mode: 'OFF' },
      target: {
        arn: fns.rescorePlanner.functionArn,
        roleArn: schedulerRole.roleArn,
        retryPolicy: { maximumRetryAttempts: 3, maximumEventAgeInSeconds: 3600 },
        deadLetterConfig: { arn: deadlineDlq.queueArn },
      },
    }).addDependency(scheduleGroup);

    const api = new HttpApi(this, 'Api', { apiName: `${prefix}-api`, createDefaultStage: false });
    const accessLogs = new LogGroup(this, 'ApiAccessLogs', { retention: RetentionDays.ONE_YEAR, removalPolicy: RemovalPolicy.RETAIN });
    const stage = new HttpStage(this, 'ApiStage', {
      httpApi: api,
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: 200, burstLimit: 400 },
    });
    // Access logging and a stricter limit on the public routes (webhooks, public lookups, health).
    const cfnStage = stage.node.defaultChild as CfnStage;
    cfnStage.accessLogSettings = {
      destinationArn: accessLogs.logGroupArn,
      format: JSON.stringify({ requestId: '$context.requestId', ip: '$context.identity.sourceIp', routeKey: '$context.routeKey', status: '$context.status', latency: '$context.responseLatency' }),
    };
    cfnStage.routeSettings = Object.fromEntries(
      ROUTES.filter((r) => r.throttled).map((r) => [`${r.method} ${r.path}`, { throttlingRateLimit: 50, throttlingBurstLimit: 100 }]),
    );
    const authorizer = staffAuth.authorizer;
    for (const r of ROUTES) {
      const routes = api.addRoutes({
        path: r.path,
        methods: [HttpMethod[r.method]],
        integration: new HttpLambdaIntegration(`${r.handler}${r.method}Integration`, fns[r.handler]),
        ...(r.auth === 'jwt' ? { authorizer } : {}),
      });
      if (r.auth !== 'jwt')
        for (const route of routes)
          Validations.of(route).acknowledge({
            id: 'AwsSolutions-APIG4',
            reason:
              r.handler === 'ingestHttp'
                ? 'Webhooks are authenticated by their Standard Webhooks signature (per-source secret), checked in the handler.'
                : r.handler === 'scoreLookup'
                  ? 'Public lookups of published grades are the regulation’s purpose (Art 15, 16(5)); staff tokens on this route are verified in the handler.'
                  : 'Health check for load balancers and monitors; it reveals nothing.',
          });
    }

    new CfnOutput(this, 'ApiUrl', { value: api.apiEndpoint });
    new CfnOutput(this, 'TableName', { value: table.tableName });
    new CfnOutput(this, 'WebhookSecretsArn', { value: webhookSecrets.secretArn });
    new CfnOutput(this, 'StaffTokenIssuer', { value: staffAuth.issuer });
  }

  /** A dead-letter queue with anything in it needs a person. */
  private dlqAlarm(id: string, dlq: Queue, description: string): void {
    new Alarm(this, id, {
      alarmDescription: description,
      metric: dlq.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5) }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
  }

  /** Staff sign in to a Cognito user pool: MFA required, no self sign-up, custom role/league/subject. */
  private cognitoPool() {
    const staff = new UserPool(this, 'StaffPool', {
      selfSignUpEnabled: false,
      signInAliases: { username: true, email: true },
      passwordPolicy: { minLength: 12, requireDigits: true, requireLowercase: true, requireUppercase: true, requireSymbols: true },
      mfa: Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      featurePlan: FeaturePlan.PLUS,
      standardThreatProtectionMode: StandardThreatProtectionMode.FULL_FUNCTION,
      customAttributes: {
        role: new StringAttribute({ mutable: true }),
        league: new StringAttribute({ mutable: true }),
        subject: new StringAttribute({ mutable: true }),
      },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const client = staff.addClient('StaffWeb', { authFlows: { userSrp: true }, generateSecret: false });
    return {
      issuer: `https://cognito-idp.${this.region}.amazonaws.com/${staff.userPoolId}`,
      audience: client.userPoolClientId,
      authorizer: new HttpUserPoolAuthorizer('StaffAuthorizer', staff, { userPoolClients: [client] }),
    };
  }

  private externalIssuer(external: { issuer: string; audience: string }) {
    return { ...external, authorizer: new HttpJwtAuthorizer('StaffAuthorizer', external.issuer, { jwtAudience: [external.audience] }) };
  }
}
