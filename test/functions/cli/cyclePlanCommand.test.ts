import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const ecocredit = (args: string[]) =>
  spawnSync(process.execPath, ['bin/ecocredit.js', ...args], { cwd: root, encoding: 'utf8' });

describe('ecocredit cycle plan (docs/api.md §5)', () => {
  it('prints the planned deadlines of the documented shape', () => {
    const r = ecocredit(['cycle', 'plan', '--kind', 'agency', '--year', '2025', '--notice', '2026-03-31']);
    expect(r.status).toBe(0);
    const plan = JSON.parse(r.stdout);
    expect(plan).toMatchObject({ kind: 'agency', year: 2025 });
    expect(plan.deadlines[0]).toMatchObject({
      id: 'LISTING.end',
      on: '2026-03-31',
      type: 'fixed',
      article: 'Art 17(1)',
      provisional: false,
      atRiskBy: 0,
    });
    expect(plan.deadlines.find((d: { id: string }) => d.id === 'REPORTED.end').atRiskBy).toBe(24);
  });

  it('prints a table in Chinese for a person', () => {
    const r = ecocredit([
      'cycle',
      'plan',
      '--kind',
      'agency',
      '--year',
      '2025',
      '--notice',
      '2026-03-31',
      '--format',
      'table',
    ]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('2025年度第三方服务机构环保信用评价周期计划');
    expect(r.stdout).toContain('超出24个工作日');
    expect(r.stdout).toContain('系统不会缩短任何法定期限');
  });

  it('bad arguments: exit 2 with a message', () => {
    for (const args of [
      ['plan', '--kind', 'nope', '--year', '2025'],
      ['plan', '--kind', 'agency'],
      ['plan', '--kind', 'agency', '--year', '2025', '--format', 'xml'],
      ['show'],
    ]) {
      const r = ecocredit(['cycle', ...args]);
      expect([r.status, r.stdout]).toEqual([2, '']);
      expect(r.stderr).toMatch(/[\u4e00-\u9fa5]/);
    }
  });
});
