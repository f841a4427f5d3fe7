import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { Architecture, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { ENV, type EnvKey } from '../../functions/shared/env.ts';
import { BUNDLING, NODE_OPTIONS } from '../bundling.ts';
import { FUNCTIONS, type HandlerName, QUEUES } from '../definitions.ts';
import type { Evidence } from './evidence.ts';
import { Layer } from './layer.ts';
import type { Queues } from './queues.ts';
import type { Scheduling } from './scheduling.ts';
import type { Storage } from './storage.ts';

export interface FunctionsProps {
  readonly storage: Storage;
  readonly queues: Queues;
  readonly scheduling: Scheduling;
  /** The bucket of repair evidence files. */
  readonly evidence: Evidence;
  /** The value of each environment variable a function may read; an absent optional one is not set. */
  readonly environment: Readonly<Record<EnvKey, string | undefined>>;
}

/**
 * One NodejsFunction per entry of `FUNCTIONS` (arm64, Node 24, ESM bundles of `infra/bundling.ts`),
 * each given only the environment variables it reads and the grants it declares, and each queue of
 * `QUEUES` wired to its declared consumer with partial batch failures.
 */
export class Functions extends Layer {
  readonly byName: Readonly<Record<HandlerName, NodejsFunction>>;

  constructor(scope: Construct, id: string, props: FunctionsProps) {
    super(scope, id);
    const { storage, queues, scheduling } = props;
    const tableLogicalId = Stack.of(this).getLogicalId(storage.table.node.defaultChild as never);
    const byName = {} as Record<HandlerName, NodejsFunction>;
    for (const [name, def] of Object.entries(FUNCTIONS) as [HandlerName, (typeof FUNCTIONS)[HandlerName]][]) {
      const fn = new NodejsFunction(this, name, {
        entry: def.entry,
        handler: 'handler',
        ...(name === 'deadline' ? { functionName: scheduling.deadlineFunctionName } : {}),
        runtime: Runtime.NODEJS_24_X,
        architecture: Architecture.ARM_64,
        memorySize: def.memoryMb,
        timeout: Duration.seconds(def.timeoutSeconds),
        tracing: Tracing.ACTIVE,
        environment: {
          ...Object.fromEntries(
            def.environment.flatMap((key) =>
              props.environment[key] === undefined ? [] : [[ENV[key], props.environment[key]]],
            ),
          ),
          NODE_OPTIONS,
          AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
        },
        logGroup: new LogGroup(this, `${name}Logs`, {
          retention: RetentionDays.ONE_YEAR,
          removalPolicy: RemovalPolicy.RETAIN,
        }),
        bundling: {
          format: OutputFormat.ESM,
          target: BUNDLING.target,
          minify: BUNDLING.minify,
          sourceMap: BUNDLING.sourceMap,
          sourcesContent: BUNDLING.sourcesContent,
          mainFields: [...BUNDLING.mainFields],
          externalModules: [...BUNDLING.externalModules],
          banner: BUNDLING.banner,
          // Passed as an argument: this version of NodejsFunction does not hand its `charset` option to esbuild.
          esbuildArgs: { '--charset': BUNDLING.charset },
        },
      });
      const g = def.grants;
      if (g.table) storage.table.grant(fn, ...g.table.map((a) => `dynamodb:${a}`));
      for (const q of g.sendTo ?? []) queues.queue(q).grantSendMessages(fn);
      if (g.webhookSecrets) storage.webhookSecrets.grantRead(fn);
      if (g.webSessionSecret) storage.webSessionSecret.grantRead(fn);
      if (g.deadlineSchedules) scheduling.grantManageDeadlines(fn);
      if (g.evidenceFiles) props.evidence.grantFiles(fn);
      const v = Validations.of(fn);
      v.acknowledge({
        id: 'AwsSolutions::AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
        reason: 'The basic execution role only lets the function write its own CloudWatch logs.',
      });
      v.acknowledge({
        id: 'AwsSolutions::AwsSolutions-IAM5[Resource::*]',
        reason: 'X-Ray tracing (PutTraceSegments, PutTelemetryRecords) has no resource-level permissions.',
      });
      v.acknowledge({
        id: `AwsSolutions::AwsSolutions-IAM5[Resource::<${tableLogicalId}.Arn>/index/*]`,
        reason:
          'The grant covers the global secondary indexes of this one table (league, year and due-time lists), nothing else.',
      });
      byName[name] = fn;
    }
    for (const q of QUEUES)
      byName[q.consumer].addEventSource(
        new SqsEventSource(queues.queue(q.name), { batchSize: q.batchSize, reportBatchItemFailures: true }),
      );
    this.byName = byName;
  }
}
