import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { crashRun } from '../../support/localProcess.ts';

/**
 * `npm start` with a real data folder, killed with SIGKILL at random moments during ingestion and
 * restarted: every delivery answered 202 is applied exactly once, and the scores are what the stored
 * records give (the nightly recomputation finds no drift). Larger counts: `npm run soak`.
 */
const dataDir = mkdtempSync(join(tmpdir(), 'ecocredit-crash-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('kill -9 during ingestion', () => {
  it('loses no accepted record and counts none twice', async () => {
    const run = await crashRun(dataDir, { records: 2000, subjects: 100, kills: 3, concurrency: 4 });
    expect(run.kills).toBe(3);
    expect(run.accepted).toBe(2000);
    expect({
      lost: run.lost,
      doubled: run.doubled,
      applied: run.applied,
      drift: run.drift,
      stuck: run.stuck,
      serverErrors: run.serverErrors,
    }).toEqual({
      lost: 0,
      doubled: 0,
      applied: 2000,
      drift: 0,
      stuck: 0,
      serverErrors: 0,
    });
  }, 540_000);
});
