import { describe, expect, it } from 'vitest';
import { createMetrics, METRIC, METRICS_NAMESPACE, publishCounts } from '../../../functions/shared/metrics.ts';
import { captureEmf } from '../../support/emf.ts';

describe('metrics in the embedded metric format', () => {
  it('prints one EMF line per publication: namespace ecocredit, dimension service, counts as values', async () => {
    const metrics = createMetrics('ingest-sweeper');
    const [line, ...rest] = await captureEmf(async () =>
      publishCounts(metrics, { [METRIC.stuckClaims]: 3, [METRIC.requeuedClaims]: 0 }),
    );
    expect(rest).toEqual([]);
    expect(line!._aws.CloudWatchMetrics).toEqual([
      {
        Namespace: METRICS_NAMESPACE,
        Dimensions: [['service']],
        Metrics: [
          { Name: 'StuckClaims', Unit: 'Count' },
          { Name: 'RequeuedClaims', Unit: 'Count' },
        ],
      },
    ]);
    expect(line).toMatchObject({ service: 'ingest-sweeper', StuckClaims: 3, RequeuedClaims: 0 });
    expect(typeof line!._aws.Timestamp).toBe('number');
  });

  it('publishes what was added once: the next publication starts empty', async () => {
    const metrics = createMetrics('rescore-worker');
    const lines = await captureEmf(async () => {
      publishCounts(metrics, { [METRIC.snapshotDrift]: 2 });
      publishCounts(metrics, { [METRIC.snapshotDrift]: 0 });
    });
    expect(lines.map((l) => l.SnapshotDrift)).toEqual([2, 0]);
  });
});
