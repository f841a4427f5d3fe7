import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoSummary, describeSamples, loadDemoData } from '../../../infra/local/demo.ts';
import type { LocalRuntime } from '../../../infra/local/runtime.ts';
import { getScore, staffToken, startTestRuntime, TEST_JWT_SECRET, TEST_SECRET } from '../../support/runtime.ts';

let rt: LocalRuntime;
let summary: DemoSummary;
const progress: string[] = [];
beforeAll(async () => {
  rt = await startTestRuntime({ poll: true, pollers: 2 });
  summary = await loadDemoData(rt, 'nmg-enforcement', TEST_SECRET, TEST_JWT_SECRET, {
    subjects: 40,
    records: 150,
    progress: (line) => progress.push(line),
  });
}, 300_000);
afterAll(async () => rt?.stop());

describe('npm start -- --demo', () => {
  it('registers every subject and sends every record, saying how far it got', () => {
    expect(summary).toMatchObject({ subjects: 40, records: 150 });
    expect(progress).toContain('登记主体 40/40');
    expect(progress).toContain('报送信用记录 150/150');
  });

  it('names subjects to try, with the grade the service gives them', async () => {
    const enterprises = summary.samples.filter((s) => s.kind === 'enterprise');
    expect(enterprises.length).toBeGreaterThan(1);
    expect(new Set(enterprises.map((s) => s.grade)).size).toBe(enterprises.length);
    const token = await staffToken({ role: 'region' });
    for (const s of enterprises) {
      const score = await getScore(rt, s.kind, s.id, { token });
      expect(score.json).toMatchObject({ grade: s.grade, score: s.score });
    }
    const lines = describeSamples(summary.samples);
    expect(lines[0]).toContain(`enterprise ${enterprises[0]!.id}`);
    expect(lines[0]).toContain(enterprises[0]!.name);
  });

  it('publishes the previous year’s results of enterprises and agencies for the public site, never of practitioners', async () => {
    const lastYear = rt.clock.now().getUTCFullYear() - 1;
    expect(summary.published.year).toBe(lastYear);
    expect(summary.published.subjects).toBeGreaterThan(0);
    const enterprise = summary.samples.find((s) => s.kind === 'enterprise')!;
    const published = await getScore(rt, enterprise.kind, enterprise.id, { query: `year=${lastYear}` });
    expect(published.status).toBe(200);
    expect(published.json).toMatchObject({ status: 'published', year: lastYear });
    const practitioner = summary.samples.find((s) => s.kind === 'practitioner');
    if (practitioner)
      expect((await getScore(rt, practitioner.kind, practitioner.id, { query: `year=${lastYear}` })).status).toBe(404);
  });
});
