import type { EnvKey } from '../functions/shared/env.ts';

/**
 * What the deployment is made of, as plain data read by both the CDK stack and the local runtime,
 * so the two cannot drift apart (docs/aws.md). Environment names belong to the functions
 * (`functions/shared/env.ts`); this layer imports them, never the reverse.
 */

export const TABLE = {
  partitionKey: 'PK',
  sortKey: 'SK',
  indexes: [
    { name: 'GSI1', partitionKey: 'GSI1PK', sortKey: 'GSI1SK' },
    { name: 'GSI2', partitionKey: 'GSI2PK', sortKey: 'GSI2SK' },
  ],
} as const;

export type QueueName = 'records' | 'rescore' | 'push';

export interface QueueDefinition {
  /** Logical name; the queue is `<prefix>-<name>.fifo` (FIFO) or `<prefix>-<name>`. */
  readonly name: QueueName;
  readonly fifo: boolean;
  readonly visibilityTimeoutSeconds: number;
  /** Tries before a message goes to the dead-letter queue. */
  readonly maxReceiveCount: number;
  /** The handler that consumes it. */
  readonly consumer: HandlerName;
  readonly batchSize: number;
}

export const QUEUES: readonly QueueDefinition[] = [
  {
    name: 'records',
    fifo: true,
    visibilityTimeoutSeconds: 60,
    maxReceiveCount: 5,
    consumer: 'ingestWorker',
    batchSize: 10,
  },
  {
    name: 'rescore',
    fifo: false,
    visibilityTimeoutSeconds: 300,
    maxReceiveCount: 3,
    consumer: 'rescoreWorker',
    batchSize: 5,
  },
  { name: 'push', fifo: false, visibilityTimeoutSeconds: 60, maxReceiveCount: 8, consumer: 'pushWorker', batchSize: 5 },
];

export const queueName = (prefix: string, q: Pick<QueueDefinition, 'name' | 'fifo'>): string =>
  `${prefix}-${q.name}${q.fifo ? '.fifo' : ''}`;
export const deadLetterQueueName = (prefix: string, q: Pick<QueueDefinition, 'name' | 'fifo'>): string =>
  `${prefix}-${q.name}-dlq${q.fifo ? '.fifo' : ''}`;

export type HandlerName =
  | 'ingestHttp'
  | 'ingestWorker'
  | 'scoreLookup'
  | 'resultsApi'
  | 'registerSubject'
  | 'health'
  | 'cyclesApi'
  | 'objectionsApi'
  | 'objectionFilingApi'
  | 'warningsApi'
  | 'noticesApi'
  | 'deadline'
  | 'rescorePlanner'
  | 'rescoreWorker'
  | 'repairsApi'
  | 'pushWorker'
  | 'ingestSweeper'
  | 'ingestStuck'
  | 'openApi'
  | 'web'
  | 'webExports';

/** DynamoDB actions a function may be granted on the table (and its indexes). */
export type TableAction =
  | 'GetItem'
  | 'BatchGetItem'
  | 'Query'
  | 'PutItem'
  | 'UpdateItem'
  | 'DeleteItem'
  | 'ConditionCheckItem';

const READ: readonly TableAction[] = ['GetItem', 'BatchGetItem', 'Query'];

/** What a function reads and may do; the stack grants exactly this (least privilege). */
export interface FunctionGrants {
  readonly table?: readonly TableAction[];
  /** Queues (by `QueueDefinition.name`) it sends to. */
  readonly sendTo?: readonly QueueName[];
  /** Reads the webhook secrets (Secrets Manager). */
  readonly webhookSecrets?: true;
  /** Creates, updates and deletes one-time deadline schedules in the project's group, passing the scheduler role. */
  readonly deadlineSchedules?: true;
  /** Reads the secret that signs the site's cookies (sessions, CSRF tokens). */
  readonly webSessionSecret?: true;
  /** Reads, writes and removes repair evidence files in their bucket (and signs browsers' uploads to it). */
  readonly evidenceFiles?: true;
}

export interface FunctionDefinition {
  /** Its composition root. */
  readonly entry: string;
  readonly memoryMb: number;
  readonly timeoutSeconds: number;
  /**
   * The environment variables its composition reads (names in `functions/shared/env.ts`), and no
   * others; `test/infra/definitions.test.ts` checks this against a cold start of the function.
   */
  readonly environment: readonly EnvKey[];
  readonly grants: FunctionGrants;
}

const SCHEDULER_ENV: readonly EnvKey[] = ['scheduleGroup', 'deadlineFunctionArn', 'schedulerRoleArn', 'deadlineDlqArn'];
const STAFF_TOKEN_ENV: readonly EnvKey[] = ['jwtIssuer', 'jwtAudience'];

/** Every function's settings, as data: the stack builds one NodejsFunction from each (docs/aws.md). */
export const FUNCTIONS: Readonly<Record<HandlerName, FunctionDefinition>> = {
  ingestHttp: {
    entry: 'functions/ingest-http/main.ts',
    memoryMb: 512,
    timeoutSeconds: 10,
    environment: ['table', 'recordsQueueUrl', 'webhookSecretsArn'],
    // The webhook reserves, commits and (on a conflict) removes its claims (docs/ingestion.md).
    grants: { table: [...READ, 'PutItem', 'UpdateItem', 'DeleteItem'], sendTo: ['records'], webhookSecrets: true },
  },
  ingestWorker: {
    entry: 'functions/ingest-worker/main.ts',
    memoryMb: 1024,
    timeoutSeconds: 50,
    environment: ['table', 'recordsQueueUrl', ...SCHEDULER_ENV],
    // Applies records, sends the I4 knock-on, schedules credit-warning deadlines (Art 22).
    grants: {
      table: [...READ, 'PutItem', 'UpdateItem', 'ConditionCheckItem'],
      sendTo: ['records'],
      deadlineSchedules: true,
    },
  },
  ingestSweeper: {
    entry: 'functions/ingest-sweeper/main.ts',
    memoryMb: 512,
    timeoutSeconds: 300,
    environment: ['table', 'recordsQueueUrl', 'recordsVisibilitySeconds'],
    // Settles reservations, sends unapplied claims again, sets aside the stuck ones.
    grants: { table: [...READ, 'PutItem', 'UpdateItem', 'DeleteItem'], sendTo: ['records'] },
  },
  ingestStuck: {
    entry: 'functions/ingest-stuck/main.ts',
    memoryMb: 512,
    timeoutSeconds: 10,
    environment: ['table', 'recordsQueueUrl'],
    grants: { table: [...READ, 'UpdateItem'], sendTo: ['records'] },
  },
  scoreLookup: {
    entry: 'functions/score-lookup/main.ts',
    memoryMb: 512,
    timeoutSeconds: 10,
    environment: ['table', ...STAFF_TOKEN_ENV],
    grants: { table: READ },
  },
  // The uses of published results: the 双随机 sampling list (Art 28) and the measures lookup (Art 29–31).
  resultsApi: {
    entry: 'functions/results-api/main.ts',
    memoryMb: 512,
    timeoutSeconds: 10,
    environment: ['table'],
    grants: { table: READ },
  },
  registerSubject: {
    entry: 'functions/register-subject/main.ts',
    memoryMb: 512,
    timeoutSeconds: 10,
    environment: ['table', 'recordsQueueUrl'],
    grants: { table: [...READ, 'PutItem', 'DeleteItem'], sendTo: ['records'] },
  },
  health: {
    entry: 'functions/health/main.ts',
    memoryMb: 512,
    timeoutSeconds: 10,
    environment: ['table'],
    grants: { table: ['GetItem'] },
  },
  cyclesApi: {
    entry: 'functions/cycles-api/main.ts',
    memoryMb: 512,
    timeoutSeconds: 10,
    environment: ['table', 'rescoreQueueUrl', 'recordsQueueUrl', ...SCHEDULER_ENV],
    // The publication fan-out after the region's `published` act goes to the rescore queue; the listed
    // units nobody registered are registered from the list and re-evaluated through the records queue.
    grants: {
      table: [...READ, 'PutItem', 'DeleteItem', 'ConditionCheckItem'],
      sendTo: ['rescore', 'records'],
      deadlineSchedules: true,
    },
  },
  // The bureau's objections: their list, one objection and its review (Art 17(3), 18(4)). A review is
  // recorded by the cycle's act (its deadlines), its corrections go through the record claim path and
  // its queue, and the participant gets a notice.
  objectionsApi: {
    entry: 'functions/objections-api/main.ts',
    memoryMb: 512,
    timeoutSeconds: 10,
    environment: ['table', 'recordsQueueUrl', ...SCHEDULER_ENV],
    grants: {
      table: [...READ, 'PutItem', 'UpdateItem', 'DeleteItem'],
      sendTo: ['records'],
      deadlineSchedules: true,
    },
  },
  // A participant's objection (Art 17(3), 18(4)): checked against its live result (read only), stored,
  // and received by the cycle's act (its review limit on the deadline path).
  objectionFilingApi: {
    entry: 'functions/objection-filing-api/main.ts',
    memoryMb: 512,
    timeoutSeconds: 10,
    environment: ['table', ...SCHEDULER_ENV],
    grants: { table: [...READ, 'PutItem', 'DeleteItem'], deadlineSchedules: true },
  },
  // Credit warnings (Art 21-22): a warning's record is claimed as a webhook's and goes through the
  // records' queue; its notice is issued to the unit.
  warningsApi: {
    entry: 'functions/warnings-api/main.ts',
    memoryMb: 512,
    timeoutSeconds: 10,
    environment: ['table', 'recordsQueueUrl'],
    grants: { table: [...READ, 'PutItem', 'UpdateItem', 'DeleteItem'], sendTo: ['records'] },
  },
  // Notices: read as issued; opening one records its first reading (已读).
  noticesApi: {
    entry: 'functions/notices-api/main.ts',
    memoryMb: 512,
    timeoutSeconds: 10,
    environment: ['table'],
    grants: { table: [...READ, 'UpdateItem'] },
  },
  deadline: {
    entry: 'functions/deadline/main.ts',
    memoryMb: 512,
    timeoutSeconds: 10,
    environment: ['table', 'recordsQueueUrl', ...SCHEDULER_ENV],
    grants: {
      table: [...READ, 'PutItem', 'DeleteItem', 'ConditionCheckItem'],
      sendTo: ['records'],
      deadlineSchedules: true,
    },
  },
  rescorePlanner: {
    entry: 'functions/rescore-planner/main.ts',
    memoryMb: 512,
    timeoutSeconds: 900,
    environment: ['table', 'recordsQueueUrl', 'rescoreQueueUrl', 'recordsVisibilitySeconds', ...SCHEDULER_ENV],
    // Sweeps the outbox, fires missed deadlines, fans the subjects out.
    grants: {
      table: [...READ, 'PutItem', 'UpdateItem', 'DeleteItem', 'ConditionCheckItem'],
      sendTo: ['records', 'rescore'],
      deadlineSchedules: true,
    },
  },
  rescoreWorker: {
    entry: 'functions/rescore-worker/main.ts',
    memoryMb: 1024,
    timeoutSeconds: 280,
    environment: ['table', 'recordsQueueUrl', 'pushQueueUrl'],
    // Re-issues after approved repairs: corrections to the push queue, a missing `record.repaired` again (Art 23).
    grants: { table: [...READ, 'PutItem', 'UpdateItem', 'ConditionCheckItem'], sendTo: ['records', 'push'] },
  },
  repairsApi: {
    entry: 'functions/repairs-api/main.ts',
    memoryMb: 512,
    timeoutSeconds: 10,
    environment: ['table', 'recordsQueueUrl', 'rescoreQueueUrl', ...SCHEDULER_ENV],
    // An approval's re-issue of published results (Art 23) goes to the rescore worker.
    grants: {
      table: [...READ, 'PutItem', 'DeleteItem', 'ConditionCheckItem'],
      sendTo: ['records', 'rescore'],
      deadlineSchedules: true,
    },
  },
  openApi: {
    entry: 'functions/openapi/main.ts',
    memoryMb: 256,
    timeoutSeconds: 10,
    // The document is generated from the handlers' contracts: it reads nothing.
    environment: [],
    grants: {},
  },
  web: {
    entry: 'functions/web/main.ts',
    memoryMb: 1024,
    timeoutSeconds: 15,
    // The pages run the same use cases as the API (lookups, acts, repairs, registrations, re-drives);
    // a repair decision re-issues through the rescore queue. Sign-in is at the staff token issuer.
    environment: [
      'table',
      'recordsQueueUrl',
      'rescoreQueueUrl',
      'webSessionSecretArn',
      'evidenceBucket',
      ...SCHEDULER_ENV,
      ...STAFF_TOKEN_ENV,
    ],
    grants: {
      table: [...READ, 'PutItem', 'UpdateItem', 'DeleteItem', 'ConditionCheckItem'],
      sendTo: ['records', 'rescore'],
      deadlineSchedules: true,
      webSessionSecret: true,
      evidenceFiles: true,
    },
  },
  webExports: {
    entry: 'functions/web-exports/main.ts',
    memoryMb: 1024,
    timeoutSeconds: 30,
    // The Excel downloads of the lists (exceljs), with the pages' session cookie; writes only the lists
    // of participants a bureau imports from a workbook, and the profiles of the listed units nobody
    // registered (re-evaluated through the records queue).
    environment: ['table', 'webSessionSecretArn', 'recordsQueueUrl'],
    grants: { table: [...READ, 'PutItem', 'DeleteItem'], webSessionSecret: true, sendTo: ['records'] },
  },
  pushWorker: {
    entry: 'functions/push-worker/main.ts',
    memoryMb: 512,
    timeoutSeconds: 10,
    // Optional: without it, batches are logged, not sent.
    environment: ['creditPlatformUrl'],
    grants: {},
  },
};

/** Where each handler's composition root is (one per function). */
export const HANDLER_ENTRIES: Readonly<Record<HandlerName, string>> = Object.fromEntries(
  Object.entries(FUNCTIONS).map(([name, f]) => [name, f.entry]),
) as Record<HandlerName, string>;

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
  { method: 'GET', path: '/v1/subjects/{kind}/{id}/measures', handler: 'resultsApi', auth: 'none', throttled: true },
  { method: 'GET', path: '/v1/sampling/{year}', handler: 'resultsApi', auth: 'jwt', throttled: false },
  { method: 'GET', path: '/v1/health', handler: 'health', auth: 'none', throttled: true },
  { method: 'POST', path: '/v1/cycles', handler: 'cyclesApi', auth: 'jwt', throttled: false },
  { method: 'POST', path: '/v1/cycles/{year}/{kind}/acts', handler: 'cyclesApi', auth: 'jwt', throttled: false },
  { method: 'GET', path: '/v1/cycles/{year}/{kind}', handler: 'cyclesApi', auth: 'jwt', throttled: false },
  {
    method: 'GET',
    path: '/v1/cycles/{year}/{kind}/participants/{league}',
    handler: 'cyclesApi',
    auth: 'jwt',
    throttled: false,
  },
  {
    method: 'POST',
    path: '/v1/cycles/{year}/{kind}/participants/{league}',
    handler: 'cyclesApi',
    auth: 'jwt',
    throttled: false,
  },
  { method: 'PUT', path: '/v1/calendars/{year}', handler: 'cyclesApi', auth: 'jwt', throttled: false },
  // Staff and participants (enterprise and agency users) alike carry a token the authorizer checks.
  {
    method: 'GET',
    path: '/v1/cycles/{year}/{kind}/objections',
    handler: 'objectionsApi',
    auth: 'jwt',
    throttled: false,
  },
  {
    method: 'POST',
    path: '/v1/cycles/{year}/{kind}/objections',
    handler: 'objectionFilingApi',
    auth: 'jwt',
    throttled: false,
  },
  {
    method: 'GET',
    path: '/v1/cycles/{year}/{kind}/objections/{objectionId}',
    handler: 'objectionsApi',
    auth: 'jwt',
    throttled: false,
  },
  {
    method: 'POST',
    path: '/v1/cycles/{year}/{kind}/objections/{objectionId}/review',
    handler: 'objectionsApi',
    auth: 'jwt',
    throttled: false,
  },
  { method: 'GET', path: '/v1/warnings', handler: 'warningsApi', auth: 'jwt', throttled: false },
  { method: 'POST', path: '/v1/warnings', handler: 'warningsApi', auth: 'jwt', throttled: false },
  { method: 'GET', path: '/v1/warnings/{eventId}', handler: 'warningsApi', auth: 'jwt', throttled: false },
  {
    method: 'POST',
    path: '/v1/warnings/{eventId}/rectification',
    handler: 'warningsApi',
    auth: 'jwt',
    throttled: false,
  },
  {
    method: 'POST',
    path: '/v1/warnings/{eventId}/decision',
    handler: 'warningsApi',
    auth: 'jwt',
    throttled: false,
  },
  { method: 'GET', path: '/v1/notices', handler: 'noticesApi', auth: 'jwt', throttled: false },
  { method: 'GET', path: '/v1/notices/{noticeId}', handler: 'noticesApi', auth: 'jwt', throttled: false },
  { method: 'GET', path: '/v1/leagues/{league}/notices', handler: 'noticesApi', auth: 'jwt', throttled: false },
  { method: 'POST', path: '/v1/subjects/{kind}/{id}/repairs', handler: 'repairsApi', auth: 'jwt', throttled: false },
  { method: 'GET', path: '/v1/subjects/{kind}/{id}/repairs', handler: 'repairsApi', auth: 'jwt', throttled: false },
  {
    method: 'POST',
    path: '/v1/subjects/{kind}/{id}/repairs/{applicationId}/decision',
    handler: 'repairsApi',
    auth: 'jwt',
    throttled: false,
  },
  { method: 'GET', path: '/v1/ingest/stuck', handler: 'ingestStuck', auth: 'jwt', throttled: false },
  { method: 'POST', path: '/v1/ingest/stuck/{eventId}/redrive', handler: 'ingestStuck', auth: 'jwt', throttled: false },
  { method: 'GET', path: '/v1/openapi.json', handler: 'openApi', auth: 'none', throttled: true },
];

/**
 * The pages (functions/web/): the public site, the bureau console, the participant portal and
 * sign-in. Sessions are the web function's own (a signed cookie after OpenID Connect sign-in), so
 * API Gateway authorises none of them; every page route is throttled like the public API.
 */
const page = (method: 'GET' | 'POST', path: string): RouteDefinition => ({
  method,
  path,
  handler: 'web',
  auth: 'none',
  throttled: true,
});

export const PAGE_ROUTES: readonly RouteDefinition[] = [
  page('GET', '/'),
  page('GET', '/search'),
  page('GET', '/assets/{proxy+}'),
  page('GET', '/results/{proxy+}'),
  page('POST', '/results/{proxy+}'),
  page('GET', '/lists'),
  page('GET', '/lists/{proxy+}'),
  page('GET', '/measures'),
  // Publicity of the proposed results and the public's comments (docs/publicity.md).
  page('GET', '/publicity'),
  page('GET', '/publicity/{proxy+}'),
  page('POST', '/publicity/{proxy+}'),
  { method: 'GET', path: '/exports/{proxy+}', handler: 'webExports', auth: 'none', throttled: true },
  // The import of a list of participants: an uploaded workbook, read with the same library.
  { method: 'POST', path: '/exports/{proxy+}', handler: 'webExports', auth: 'none', throttled: true },
  page('GET', '/auth/{proxy+}'),
  page('POST', '/auth/{proxy+}'),
  page('GET', '/console'),
  page('GET', '/console/{proxy+}'),
  page('POST', '/console/{proxy+}'),
  page('GET', '/portal'),
  page('GET', '/portal/{proxy+}'),
  page('POST', '/portal/{proxy+}'),
];

/** The outbox sweep on AWS: unapplied claims are sent again (docs/ingestion.md). */
export const SWEEP_SCHEDULE = { expression: 'rate(5 minutes)' } as const;

/** The nightly run: 02:00 Asia/Shanghai (docs/legal-clock.md). */
export const NIGHTLY_CRON = { expression: 'cron(0 2 * * ? *)', timezone: 'Asia/Shanghai' } as const;
