/**
 * What the deployment is made of, as plain data read by both the CDK stack and the local runtime,
 * so the two cannot drift apart (ARCHITECTURE.md).
 */

export const TABLE = {
  partitionKey: 'PK',
  sortKey: 'SK',
  indexes: [
    { name: 'GSI1', partitionKey: 'GSI1PK', sortKey: 'GSI1SK' },
    { name: 'GSI2', partitionKey: 'GSI2PK', sortKey: 'GSI2SK' },
  ],
} as const;

export interface QueueDefinition {
  /** Logical name; the queue is `<prefix>-<name>.fifo` (FIFO) or `<prefix>-<name>`. */
  readonly name: string;
  readonly fifo: boolean;
  readonly visibilityTimeoutSeconds: number;
  /** Tries before a message goes to the dead-letter queue. */
  readonly maxReceiveCount: number;
  /** The handler that consumes it. */
  readonly consumer: HandlerName;
  readonly batchSize: number;
}

export const QUEUES: readonly QueueDefinition[] = [
  { name: 'records', fifo: true, visibilityTimeoutSeconds: 60, maxReceiveCount: 5, consumer: 'ingestWorker', batchSize: 10 },
  { name: 'rescore', fifo: false, visibilityTimeoutSeconds: 300, maxReceiveCount: 3, consumer: 'rescoreWorker', batchSize: 5 },
  { name: 'push', fifo: false, visibilityTimeoutSeconds: 60, maxReceiveCount: 8, consumer: 'pushWorker', batchSize: 5 },
];

export const queueName = (prefix: string, q: Pick<QueueDefinition, 'name' | 'fifo'>): string => `${prefix}-${q.name}${q.fifo ? '.fifo' : ''}`;
export const deadLetterQueueName = (prefix: string, q: Pick<QueueDefinition, 'name' | 'fifo'>): string => `${prefix}-${q.name}-dlq${q.fifo ? '.fifo' : ''}`;

export type HandlerName =
  | 'ingestHttp'
  | 'ingestWorker'
  | 'scoreLookup'
  | 'registerSubject'
  | 'health'
  | 'cyclesApi'
  | 'deadline'
  | 'rescorePlanner'
  | 'rescoreWorker'
  | 'repairsApi'
  | 'pushWorker';

/** Where each handler's composition root is (one per function). */
export const HANDLER_ENTRIES: Record<HandlerName, string> = {
  ingestHttp: 'functions/ingest-http/main.ts',
  ingestWorker: 'functions/ingest-worker/main.ts',
  scoreLookup: 'functions/score-lookup/main.ts',
  registerSubject: 'functions/register-subject/main.ts',
  health: 'functions/health/main.ts',
  cyclesApi: 'functions/cycles-api/main.ts',
  deadline: 'functions/deadline/main.ts',
  rescorePlanner: 'functions/rescore-planner/main.ts',
  rescoreWorker: 'functions/rescore-worker/main.ts',
  repairsApi: 'functions/repairs-api/main.ts',
  pushWorker: 'functions/push-worker/main.ts',
};

export interface RouteDefinition {
  readonly method: 'GET' | 'POST' | 'PUT';
  readonly path: string;
  readonly handler: HandlerName;
  /**
   * `jwt`: the API's JWT authorizer checks the staff token; `optional`: public, and the handler
   * verifies a bearer token itself when one is sent (the score lookup serves both); `none`: webhooks
   * (signed) and health.
   */
  readonly auth: 'jwt' | 'optional' | 'none';
  /** Public routes are throttled. */
  readonly throttled: boolean;
}

export const ROUTES: readonly RouteDefinition[] = [
  { method: 'POST', path: '/v1/webhooks/{source}', handler: 'ingestHttp', auth: 'none', throttled: true },
  { method: 'GET', path: '/v1/subjects/{kind}/{id}/score', handler: 'scoreLookup', auth: 'optional', throttled: true },
  { method: 'PUT', path: '/v1/subjects/{kind}/{id}', handler: 'registerSubject', auth: 'jwt', throttled: false },
  { method: 'GET', path: '/v1/health', handler: 'health', auth: 'none', throttled: true },
  { method: 'POST', path: '/v1/cycles', handler: 'cyclesApi', auth: 'jwt', throttled: false },
  { method: 'POST', path: '/v1/cycles/{year}/{kind}/acts', handler: 'cyclesApi', auth: 'jwt', throttled: false },
  { method: 'GET', path: '/v1/cycles/{year}/{kind}', handler: 'cyclesApi', auth: 'jwt', throttled: false },
  { method: 'PUT', path: '/v1/calendars/{year}', handler: 'cyclesApi', auth: 'jwt', throttled: false },
  { method: 'POST', path: '/v1/subjects/{kind}/{id}/repairs', handler: 'repairsApi', auth: 'jwt', throttled: false },
  { method: 'GET', path: '/v1/subjects/{kind}/{id}/repairs', handler: 'repairsApi', auth: 'jwt', throttled: false },
  { method: 'POST', path: '/v1/subjects/{kind}/{id}/repairs/{applicationId}/decision', handler: 'repairsApi', auth: 'jwt', throttled: false },
];

/** The nightly run: 02:00 Asia/Shanghai (issue 5 §3). */
export const NIGHTLY_CRON = { expression: 'cron(0 2 * * ? *)', timezone: 'Asia/Shanghai' } as const;

/** Environment variables the functions read (set by CDK on AWS and by the local runtime). */
export const ENV = {
  table: 'ECOCREDIT_TABLE',
  recordsQueueUrl: 'ECOCREDIT_RECORDS_QUEUE_URL',
  webhookSecretsArn: 'ECOCREDIT_WEBHOOK_SECRETS_ARN',
  webhookSecrets: 'ECOCREDIT_WEBHOOK_SECRETS',
  jwtSecret: 'ECOCREDIT_JWT_SECRET',
  jwtIssuer: 'ECOCREDIT_JWT_ISSUER',
  jwtAudience: 'ECOCREDIT_JWT_AUDIENCE',
  rescoreQueueUrl: 'ECOCREDIT_RESCORE_QUEUE_URL',
  scheduleGroup: 'ECOCREDIT_SCHEDULE_GROUP',
  schedulerRoleArn: 'ECOCREDIT_SCHEDULER_ROLE_ARN',
  deadlineFunctionArn: 'ECOCREDIT_DEADLINE_FUNCTION_ARN',
  deadlineDlqArn: 'ECOCREDIT_DEADLINE_DLQ_ARN',
  pushQueueUrl: 'ECOCREDIT_PUSH_QUEUE_URL',
  creditPlatformUrl: 'ECOCREDIT_CREDIT_PLATFORM_URL',
} as const;
