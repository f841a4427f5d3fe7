import { createHmac, randomBytes } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SQSClient } from '@aws-sdk/client-sqs';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { DynamoComments } from '../../functions/adapters/dynamoComments.ts';
import { DynamoCommitments } from '../../functions/adapters/dynamoCommitments.ts';
import { DynamoCycleStore } from '../../functions/adapters/dynamoCycleStore.ts';
import { documentClient } from '../../functions/adapters/dynamoDocument.ts';
import { DynamoFilings } from '../../functions/adapters/dynamoFilings.ts';
import { DynamoFinalResults } from '../../functions/adapters/dynamoFinalResults.ts';
import { DynamoLeagueReports } from '../../functions/adapters/dynamoLeagueReports.ts';
import { DynamoNotices } from '../../functions/adapters/dynamoNotices.ts';
import { DynamoObjections } from '../../functions/adapters/dynamoObjections.ts';
import { DynamoParticipants } from '../../functions/adapters/dynamoParticipants.ts';
import { DynamoPractitionerFilings } from '../../functions/adapters/dynamoPractitionerFilings.ts';
import { DynamoPublishedDirectory } from '../../functions/adapters/dynamoPublishedDirectory.ts';
import { DynamoRepairQueue } from '../../functions/adapters/dynamoRepairQueue.ts';
import { DynamoReviews } from '../../functions/adapters/dynamoReviews.ts';
import { DynamoCreditStore } from '../../functions/adapters/dynamoStore.ts';
import { DynamoSubjectListing } from '../../functions/adapters/dynamoSubjectListing.ts';
import { DynamoVoluntary } from '../../functions/adapters/dynamoVoluntary.ts';
import { DynamoWarnings } from '../../functions/adapters/dynamoWarnings.ts';
import { HttpCreditPlatform, LoggingCreditPlatform } from '../../functions/adapters/httpCreditPlatform.ts';
import { LocalEvidenceStore } from '../../functions/adapters/localEvidenceStore.ts';
import { LocalScheduler } from '../../functions/adapters/localScheduler.ts';
import { SqsJsonQueue } from '../../functions/adapters/sqsJsonQueue.ts';
import { SqsRecordQueue } from '../../functions/adapters/sqsRecordQueue.ts';
import { Hs256TokenVerifier } from '../../functions/adapters/tokenVerifiers.ts';
import { StaticWebhookSecrets } from '../../functions/adapters/webhookSecrets.ts';
import { fireDeadline } from '../../functions/composition/cycles.ts';
import { composeCyclesApi } from '../../functions/composition/cyclesApi.ts';
import { composeDeadline } from '../../functions/composition/deadline.ts';
import type { Edges } from '../../functions/composition/edges.ts';
import { composeHealth } from '../../functions/composition/health.ts';
import { composeIngestHttp } from '../../functions/composition/ingestHttp.ts';
import { composeIngestStuck } from '../../functions/composition/ingestStuck.ts';
import { sweepOutbox } from '../../functions/composition/ingestSweeper.ts';
import { composeIngestWorker } from '../../functions/composition/ingestWorker.ts';
import { joinPorts } from '../../functions/composition/joinPorts.ts';
import { composeNoticesApi } from '../../functions/composition/noticesApi.ts';
import { composeObjectionFilingApi } from '../../functions/composition/objectionFilingApi.ts';
import { composeObjectionsApi } from '../../functions/composition/objectionsApi.ts';
import { composePushWorker } from '../../functions/composition/pushWorker.ts';
import { composeRegisterSubject } from '../../functions/composition/registerSubject.ts';
import { composeRepairsApi } from '../../functions/composition/repairsApi.ts';
import { planNightlyRun } from '../../functions/composition/rescorePlanner.ts';
import { composeRescoreWorker } from '../../functions/composition/rescoreWorker.ts';
import { composeResultsApi } from '../../functions/composition/resultsApi.ts';
import { composeScoreLookup } from '../../functions/composition/scoreLookup.ts';
import { composeWarningsApi } from '../../functions/composition/warningsApi.ts';
import { composeWeb } from '../../functions/composition/web.ts';
import { composeWebExports } from '../../functions/composition/webExports.ts';
import type { FireOutcome } from '../../functions/cycles/cycleTransitions.ts';
import type { SweepSummary } from '../../functions/ingest-sweeper/sweepOutbox.ts';
import { createOpenApiHandler } from '../../functions/openapi/handler.ts';
import type { CreditPlatform, PushBatch } from '../../functions/ports/creditPlatform.ts';
import type { DeadlineTarget } from '../../functions/ports/scheduler.ts';
import type { CompleteReissue } from '../../functions/publication/reissuePublished.ts';
import type { RescoreSummary } from '../../functions/rescore-worker/rescoreSubjects.ts';
import { AdjustableClock } from '../../functions/shared/clock.ts';
import { ENV } from '../../functions/shared/env.ts';
import { type HttpResponse, json } from '../../functions/shared/http.ts';
import { createLogger } from '../../functions/shared/logger.ts';
import { CookieSigner } from '../../functions/web/session/session.ts';
import { type HandlerName, PAGE_ROUTES, ROUTES } from '../definitions.ts';
import { devSignInRoutes } from './devSignIn.tsx';
import { type HttpHandler, startHttpServer } from './httpServer.ts';
import { QueuePoller, queueDepth } from './poller.ts';
import { createQueues, createTable, type ProvisionedQueue } from './provision.ts';
import {
  LOCAL_CREDENTIALS,
  LOCAL_REGION,
  type RunningService,
  startDynamoDbLocal,
  startSqsServer,
} from './services.ts';

/**
 * The whole system on one machine: DynamoDB Local, the SQS server, the table and queues from the
 * shared definitions, pollers calling the worker handlers with real SQS events, and an HTTP server
 * calling the same HTTP handlers with API Gateway v2 events.
 */
export interface LocalRuntimeOptions {
  /** Where DynamoDB Local keeps its data; ':memory:' for none. */
  readonly dataDir: string;
  readonly port: number;
  readonly webhookSecrets: ReadonlyMap<string, string>;
  readonly jwtSecret: string;
  /** Shorter than on AWS so that retries are quick locally. */
  readonly visibilityTimeoutSeconds?: number;
  /** Start the pollers (tests may drive them by hand with `drain`). */
  readonly poll?: boolean;
  /** Concurrent pollers per queue, like concurrent Lambda invocations (default 4). */
  readonly pollers?: number;
  readonly tableName?: string;
  readonly queuePrefix?: string;
  /** Reuse running services (tests share one DynamoDB Local and one SQS server). */
  readonly services?: { readonly dynamoEndpoint: string; readonly sqsEndpoint: string };
  /** The public credit platform (the edge with no local peer); default: the URL in the environment, or a log. */
  readonly creditPlatform?: CreditPlatform;
  /** Test seam: wraps the worker handler (to inject crashes). */
  readonly wrapWorker?: (h: (e: SQSEvent) => Promise<SQSBatchResponse>) => (e: SQSEvent) => Promise<SQSBatchResponse>;
  readonly afterCommit?: () => void;
  /** Test seam: wraps the re-issue a repair decision runs once stored (to inject failures). */
  readonly wrapReissue?: (r: CompleteReissue) => CompleteReissue;
  /** How long `POST /v1/dev/clock` waits for the work it set off (default 30 s); the rest goes on in the background. */
  readonly devClockDrainMs?: number;
  /** Where evidence files are kept (default `<dataDir>/evidence`, or a temporary folder for ':memory:'). */
  readonly evidenceDir?: string;
  /** Seconds between outbox sweeps while polling (default 30); the first sweep runs at start-up. */
  readonly sweepEverySeconds?: number;
}

export interface LocalRuntime {
  readonly url: string;
  readonly clock: AdjustableClock;
  readonly store: DynamoCreditStore;
  readonly dynamo: DynamoDBClient;
  readonly sqs: SQSClient;
  readonly tableName: string;
  readonly queues: readonly ProvisionedQueue[];
  readonly pollers: readonly QueuePoller[];
  readonly scheduler: LocalScheduler;
  /** Fires a deadline as its schedule would (the deadline function's use case). */
  readonly cycles: { fire(target: DeadlineTarget): Promise<FireOutcome> };
  readonly cycleStore: DynamoCycleStore;
  /** Fires the local schedules due at the clock's time; returns how many fired. */
  tick(): Promise<number>;
  /** The nightly run (sweep, then rescoring of every subject), waited for; with its summary. */
  nightly(): Promise<NightlySummary>;
  /** The outbox sweep (docs/ingestion.md); `olderThanSeconds` 0 takes every unapplied claim. */
  sweep(olderThanSeconds?: number): Promise<SweepSummary>;
  /** Processes queued messages until every queue is empty (or the time runs out). */
  drain(timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

export interface NightlySummary {
  readonly runId: string;
  readonly swept: number;
  readonly subjects: number;
  readonly changed: number;
  readonly drift: number;
  readonly ms: number;
}

export const generateWebhookSecret = (): string => `whsec_${randomBytes(24).toString('base64')}`;
export const generateJwtSecret = (): string => randomBytes(32).toString('base64url');

export const startLocalRuntime = async (options: LocalRuntimeOptions): Promise<LocalRuntime> => {
  const owned: RunningService[] = [];
  let dynamoEndpoint = options.services?.dynamoEndpoint;
  let sqsEndpoint = options.services?.sqsEndpoint;
  if (!dynamoEndpoint) {
    const ddb = await startDynamoDbLocal(options.dataDir);
    owned.push(ddb);
    dynamoEndpoint = ddb.endpoint;
  }
  if (!sqsEndpoint) {
    const sqsServer = await startSqsServer();
    owned.push(sqsServer);
    sqsEndpoint = sqsServer.endpoint;
  }
  try {
    return await assemble(options, dynamoEndpoint, sqsEndpoint, owned);
  } catch (err) {
    // A failed start (a port in use, a table that cannot be made) stops what it had started.
    for (const s of owned.reverse()) await s.stop().catch(() => undefined);
    throw err;
  }
};

const assemble = async (
  options: LocalRuntimeOptions,
  dynamoEndpoint: string,
  sqsEndpoint: string,
  owned: RunningService[],
): Promise<LocalRuntime> => {
  const dynamo = new DynamoDBClient({ endpoint: dynamoEndpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
  const sqs = new SQSClient({ endpoint: sqsEndpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
  const tableName = options.tableName ?? 'ecocredit';
  await createTable(dynamo, tableName);
  const queues = await createQueues(sqs, options.queuePrefix ?? 'ecocredit', options.visibilityTimeoutSeconds ?? 5);
  const recordsQueue = queues.find((q) => q.definition.name === 'records')!;
  const rescoreQueue = queues.find((q) => q.definition.name === 'rescore')!;
  const pushQueue = queues.find((q) => q.definition.name === 'push')!;

  const clock = new AdjustableClock();
  // The site's cookie key, derived from the local JWT secret (kept in .data/dev-secrets.json).
  const webSigner = new CookieSigner(createHmac('sha256', options.jwtSecret).update('web-session').digest('base64url'));
  const store = new DynamoCreditStore(dynamo, tableName);
  const scheduler = new LocalScheduler();
  const cycleStore = new DynamoCycleStore(dynamo, tableName);
  const platformUrl = process.env[ENV.creditPlatformUrl];
  // The functions are composed exactly as on AWS (functions/composition/), from these local edges.
  const edges: Edges = {
    clock,
    logger: createLogger,
    store,
    cycleStore,
    consoleLists: joinPorts(
      new DynamoSubjectListing(documentClient(dynamo), tableName),
      new DynamoRepairQueue(documentClient(dynamo), tableName),
    ),
    publishedDirectory: new DynamoPublishedDirectory(documentClient(dynamo), tableName),
    commitments: new DynamoCommitments(documentClient(dynamo), tableName),
    participants: new DynamoParticipants(documentClient(dynamo), tableName),
    voluntary: new DynamoVoluntary(documentClient(dynamo), tableName),
    practitionerFilings: new DynamoPractitionerFilings(documentClient(dynamo), tableName),
    notices: new DynamoNotices(documentClient(dynamo), tableName),
    leagueReports: new DynamoLeagueReports(documentClient(dynamo), tableName),
    reviews: new DynamoReviews(documentClient(dynamo), tableName),
    finalResults: new DynamoFinalResults(documentClient(dynamo), tableName),
    comments: new DynamoComments(documentClient(dynamo), tableName),
    filings: new DynamoFilings(documentClient(dynamo), tableName),
    warnings: new DynamoWarnings(documentClient(dynamo), tableName),
    objections: new DynamoObjections(documentClient(dynamo), tableName),
    recordQueue: new SqsRecordQueue(sqs, recordsQueue.url),
    rescoreQueue: new SqsJsonQueue<unknown>(sqs, rescoreQueue.url),
    pushQueue: new SqsJsonQueue<PushBatch>(sqs, pushQueue.url),
    scheduler,
    tokenVerifier: new Hs256TokenVerifier(options.jwtSecret),
    webhookSecrets: new StaticWebhookSecrets(options.webhookSecrets),
    creditPlatform:
      options.creditPlatform ??
      (platformUrl
        ? new HttpCreditPlatform(fetch, platformUrl)
        : new LoggingCreditPlatform((m, e) => createLogger('push-worker').info(m, e))),
    // Visibility timeouts are shorter locally, so the sweep waits at least a minute.
    sweepOlderThanSeconds: Math.max((options.visibilityTimeoutSeconds ?? 5) * 2, 60),
  };
  // Evidence files of repair applications: beside the data, or in a temporary folder for ':memory:'.
  const evidenceStore = new LocalEvidenceStore(
    options.evidenceDir ??
      (options.dataDir === ':memory:'
        ? await mkdtemp(join(tmpdir(), 'ecocredit-evidence-'))
        : join(options.dataDir, 'evidence')),
  );
  const seams = {
    ...(options.afterCommit ? { afterCommit: options.afterCommit } : {}),
    ...(options.wrapReissue ? { wrapReissue: options.wrapReissue } : {}),
  };
  let runSummary: { done: number; changed: number; drift: number } = { done: 0, changed: 0, drift: 0 };
  const onSummary = (s: RescoreSummary) => {
    runSummary = {
      done: runSummary.done + s.subjects,
      changed: runSummary.changed + s.changed,
      drift: runSummary.drift + s.drift,
    };
  };
  const worker = composeIngestWorker(edges, seams);
  const consumers: Record<string, (e: SQSEvent) => Promise<SQSBatchResponse>> = {
    ingestWorker: options.wrapWorker ? options.wrapWorker(worker) : worker,
    rescoreWorker: composeRescoreWorker(edges, { onSummary }),
    pushWorker: composePushWorker(edges),
  };
  const fire = fireDeadline(edges);
  const deadlineHandler = composeDeadline(edges, fire);
  const sweeper = sweepOutbox(edges);
  const planner = planNightlyRun(edges, fire);
  const tick = () => scheduler.tick(clock.now(), async (t) => void (await deadlineHandler(t)));
  const httpHandlers: Partial<Record<HandlerName, HttpHandler>> = {
    ingestHttp: composeIngestHttp(edges),
    ingestStuck: composeIngestStuck(edges),
    scoreLookup: composeScoreLookup(edges),
    resultsApi: composeResultsApi(edges),
    registerSubject: composeRegisterSubject(edges),
    health: composeHealth(edges),
    cyclesApi: composeCyclesApi(edges),
    objectionsApi: composeObjectionsApi(edges),
    objectionFilingApi: composeObjectionFilingApi(edges),
    warningsApi: composeWarningsApi(edges),
    noticesApi: composeNoticesApi(edges),
    openApi: createOpenApiHandler(edges.logger('openapi')),
    repairsApi: composeRepairsApi(edges, seams),
    // The pages, with the development sign-in of the local runtime (never deployed: docs/web.md).
    web: composeWeb(
      { ...edges, evidenceStore },
      {
        signer: async () => webSigner,
        cookies: { secure: false },
        extraRoutes: devSignInRoutes,
      },
    ),
    // The Excel downloads (`/exports/…`), their own function on AWS, with the pages' session cookie.
    webExports: composeWebExports(edges, { signer: async () => webSigner, cookies: { secure: false } }),
  };
  let drainRef: (timeoutMs?: number) => Promise<void> = async () => {};
  /** The latest nightly run, for `ecocredit rescore`'s progress bar. */
  let current: { runId: string | null; subjects: number; started: number; finished: NightlySummary | null } = {
    runId: null,
    subjects: 0,
    started: 0,
    finished: null,
  };
  const nightly = async (): Promise<NightlySummary> => {
    const started = Date.now();
    runSummary = { done: 0, changed: 0, drift: 0 };
    current = { runId: null, subjects: 0, started, finished: null };
    const plan = await planner.execute();
    current = { ...current, runId: plan.runId, subjects: plan.subjects };
    await drainRef(3_600_000);
    const summary = {
      runId: plan.runId,
      swept: plan.swept,
      subjects: plan.subjects,
      changed: runSummary.changed,
      drift: runSummary.drift,
      ms: Date.now() - started,
    };
    current = { ...current, finished: summary };
    return summary;
  };
  // Local only (never on AWS): move the clock to watch a cycle run, and run the nightly path on demand.
  const devRoutes = [
    {
      method: 'POST',
      path: '/v1/dev/clock',
      handler: async (event: { body?: string; isBase64Encoded?: boolean }): Promise<HttpResponse> => {
        const raw = event.body
          ? Buffer.from(event.body, event.isBase64Encoded ? 'base64' : 'utf8').toString('utf8')
          : '{}';
        let b: { now?: unknown; advanceDays?: unknown };
        try {
          b = JSON.parse(raw || '{}');
        } catch {
          return json(400, {
            error: '请求体不是有效的 JSON',
            issues: [{ path: '', message: '请求体不是有效的 JSON' }],
          });
        }
        if (typeof b.now === 'string' && !Number.isNaN(Date.parse(b.now))) clock.set(new Date(b.now));
        else if (Number.isInteger(b.advanceDays)) clock.advanceDays(b.advanceDays as number);
        else
          return json(400, {
            error: '须提供 now（ISO 时间）或 advanceDays（整数）',
            issues: [{ path: 'now', message: '须提供 now 或 advanceDays' }],
          });
        const fired = await tick();
        // A big data set keeps the workers busy for longer than a request should wait: the clock has
        // moved and the deadlines have fired either way, so say whether their work is done yet.
        const settled = await drainRef(options.devClockDrainMs ?? 30_000).then(
          () => true,
          () => false,
        );
        return json(200, { now: clock.now().toISOString(), fired, settled });
      },
    },
    // The local clock, so that `ecocredit send` signs with the time the webhook check uses.
    {
      method: 'GET',
      path: '/v1/dev/clock',
      handler: async (): Promise<HttpResponse> => json(200, { now: clock.now().toISOString() }),
    },
    {
      method: 'POST',
      path: '/v1/dev/rescore',
      handler: async (event: { queryStringParameters?: Record<string, string> }): Promise<HttpResponse> => {
        if (event.queryStringParameters?.wait === 'false') {
          void nightly().catch((err) => httpLogger.error('nightly run failed', { err: String(err) }));
          return json(202, { started: true });
        }
        return json(200, await nightly());
      },
    },
    // Local only: how much accepted work is still to apply (the crash test and the soak wait on it).
    {
      method: 'GET',
      path: '/v1/dev/ingest',
      handler: async (): Promise<HttpResponse> => {
        const counts = await store.outboxCounts();
        const queued = await queueDepth(sqs, recordsQueue.url);
        return json(200, { ...counts, queued });
      },
    },
    {
      method: 'GET',
      path: '/v1/dev/rescore',
      handler: async (): Promise<HttpResponse> =>
        json(200, {
          runId: current.runId,
          subjects: current.subjects,
          done: runSummary.done,
          changed: runSummary.changed,
          drift: runSummary.drift,
          elapsedMs: current.started ? Date.now() - current.started : 0,
          finished: current.finished,
        }),
    },
  ];
  const routes = [
    ...[...ROUTES, ...PAGE_ROUTES].map((r) => ({ method: r.method, path: r.path, handler: httpHandlers[r.handler]! })),
    ...devRoutes,
  ] as Parameters<typeof startHttpServer>[0];
  const httpLogger = createLogger('local-http');
  // Whatever the last process accepted and did not apply is sent again now: no delivery is in
  // progress before the HTTP server listens, so every unapplied claim and every open reservation is settled.
  const sweepLogger = createLogger('ingest-sweeper');
  const startup = await sweeper.execute({ olderThanSeconds: 0 });
  if (startup.requeued + startup.rolledBack + startup.setAside > 0) sweepLogger.warn('start-up sweep', { ...startup });
  const { server, url } = await startHttpServer(routes, options.port, (err) =>
    httpLogger.error('request failed', { err: String(err) }),
  );

  const perQueue = options.poll === false ? 1 : (options.pollers ?? 4);
  const pollers = queues.flatMap((q) =>
    Array.from(
      { length: perQueue },
      () => new QueuePoller(sqs, q.url, consumers[q.definition.consumer]!, q.definition.batchSize),
    ),
  );
  if (options.poll !== false) for (const p of pollers) await p.start();
  const sweepTimer =
    options.poll === false
      ? null
      : setInterval(
          () => void sweeper.execute().catch((err) => sweepLogger.error('sweep failed', { err: String(err) })),
          (options.sweepEverySeconds ?? 30) * 1000,
        );
  // The local scheduler fires due schedules every second against the (movable) clock.
  const ticker =
    options.poll === false
      ? null
      : setInterval(() => void tick().catch((err) => httpLogger.error('tick failed', { err: String(err) })), 1000);

  const runtime: LocalRuntime = {
    url,
    clock,
    store,
    dynamo,
    sqs,
    tableName,
    queues,
    pollers,
    scheduler,
    cycleStore,
    tick,
    nightly,
    cycles: { fire: (target) => fire.execute(target) },
    sweep: (olderThanSeconds?: number) => sweeper.execute(olderThanSeconds === undefined ? {} : { olderThanSeconds }),
    async drain(timeoutMs = 30_000) {
      const until = Date.now() + timeoutMs;
      for (;;) {
        let handled = 0;
        if (options.poll === false) for (const p of pollers) handled += await p.pollOnce(0);
        const depth = (await Promise.all(queues.map((q) => queueDepth(sqs, q.url)))).reduce((a, b) => a + b, 0);
        if (depth === 0 && handled === 0) return;
        if (Date.now() > until) throw new Error(`queues not drained within ${timeoutMs} ms (${depth} left)`);
        if (handled === 0) await new Promise((r) => setTimeout(r, 100));
      }
    },
    async stop() {
      if (ticker) clearInterval(ticker);
      if (sweepTimer) clearInterval(sweepTimer);
      for (const p of pollers) await p.stop();
      server.closeAllConnections();
      await new Promise<void>((res) => server.close(() => res()));
      dynamo.destroy();
      sqs.destroy();
      for (const s of owned.reverse()) await s.stop();
    },
  };
  drainRef = runtime.drain;
  return runtime;
};
