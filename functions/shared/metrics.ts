import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';

/** The CloudWatch namespace of every metric of the service (docs/observability.md). */
export const METRICS_NAMESPACE = 'ecocredit';

/**
 * The metrics the functions publish, by name. Alarms (infra) watch them with the dimension
 * `service` = the function's service name, which Powertools adds to every metric.
 */
/** The `service` dimension Powertools adds to every metric, per publishing function (alarms must name it). */
export const METRIC_SERVICE = { ingestSweeper: 'ingest-sweeper', rescoreWorker: 'rescore-worker' } as const;

export const METRIC = {
  /** ingest-sweeper: outbox entries set aside after too many failed deliveries (alarm ≥ 1). */
  stuckClaims: 'StuckClaims',
  /** ingest-sweeper: outbox entries sent to the record queue again. */
  requeuedClaims: 'RequeuedClaims',
  /** rescore-worker: stored snapshots that differed from a fresh evaluation and were rewritten. */
  snapshotDrift: 'SnapshotDrift',
} as const;
export type MetricName = (typeof METRIC)[keyof typeof METRIC];

/** One Powertools metrics instance per function: embedded metric format (EMF) lines on stdout. */
export const createMetrics = (serviceName: string): Metrics =>
  new Metrics({ namespace: METRICS_NAMESPACE, serviceName });

/** Adds counts and flushes them now, as one EMF line (CloudWatch turns it into metrics, asynchronously). */
export const publishCounts = (metrics: Metrics, counts: Partial<Record<MetricName, number>>): void => {
  for (const [name, value] of Object.entries(counts)) metrics.addMetric(name, MetricUnit.Count, value);
  metrics.publishStoredMetrics();
};
