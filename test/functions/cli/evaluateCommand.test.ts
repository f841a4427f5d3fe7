import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const fixture = fileURLToPath(new URL('../../fixtures/evaluate-basic.json', import.meta.url));

const ecocredit = (args: string[], input?: string) =>
  spawnSync(process.execPath, ['bin/ecocredit.js', ...args], { cwd: root, input, encoding: 'utf8' });

describe('ecocredit evaluate (API.md §4)', () => {
  it('prints the results of a file as JSON, in input order, exit 0', () => {
    const r = ecocredit(['evaluate', fixture]);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.results.map((x: { subject: { kind: string } }) => x.subject.kind)).toEqual(['enterprise', 'agency', 'practitioner']);
    expect(out.results[0]).toMatchObject({ score: 99.8, grade: 'A', samplingMultiplier: 0.3, repair: [] });
    expect(out.results[1]).toMatchObject({ score: 97, grade: 'A' });
    expect(out.results[2]).toMatchObject({ dishonest: true, records: 2 });
  });

  it('reads standard input for -', () => {
    const r = ecocredit(['evaluate', '-'], JSON.stringify({ year: 2026, asOf: '2026-12-31', subjects: [], records: [] }));
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ results: [] });
  });

  it('bad input: a Chinese message naming the field on stderr, exit 2, nothing on stdout', () => {
    const r = ecocredit(['evaluate', '-'], JSON.stringify({ subjects: [], records: [{ eventId: 'x', subject: { kind: 'enterprise', id: '91150600MA0Q67890N' }, rule: 'ENF_FINE', occurredOn: '2026-01-01', department: 'd', league: '150600' }] }));
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('records[0].fineYuan');
    expect(r.stderr).toContain('罚款金额');
  });

  it('refuses a file that is not JSON, a missing file and a missing argument with exit 2', () => {
    expect(ecocredit(['evaluate', '-'], '{not json').status).toBe(2);
    const missing = ecocredit(['evaluate', '/nonexistent.json']);
    expect([missing.status, missing.stderr]).toEqual([2, expect.stringContaining('无法读取输入文件')]);
    expect(ecocredit(['evaluate']).status).toBe(2);
    expect(ecocredit(['nope']).stderr).toContain('未知命令');
  });
});
