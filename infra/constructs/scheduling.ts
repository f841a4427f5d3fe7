import { ArnFormat, Duration, Stack, Token, Validations } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, Metric, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { Effect, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { CfnSchedule, CfnScheduleGroup } from 'aws-cdk-lib/aws-scheduler';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { METRIC, METRIC_SERVICE, METRICS_NAMESPACE } from '../../functions/shared/metrics.ts';
import { NIGHTLY_CRON, SWEEP_SCHEDULE } from '../definitions.ts';
import { deadLetterAlarm } from './alarms.ts';
import { Layer } from './layer.ts';

/**
 * Deadlines and timed runs: one-time deadline schedules in a group of their own, invoking the deadline
 * function through a role that may do only that; undeliverable invocations go to a DLQ with an alarm.
 * Also the nightly run (02:00 Asia/Shanghai) and the outbox sweep (every five minutes).
 */
export class Scheduling extends Layer {
  readonly groupName: string;
  readonly role: Role;
  readonly deadLetterQueue: Queue;
  /** The deadline function's name and ARN are fixed, so that schedules created at run time can name it. */
  readonly deadlineFunctionName: string;
  readonly deadlineFunctionArn: string;
  private readonly group: CfnScheduleGroup;
  private readonly scheduleArns: string;
  private readonly prefix: string;

  constructor(scope: Construct, id: string, prefix: string) {
    super(scope, id);
    const stack = Stack.of(this);
    this.prefix = prefix;
    this.groupName = `${prefix}-deadlines`;
    this.group = new CfnScheduleGroup(this, 'DeadlineGroup', { name: this.groupName });
    this.deadLetterQueue = new Queue(this, 'DeadlineDlq', {
      queueName: `${prefix}-deadline-dlq`,
      retentionPeriod: Duration.days(14),
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
    });
    Validations.of(this.deadLetterQueue).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: 'This queue is itself the dead-letter queue of the deadline schedules.',
    });
    deadLetterAlarm(
      this,
      'DeadlineDlqAlarm',
      this.deadLetterQueue,
      'A legal deadline could not be delivered: a person must look at it',
    );
    this.role = new Role(this, 'SchedulerRole', {
      assumedBy: new ServicePrincipal('scheduler.amazonaws.com'),
      description: 'EventBridge Scheduler invokes the deadline and nightly functions',
    });
    this.deadlineFunctionName = `${prefix}-deadline`;
    this.deadlineFunctionArn = stack.formatArn({
      service: 'lambda',
      resource: 'function',
      resourceName: this.deadlineFunctionName,
      arnFormat: ArnFormat.COLON_RESOURCE_NAME,
    });
    this.scheduleArns = stack.formatArn({
      service: 'scheduler',
      resource: 'schedule',
      resourceName: `${this.groupName}/*`,
    });
  }

  /** Schedules: create/update/delete in the project's group only; pass the scheduler role only. */
  grantManageDeadlines(fn: IFunction): void {
    const stack = Stack.of(this);
    fn.addToRolePolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: ['scheduler:CreateSchedule', 'scheduler:UpdateSchedule', 'scheduler:DeleteSchedule'],
        resources: [this.scheduleArns],
      }),
    );
    fn.addToRolePolicy(
      new PolicyStatement({ effect: Effect.ALLOW, actions: ['iam:PassRole'], resources: [this.role.roleArn] }),
    );
    Validations.of(fn).acknowledge({
      // cdk-nag renders unresolved tokens as <AWS::…> and resolved ones as their values.
      id: `AwsSolutions::AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:scheduler:${Token.isUnresolved(stack.region) ? '<AWS::Region>' : stack.region}:${Token.isUnresolved(stack.account) ? '<AWS::AccountId>' : stack.account}:schedule/${this.groupName}/*]`,
      reason:
        'One-time deadline schedules are created at run time with names derived from deadline ids; the grant is limited to the project’s schedule group.',
    });
  }

  /**
   * The timed runs: the nightly run → rescore-planner (sweep, missed deadlines, rescoring fan-out);
   * every few minutes → ingest-sweeper (unapplied claims sent again, stuck ones raise an alarm).
   * The scheduler role may invoke the deadline function and these two and write to the deadline DLQ, nothing else.
   */
  runOnSchedule(nightly: IFunction, sweeper: IFunction): void {
    this.role.addToPolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: ['lambda:InvokeFunction'],
        resources: [this.deadlineFunctionArn, nightly.functionArn, sweeper.functionArn],
      }),
    );
    this.role.addToPolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: ['sqs:SendMessage'],
        resources: [this.deadLetterQueue.queueArn],
      }),
    );
    new CfnSchedule(this, 'NightlyRescoring', {
      name: `${this.prefix}-nightly`,
      groupName: this.group.name,
      scheduleExpression: NIGHTLY_CRON.expression,
      scheduleExpressionTimezone: NIGHTLY_CRON.timezone,
      flexibleTimeWindow: { mode: 'OFF' },
      target: {
        arn: nightly.functionArn,
        roleArn: this.role.roleArn,
        retryPolicy: { maximumRetryAttempts: 3, maximumEventAgeInSeconds: 3600 },
        deadLetterConfig: { arn: this.deadLetterQueue.queueArn },
      },
    }).addResourceDependency(this.group);
    new CfnSchedule(this, 'IngestSweep', {
      name: `${this.prefix}-ingest-sweep`,
      groupName: this.group.name,
      scheduleExpression: SWEEP_SCHEDULE.expression,
      flexibleTimeWindow: { mode: 'OFF' },
      target: {
        arn: sweeper.functionArn,
        roleArn: this.role.roleArn,
        retryPolicy: { maximumRetryAttempts: 2, maximumEventAgeInSeconds: 300 },
        deadLetterConfig: { arn: this.deadLetterQueue.queueArn },
      },
    }).addResourceDependency(this.group);
    new Alarm(this, 'StuckClaimsAlarm', {
      alarmDescription:
        'Accepted records could not be applied and were set aside: see GET /v1/ingest/stuck, fix the cause, re-drive',
      metric: new Metric({
        namespace: METRICS_NAMESPACE,
        metricName: METRIC.stuckClaims,
        dimensionsMap: { service: METRIC_SERVICE.ingestSweeper },
        statistic: 'Maximum',
        period: Duration.minutes(5),
      }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
  }
}
