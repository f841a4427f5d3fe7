import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { ENV } from '../../functions/shared/env.ts';
import { buildApp } from '../../infra/app.ts';
import { FUNCTIONS, HANDLER_ENTRIES, type HandlerName, PAGE_ROUTES, QUEUES, ROUTES } from '../../infra/definitions.ts';

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

  it('puts the JWT authorizer on staff routes only, and throttles the public ones and every page', () => {
    const routes = template.findResources('AWS::ApiGatewayV2::Route');
    const byKey = Object.fromEntries(
      Object.values(routes).map((r) => [r.Properties.RouteKey, r.Properties.AuthorizationType ?? 'NONE']),
    );
    for (const r of ROUTES) expect(byKey[`${r.method} ${r.path}`]).toBe(r.auth === 'jwt' ? 'JWT' : 'NONE');
    template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', { AuthorizerType: 'JWT' });
    const stage = Object.values(template.findResources('AWS::ApiGatewayV2::Stage'))[0]!;
    expect(Object.keys(stage.Properties.RouteSettings).sort()).toEqual(
      [...ROUTES, ...PAGE_ROUTES]
        .filter((r) => r.throttled)
        .map((r) => `${r.method} ${r.path}`)
        .sort(),
    );
    expect(stage.Properties.AccessLogSettings.DestinationArn).toBeDefined();
  });

  it('routes every page to the web function and every download to the exports function, without the JWT authorizer (the pages have their own sessions), throttled', () => {
    const routes = Object.values(template.findResources('AWS::ApiGatewayV2::Route'));
    const integrations = template.findResources('AWS::ApiGatewayV2::Integration');
    const stage = Object.values(template.findResources('AWS::ApiGatewayV2::Stage'))[0]!;
    const functionIds = Object.keys(template.findResources('AWS::Lambda::Function'));
    expect(PAGE_ROUTES.map((r) => `${r.method} ${r.path}`)).toEqual(
      expect.arrayContaining(['GET /', 'GET /auth/{proxy+}', 'POST /auth/{proxy+}', 'GET /console/{proxy+}']),
    );
    for (const page of PAGE_ROUTES) {
      const key = `${page.method} ${page.path}`;
      const route = routes.find((r) => r.Properties.RouteKey === key);
      expect(route, key).toBeDefined();
      expect(route!.Properties.AuthorizationType ?? 'NONE').toBe('NONE');
      const target = JSON.stringify(route!.Properties.Target);
      const integration = Object.entries(integrations).find(([id]) => target.includes(id))![1];
      expect(JSON.stringify(integration.Properties.IntegrationUri)).toContain(
        `"${functionIds.find((id) => functionOf(id) === page.handler)}"`,
      );
      expect(stage.Properties.RouteSettings[key]).toEqual({ throttlingRateLimit: 50, throttlingBurstLimit: 100 });
    }
  });

  it('runs the web function from its composition root with its own settings', () => {
    expect(FUNCTIONS.web.entry).toBe('functions/web/main.ts');
    const fns = template.findResources('AWS::Lambda::Function', { Properties: { Handler: 'index.handler' } });
    const web = Object.entries(fns).find(([id]) => /^web[A-Z0-9]/.test(id));
    expect(web).toBeDefined();
    expect(web![1].Properties).toMatchObject({
      MemorySize: FUNCTIONS.web.memoryMb,
      Timeout: FUNCTIONS.web.timeoutSeconds,
    });
    const variables = Object.keys(web![1].Properties.Environment.Variables);
    expect(variables).toEqual(expect.arrayContaining([ENV.jwtIssuer, ENV.jwtAudience, ENV.webSessionSecretArn]));
    expect(variables).not.toContain(ENV.webhookSecretsArn);
  });

  it('keeps the webhook secrets and the site’s cookie key in Secrets Manager, each readable by its own function only', () => {
    template.resourceCountIs('AWS::SecretsManager::Secret', 2);
    const secrets = template.findResources('AWS::SecretsManager::Secret');
    const webhookId = Object.keys(secrets).find((id) => id.startsWith('WebhookSecrets'))!;
    const sessionId = Object.keys(secrets).find((id) => id.startsWith('WebSessionSecret'))!;
    const policies = template.findResources('AWS::IAM::Policy');
    const readersOf = (secretId: string) =>
      Object.entries(policies)
        .filter(([, p]) =>
          (p.Properties.PolicyDocument.Statement as { Action: string | string[]; Resource: unknown }[]).some(
            (st) =>
              [st.Action].flat().includes('secretsmanager:GetSecretValue') &&
              JSON.stringify(st.Resource).includes(secretId),
          ),
        )
        .map(([id]) => id.replace(/ServiceRole.*/, ''));
    expect(readersOf(webhookId)).toEqual(['ingestHttp']);
    expect(readersOf(sessionId).sort()).toEqual(['web', 'webExports']);
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
      'objectionFilingApi',
      'objectionsApi',
      'repairsApi',
      'rescorePlanner',
      'web',
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
      const name = functionOf(logicalId)!;
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

  it('signs people in to the pages at the pool’s domain: a public client with the code grant, back to the API’s URL', () => {
    template.resourceCountIs('AWS::Cognito::UserPoolDomain', 1);
    template.resourceCountIs('AWS::Cognito::UserPoolClient', 1);
    const client = Object.values(template.findResources('AWS::Cognito::UserPoolClient'))[0]!.Properties;
    expect(client).toMatchObject({
      GenerateSecret: false,
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthFlows: ['code'],
      AllowedOAuthScopes: ['openid', 'profile'],
      SupportedIdentityProviders: ['COGNITO'],
      PreventUserExistenceErrors: 'ENABLED',
    });
    // Default site: the API's own URL.
    const apiId = Object.keys(template.findResources('AWS::ApiGatewayV2::Api'))[0]!;
    const siteUrl = { 'Fn::GetAtt': [apiId, 'ApiEndpoint'] };
    expect(client.CallbackURLs).toEqual([{ 'Fn::Join': ['', [siteUrl, '/auth/callback']] }]);
    expect(client.LogoutURLs).toEqual([{ 'Fn::Join': ['', [siteUrl, '/']] }]);
    // A session lasts no longer than its ID token, and a staff token at most 12 hours.
    const hours =
      client.TokenValidityUnits?.IdToken === 'minutes' ? client.IdTokenValidity / 60 : client.IdTokenValidity;
    expect(hours).toBeGreaterThan(0);
    expect(hours).toBeLessThanOrEqual(12);
    // Nobody writes their own role, league or subject.
    expect(client.WriteAttributes.some((a: string) => a.startsWith('custom:'))).toBe(false);
    // The API's tokens and the pages' sign-in share the client: its id is the tokens' audience.
    const web = Object.entries(template.findResources('AWS::Lambda::Function')).find(([id]) =>
      /^web[A-Z0-9]/.test(id),
    )!;
    expect(JSON.stringify(web[1].Properties.Environment.Variables[ENV.jwtAudience])).toContain('StaffWeb');
  });
});

describe('the CDK stack with a site address and sign-in domain of its own', () => {
  it('returns the sign-in to the site and names the domain after the given prefix', () => {
    const app = buildApp(
      new App({
        context: {
          'aws:cdk:bundling-stacks': [],
          siteUrl: 'https://credit.sthjt.nmg.example/',
          signInDomainPrefix: 'nmg-ecocredit',
        },
      }),
    );
    app.synth();
    const t = Template.fromStack(app.node.findChild('Ecocredit') as never);
    t.hasResourceProperties('AWS::Cognito::UserPoolDomain', { Domain: 'nmg-ecocredit' });
    t.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      CallbackURLs: ['https://credit.sthjt.nmg.example/auth/callback'],
      LogoutURLs: ['https://credit.sthjt.nmg.example/'],
    });
    t.hasOutput('SiteUrl', { Value: 'https://credit.sthjt.nmg.example' });
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
    t.resourceCountIs('AWS::Cognito::UserPoolDomain', 0);
    t.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      JwtConfiguration: { Issuer: 'https://id.nmg.example/realms/eco', Audience: ['ecocredit'] },
    });
  });
});

/** The function a logical id belongs to: the longest function name it starts with (`webExports…` is not `web`). */
function functionOf(logicalId: string): HandlerName | undefined {
  return (Object.keys(FUNCTIONS) as HandlerName[])
    .filter((n) => logicalId.startsWith(n) && !/^[a-z]/.test(logicalId.slice(n.length, n.length + 1)))
    .sort((a, b) => b.length - a.length)[0];
}
