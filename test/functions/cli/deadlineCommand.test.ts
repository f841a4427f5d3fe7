import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const calendar2027 = fileURLToPath(new URL('../../fixtures/calendar-2027-test.json', import.meta.url));
const ecocredit = (args: string[]) =>
  spawnSync(process.execPath, ['bin/ecocredit.js', ...args], { cwd: root, encoding: 'utf8' });

describe('ecocredit deadline (docs/api.md §5)', () => {
  it('gives the documented result', () => {
    const r = ecocredit(['deadline', '--from', '2026-04-30', '--working-days', '7']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      closesOn: '2026-05-13',
      closesAt: '2026-05-13T15:59:59.000Z',
      provisional: false,
    });
  });

  it('loads calendars with --calendar (repeatable) and drops the provisional mark', () => {
    const before = JSON.parse(ecocredit(['deadline', '--from', '2026-12-24', '--working-days', '6']).stdout);
    const after = JSON.parse(
      ecocredit([
        'deadline',
        '--from',
        '2026-12-24',
        '--working-days',
        '6',
        '--calendar',
        calendar2027,
        '--calendar',
        calendar2027,
      ]).stdout,
    );
    expect([before.closesOn, before.provisional, after.closesOn, after.provisional]).toEqual([
      '2027-01-01',
      true,
      '2027-01-04',
      false,
    ]);
  });

  it('bad arguments: a clear Chinese message, exit 2, nothing on stdout', () => {
    for (const args of [
      ['--from', '2026-02-30', '--working-days', '1'],
      ['--from', '2026-04-30'],
      ['--from', '2026-04-30', '--working-days', '-1'],
      ['--from', '2026-04-30', '--working-days', '1', '--bogus', 'x'],
    ]) {
      const r = ecocredit(['deadline', ...args]);
      expect([r.status, r.stdout]).toEqual([2, '']);
      expect(r.stderr).toMatch(/[\u4e00-\u9fa5]/);
    }
  });

  it('refuses an invalid calendar file naming the field', () => {
    const r = ecocredit([
      'deadline',
      '--from',
      '2026-04-30',
      '--working-days',
      '1',
      '--calendar',
      fileURLToPath(new URL('../../fixtures/evaluate-basic.json', import.meta.url)),
    ]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('years');
  });
});
