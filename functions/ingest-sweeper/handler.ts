import { createMetrics, METRIC, METRIC_SERVICE, publishCounts } from '../shared/metrics.ts';
import { eventHandler } from '../shared/middleware.ts';
import type { Logger } from '../shared/structuredLogger.ts';
import type { SweepOutbox, SweepSummary } from './sweepOutbox.ts';

/**
 * `ingest-sweeper`: invoked every few minutes by an EventBridge schedule. Each sweep publishes
 * `StuckClaims` (watched by an alarm) and `RequeuedClaims` (docs/observability.md).
 */
export const createIngestSweeperHandler = (useCase: SweepOutbox, logger: Logger) => {
  const metrics = createMetrics(METRIC_SERVICE.ingestSweeper);
  return eventHandler(async (_event: unknown): Promise<SweepSummary> => {
    const summary = await useCase.execute();
    publishCounts(metrics, { [METRIC.stuckClaims]: summary.stuck, [METRIC.requeuedClaims]: summary.requeued });
    if (summary.setAside > 0 || summary.stuck > 0)
      logger.warn('claims set aside: see GET /v1/ingest/stuck', { ...summary });
    else logger.info('outbox swept', { ...summary });
    return summary;
  }, logger);
};
