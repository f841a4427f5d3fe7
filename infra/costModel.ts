import { FUNCTIONS, type HandlerName } from './definitions.ts';

/**
 * What the system costs on AWS per month, on paper: a workload (how many subjects, records, lookups
 * and pages), what each operation costs in calls (measured: docs/benchmarks.md), and list prices.
 * Each function's memory comes from the stack's own definitions, so the model follows the stack.
 */

/** A region's year: the subjects evaluated, the records that arrive, and how the system is used. */
export interface Workload {
  readonly enterprises: number;
  readonly agencies: number;
  readonly practitioners: number;
  readonly recordsPerYear: number;
  /** Records per webhook delivery (a platform batching its messages; 1 when each is sent alone). */
  readonly recordsPerDelivery: number;
  readonly lookupsPerMonth: number;
  readonly pageViewsPerMonth: number;
  /** Share of subjects whose snapshot changes on a steady night (measured: 1,209 of 20,000). */
  readonly changedPerNight: number;
  /** Credit warnings and repair applications a year: each has one deadline schedule. */
  readonly subjectDeadlinesPerYear: number;
}

/** Per operation: Lambda time (billed ms), DynamoDB request units, queue requests. */
export interface OperationCost {
  readonly fn: HandlerName;
  readonly billedMs: number;
  readonly readUnits: number;
  readonly writeUnits: number;
  readonly queueRequests: number;
  readonly apiRequests: number;
}

/** List prices in USD (us-east-1, on demand; DynamoDB after the price change of 2024-11-01). */
export interface Prices {
  readonly lambdaPerMillionRequests: number;
  /** Arm64, per GB-second. */
  readonly lambdaPerGbSecond: number;
  readonly dynamoPerMillionWriteUnits: number;
  readonly dynamoPerMillionReadUnits: number;
  readonly dynamoPerGbMonth: number;
  readonly sqsPerMillionRequests: number;
  readonly httpApiPerMillionRequests: number;
  readonly schedulerPerMillionInvocations: number;
  readonly logsPerGbIngested: number;
  readonly secretPerMonth: number;
  readonly alarmPerMonth: number;
}

export const US_EAST_1_PRICES: Prices = {
  lambdaPerMillionRequests: 0.2,
  lambdaPerGbSecond: 0.0000133334,
  dynamoPerMillionWriteUnits: 0.625,
  dynamoPerMillionReadUnits: 0.125,
  dynamoPerGbMonth: 0.25,
  sqsPerMillionRequests: 0.5,
  httpApiPerMillionRequests: 1.0,
  schedulerPerMillionInvocations: 1.0,
  logsPerGbIngested: 0.5,
  secretPerMonth: 0.4,
  alarmPerMonth: 0.1,
};

/** What the stack holds whatever the load: its secrets (webhook platforms, the session key) and alarms. */
export const FIXED = { secrets: 4, alarms: 8, logBytesPerInvocation: 1_000 } as const;

/** The region of the brief: 20,000 enterprises, 5,000 agencies, 50,000 practitioners, 200,000 records a year. */
export const INNER_MONGOLIA: Workload = {
  enterprises: 20_000,
  agencies: 5_000,
  practitioners: 50_000,
  recordsPerYear: 200_000,
  recordsPerDelivery: 1,
  lookupsPerMonth: 200_000,
  pageViewsPerMonth: 100_000,
  changedPerNight: 1_209 / 20_000,
  subjectDeadlinesPerYear: 10_000,
};

/**
 * Costs per operation, from the measurements (docs/benchmarks.md) and kept on the high side: an
 * ingested record delivered alone (the worst case, in order of arrival) makes 2.47 DynamoDB calls and
 * writes 5.14 items, in 1.2 transactions (a transactional write costs two units per item up to 1 KB,
 * items here are 1-2 KB), with 1.2 strongly consistent queries of its subject's partition (about 2
 * units each); the model still counts the 6.31 items and two queries measured before claims and
 * audit were folded into fewer items, so the records' lines are an upper bound. A steady night reads
 * each subject's partition once (about 2 units) and writes a snapshot only where it changed; a first
 * night writes each subject's snapshots once, a message's in one transaction. Times are billed Lambda
 * milliseconds, generous against the local measurements (2.1 ms Node CPU per subject on a steady
 * night; a lookup's p99 under 10 ms).
 */
export const MEASURED: Record<
  'delivery' | 'applyRecord' | 'nightlySubject' | 'lookup' | 'page' | 'sweep' | 'deadline',
  OperationCost
> = {
  delivery: { fn: 'ingestHttp', billedMs: 60, readUnits: 1, writeUnits: 4, queueRequests: 1, apiRequests: 1 },
  applyRecord: {
    fn: 'ingestWorker',
    billedMs: 80,
    readUnits: 4,
    writeUnits: 2 * 5.24 * 1.5,
    queueRequests: 2,
    apiRequests: 0,
  },
  nightlySubject: {
    fn: 'rescoreWorker',
    billedMs: 6,
    readUnits: 2,
    writeUnits: 0,
    queueRequests: 0.08,
    apiRequests: 0,
  },
  lookup: { fn: 'scoreLookup', billedMs: 20, readUnits: 1, writeUnits: 0, queueRequests: 0, apiRequests: 1 },
  page: { fn: 'web', billedMs: 60, readUnits: 6, writeUnits: 0, queueRequests: 0, apiRequests: 1 },
  sweep: { fn: 'ingestSweeper', billedMs: 100, readUnits: 1, writeUnits: 0, queueRequests: 0, apiRequests: 0 },
  deadline: { fn: 'deadline', billedMs: 100, readUnits: 4, writeUnits: 6, queueRequests: 1, apiRequests: 0 },
};

/** One line of the monthly bill: an operation, how often, and what it costs. */
export interface CostLine {
  readonly operation: string;
  readonly perMonth: number;
  readonly lambdaGbSeconds: number;
  readonly readUnits: number;
  readonly writeUnits: number;
  readonly usd: number;
}

const DAYS_PER_MONTH = 30;
/** The outbox sweep runs every 5 minutes (infra/definitions.ts SWEEP_SCHEDULE). */
const SWEEPS_PER_MONTH = (DAYS_PER_MONTH * 24 * 60) / 5;
/** Bytes stored per record, per snapshot (two live years per subject), per audit entry. */
const BYTES = { record: 1_500, snapshot: 2_000, audit: 400, profile: 800 };

const line = (operation: string, perMonth: number, op: OperationCost, p: Prices): CostLine => {
  const gb = FUNCTIONS[op.fn].memoryMb / 1024;
  const lambdaGbSeconds = (perMonth * op.billedMs * gb) / 1000;
  const readUnits = perMonth * op.readUnits;
  const writeUnits = perMonth * op.writeUnits;
  const usd =
    (perMonth / 1e6) * p.lambdaPerMillionRequests +
    lambdaGbSeconds * p.lambdaPerGbSecond +
    (readUnits / 1e6) * p.dynamoPerMillionReadUnits +
    (writeUnits / 1e6) * p.dynamoPerMillionWriteUnits +
    ((perMonth * op.queueRequests) / 1e6) * p.sqsPerMillionRequests +
    ((perMonth * op.apiRequests) / 1e6) * p.httpApiPerMillionRequests;
  return { operation, perMonth, lambdaGbSeconds, readUnits, writeUnits, usd };
};

export interface MonthlyCost {
  readonly lines: readonly CostLine[];
  readonly storageGb: number;
  readonly storageUsd: number;
  readonly schedulerUsd: number;
  /** Logs of every invocation, the secrets and the alarms. */
  readonly fixedUsd: number;
  readonly totalUsd: number;
}

/** The monthly cost of a workload: one line per operation, then storage and schedules. */
export const monthlyCost = (w: Workload, p: Prices = US_EAST_1_PRICES, m = MEASURED): MonthlyCost => {
  const subjects = w.enterprises + w.agencies + w.practitioners;
  const recordsPerMonth = w.recordsPerYear / 12;
  const nightly = subjects * DAYS_PER_MONTH;
  const lines = [
    line('webhook deliveries', recordsPerMonth / w.recordsPerDelivery, m.delivery, p),
    line('records applied', recordsPerMonth, m.applyRecord, p),
    line(
      'nightly rescoring (per subject)',
      nightly,
      {
        ...m.nightlySubject,
        writeUnits: m.nightlySubject.writeUnits + w.changedPerNight * 2 * 2,
      },
      p,
    ),
    line('score lookups', w.lookupsPerMonth, m.lookup, p),
    line('page views', w.pageViewsPerMonth, m.page, p),
    line('outbox sweeps', SWEEPS_PER_MONTH, m.sweep, p),
    line('deadlines fired', w.subjectDeadlinesPerYear / 12 + DAYS_PER_MONTH, m.deadline, p),
  ];
  // After five years: every record kept, two live snapshots per subject, an audit entry per change.
  const bytes =
    5 * w.recordsPerYear * (BYTES.record + 2 * BYTES.audit) + subjects * (2 * BYTES.snapshot + BYTES.profile);
  const storageGb = bytes / 1e9;
  const storageUsd = storageGb * p.dynamoPerGbMonth;
  // Each deadline is one schedule invocation, plus the nightly run's.
  const schedulerUsd = ((w.subjectDeadlinesPerYear / 12 + DAYS_PER_MONTH) / 1e6) * p.schedulerPerMillionInvocations;
  const invocations = lines.reduce((s, l) => s + l.perMonth, 0);
  const fixedUsd =
    ((invocations * FIXED.logBytesPerInvocation) / 1e9) * p.logsPerGbIngested +
    FIXED.secrets * p.secretPerMonth +
    FIXED.alarms * p.alarmPerMonth;
  const totalUsd = lines.reduce((s, l) => s + l.usd, 0) + storageUsd + schedulerUsd + fixedUsd;
  return { lines, storageGb, storageUsd, schedulerUsd, fixedUsd, totalUsd };
};
