import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { ENV } from '../../functions/shared/env.ts';
import { buildApp } from '../../infra/app.ts';
import { FUNCTIONS, HANDLER_ENTRIES, type HandlerName, QUEUES, ROUTES } from '../../infra/definitions.ts';

/** CDK assertions on the synthesized template (bundling skipped: it is exercised by `cdk synth`). */
let template: Template;
let app: App;
beforeAll(() => {
  app = buildApp(new App({ context: { 'aws:cdk:bundling-stacks': [] } }));
  // cdk-nag's AWS Solutions checks run at synthesis: an unacknowledged finding throws here.
  app.synth();
  template = Template.fromStack(app.node.findChild('Ecocredit') as never);
});

describe('the CDK stack', () => {
  it('passes the cdk-nag AWS Solutions checks', () => {
    expect(() => app.synth()).not.toThrow();
  });

  it('has one on-demand table with PITR, deletion protection, encryption and the indexes of the design', () => {
    template.resourceCountIs('AWS::DynamoDB::GlobalTable', 1);
    template.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      BillingMode: 'PAY_PER_REQUEST',
      KeySchema: [
        { AttributeName: 'PK', KeyType: 'HASH' },
        { AttributeName: 'SK', KeyType: 'RANGE' },
      ],
      SSESpecification: { SSEEnabled: true },
      GlobalSecondaryIndexes: [Match.objectLike({ IndexName: 'GSI1' }), Match.objectLike({ IndexName: 'GSI2' })],
      Replicas: [
        Match.objectLike({
          PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
          DeletionProtectionEnabled: true,
        }),
      ],
    });
  });

  it('has the FIFO records queue with its dead-letter queue after a bounded number of tries, and an alarm', () => {
    const records = QUEUES.find((q) => q.name === 'records')!;
    template.hasResourceProperties('AWS::SQS::Queue', {
      QueueName: 'ecocredit-records.fifo',
      FifoQueue: true,
      VisibilityTimeout: records.visibilityTimeoutSeconds,
      RedrivePolicy: { deadLetterTargetArn: Match.anyValue(), maxReceiveCount: records.maxReceiveCount },
    });
    template.hasResourceProperties('AWS::SQS::Queue', { QueueName: 'ecocredit-records-dlq.fifo', FifoQueue: true });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Threshold: 1,
    });
  });

  it('runs every handler on arm64 with the newest Node runtime', () => {
    const fns = template.findResources('AWS::Lambda::Function', { Properties: { Handler: 'index.handler' } });
    expect(Object.keys(fns)).toHaveLength(Object.keys(HANDLER_ENTRIES).length);
    for (const f of Object.values(fns))
      expect(f.Properties).toMatchObject({
        Runtime: 'nodejs24.x',
        Architectures: ['arm64'],
        TracingConfig: { Mode: 'Active' },
      });
  });

  it('sweeps the ingestion outbox every five minutes and raises an alarm on stuck claims', () => {
    template.hasResourceProperties('AWS::Scheduler::Schedule', {
      Name: 'ecocredit-ingest-sweep',
      ScheduleExpression: 'rate(5 minutes)',
    });
    // Powertools metrics always carry the `service` dimension: an alarm without it would never fire.
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'ecocredit',
      MetricName: 'StuckClaims',
      Dimensions: [{ Name: 'service', Value: 'ingest-sweeper' }],
      Threshold: 1,
    });
    const routes = Object.values(template.findResources('AWS::ApiGatewayV2::Route')).map((r) => [
      r.Properties.RouteKey,
      r.Properties.AuthorizationType,
    ]);
    expect(routes).toContainEqual(['GET /v1/ingest/stuck', 'JWT']);
    expect(routes).toContainEqual(['POST /v1/ingest/stuck/{eventId}/redrive', 'JWT']);
  });

  it('consumes the records queue with partial batch failures', () => {
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      BatchSize: 10,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
    });
  });

  it('puts the JWT authorizer on staff routes only, and throttles the public ones', () => {
    const routes = template.findResources('AWS::ApiGatewayV2::Route');
    const byKey = Object.fromEntries(
      Object.values(routes).map((r) => [r.Properties.RouteKey, r.Properties.AuthorizationType ?? 'NONE']),
    );
    for (const r of ROUTES) expect(byKey[`${r.method} ${r.path}`]).toBe(r.auth === 'jwt' ? 'JWT' : 'NONE');
    template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', { AuthorizerType: 'JWT' });
    const stage = Object.values(template.findResources('AWS::ApiGatewayV2::Stage'))[0]!;
    expect(Object.keys(stage.Properties.RouteSettings).sort()).toEqual(
      ROUTES.filter((r) => r.throttled)
        .map((r) => `${r.method} ${r.path}`)
        .sort(),
    );
    expect(stage.Properties.AccessLogSettings.DestinationArn).toBeDefined();
  });

  it('keeps webhook secrets in Secrets Manager, readable by ingest-http only', () => {
    template.resourceCountIs('AWS::SecretsManager::Secret', 1);
    const policies = template.findResources('AWS::IAM::Policy');
    const readers = Object.entries(policies)
      .filter(([, p]) => JSON.stringify(p.Properties.PolicyDocument).includes('secretsmanager:GetSecretValue'))
      .map(([id]) => id);
    expect(readers).toHaveLength(1);
    expect(readers[0]).toMatch(/^ingestHttp/);
  });

  it('grants the lookup read-only access to the table', () => {
    const policies = template.findResources('AWS::IAM::Policy');
    const [, lookup] = Object.entries(policies).find(([id]) => id.startsWith('scoreLookup'))!;
    const actions = JSON.stringify(lookup.Properties.PolicyDocument);
    expect(actions).toContain('dynamodb:GetItem');
    expect(actions).not.toContain('dynamodb:PutItem');
    expect(actions).not.toContain('sqs:SendMessage');
  });

  it('schedules the nightly run at 02:00 Asia/Shanghai through the scheduler role', () => {
    template.hasResourceProperties('AWS::Scheduler::ScheduleGroup', { Name: 'ecocredit-deadlines' });
    template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'cron(0 2 * * ? *)',
      ScheduleExpressionTimezone: 'Asia/Shanghai',
      FlexibleTimeWindow: { Mode: 'OFF' },
      Target: Match.objectLike({ RetryPolicy: Match.anyValue(), DeadLetterConfig: Match.anyValue() }),
    });
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      BatchSize: 5,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
    });
    template.hasResourceProperties('AWS::SQS::Queue', { QueueName: 'ecocredit-rescore' });
    template.hasResourceProperties('AWS::SQS::Queue', { QueueName: 'ecocredit-deadline-dlq' });
  });

  it('lets functions manage schedules in the project’s group only, and pass the scheduler role only', () => {
    const policies = template.findResources('AWS::IAM::Policy');
    const statements = Object.entries(policies).flatMap(([id, p]) =>
      (p.Properties.PolicyDocument.Statement as { Action: string | string[]; Resource: unknown }[]).map((st) => ({
        id,
        ...st,
      })),
    );
    const scheduling = statements.filter((st) => [st.Action].flat().includes('scheduler:CreateSchedule'));
    expect(scheduling.map((st) => st.id.replace(/ServiceRole.*/, '')).sort()).toEqual([
      'cyclesApi',
      'deadline',
      'ingestWorker',
      'repairsApi',
      'rescorePlanner',
    ]);
    for (const st of scheduling) expect(JSON.stringify(st.Resource)).toContain(':schedule/ecocredit-deadlines/*');
    const passRole = statements.filter((st) => [st.Action].flat().includes('iam:PassRole'));
    for (const st of passRole) expect(JSON.stringify(st.Resource)).toContain('SchedulerRole');
    const invoke = statements.filter(
      (st) => st.id.startsWith('SchedulerRole') && [st.Action].flat().includes('lambda:InvokeFunction'),
    );
    expect(invoke).toHaveLength(1);
  });

  it('gives each function only the environment variables it reads, and runs it with its source maps', () => {
    const fns = template.findResources('AWS::Lambda::Function', { Properties: { Handler: 'index.handler' } });
    for (const [logicalId, f] of Object.entries(fns)) {
      const name = (Object.keys(FUNCTIONS) as HandlerName[]).find(
        (n) => logicalId.startsWith(n) && !logicalId.slice(n.length, n.length + 1).match(/[a-z]/),
      )!;
      const expected = FUNCTIONS[name].environment.filter((k) => k !== 'creditPlatformUrl').map((k) => ENV[k]);
      const variables = f.Properties.Environment.Variables as Record<string, unknown>;
      expect(
        Object.keys(variables)
          .filter((v) => v.startsWith('ECOCREDIT_'))
          .sort(),
      ).toEqual(expected.sort());
      expect(variables.NODE_OPTIONS).toBe('--enable-source-maps');
      expect(f.Properties).toMatchObject({
        MemorySize: FUNCTIONS[name].memoryMb,
        Timeout: FUNCTIONS[name].timeoutSeconds,
      });
    }
  });

  it('wires each queue to its declared consumer', () => {
    const mappings = Object.values(template.findResources('AWS::Lambda::EventSourceMapping'));
    expect(mappings).toHaveLength(QUEUES.length);
    for (const q of QUEUES) {
      const m = mappings.find((x) => JSON.stringify(x.Properties.EventSourceArn).includes(`${q.name}Queue`))!;
      expect(JSON.stringify(m.Properties.FunctionName)).toContain(q.consumer);
      expect(m.Properties).toMatchObject({
        BatchSize: q.batchSize,
        FunctionResponseTypes: ['ReportBatchItemFailures'],
      });
    }
  });

  it('has a Cognito staff pool with MFA required and no self sign-up', () => {
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      MfaConfiguration: 'ON',
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
    });
  });
});

describe('the CDK stack with an external staff token issuer (AWS China regions have no Cognito)', () => {
  it('uses a plain JWT authorizer on that issuer and creates no user pool', () => {
    const app = buildApp(
      new App({
        context: {
          'aws:cdk:bundling-stacks': [],
          staffIssuer: 'https://id.nmg.example/realms/eco',
          staffAudience: 'ecocredit',
        },
      }),
    );
    app.synth();
    const t = Template.fromStack(app.node.findChild('Ecocredit') as never);
    t.resourceCountIs('AWS::Cognito::UserPool', 0);
    t.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      JwtConfiguration: { Issuer: 'https://id.nmg.example/realms/eco', Audience: ['ecocredit'] },
    });
  });
});
