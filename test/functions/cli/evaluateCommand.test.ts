import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const fixture = fileURLToPath(new URL('../../fixtures/evaluate-basic.json', import.meta.url));
const blacklistFixture = fileURLToPath(new URL('../../fixtures/evaluate-blacklist.json', import.meta.url));

const ecocredit = (args: string[], input?: string) =>
  spawnSync(process.execPath, ['bin/ecocredit.js', ...args], { cwd: root, input, encoding: 'utf8' });

describe('ecocredit evaluate (docs/api.md §4)', () => {
  it('prints the results of a file as JSON, in input order, exit 0', () => {
    const r = ecocredit(['evaluate', fixture]);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.results.map((x: { subject: { kind: string } }) => x.subject.kind)).toEqual([
      'enterprise',
      'agency',
      'practitioner',
    ]);
    expect(out.results[0]).toMatchObject({ score: 99.8, grade: 'A', samplingMultiplier: 0.3, repair: [] });
    expect(out.results[1]).toMatchObject({ score: 97, grade: 'A' });
    expect(out.results[2]).toMatchObject({ dishonest: true, records: 2 });
  });

  it('reads standard input for -', () => {
    const r = ecocredit(
      ['evaluate', '-'],
      JSON.stringify({ year: 2026, asOf: '2026-12-31', subjects: [], records: [] }),
    );
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ results: [] });
  });

  it('bad input: a Chinese message naming the field on stderr, exit 2, nothing on stdout', () => {
    const r = ecocredit(
      ['evaluate', '-'],
      JSON.stringify({
        subjects: [],
        records: [
          {
            eventId: 'x',
            subject: { kind: 'enterprise', id: '91150600MA0Q67890N' },
            rule: 'ENF_FINE',
            occurredOn: '2026-01-01',
            department: 'd',
            league: '150600',
          },
        ],
      }),
    );
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

  it('shows the Chinese words beside the codes: grade name, item wording and article, notes as sentences', () => {
    const r = ecocredit(['evaluate', fixture]);
    const [ent, , pr] = JSON.parse(r.stdout).results;
    expect(ent).toMatchObject({ grade: 'A', gradeName: '环保诚信单位' });
    expect(ent.items[0]).toMatchObject({ rule: 'ENF_FINE', wording: '罚款', article: 'Annex 1', articleName: '附件1' });
    expect(ent.noteDetails).toHaveLength(ent.notes.length);
    expect(pr).toMatchObject({ dishonest: true, gradeName: '环保失信个人' });
  });

  it('I10 and I20 on the command line: a third D is blacklisted, a non-D is not, a revoked record adds no site', () => {
    const r = ecocredit(['evaluate', blacklistFixture]);
    expect(r.status).toBe(0);
    const [third, nonD] = JSON.parse(r.stdout).results;
    expect(third).toMatchObject({ grade: 'D', blacklisted: true, samplingMultiplier: 2 });
    expect(
      third.noteDetails.some((n: { id: string; text: string }) => n.id === 'I10' && n.text.includes('公布之日起')),
    ).toBe(true);
    expect(nonD).toMatchObject({ score: 94.2, grade: 'B', blacklisted: false, samplingMultiplier: 0.5 });
    expect(nonD.sites.map((s: { siteId: string }) => s.siteId)).toEqual(['P-1', 'P-2']);
  });

  it('bad input: every field’s problem at once, exit 2', () => {
    const record = {
      eventId: 'x',
      subject: { kind: 'practitioner', id: '150203199001010010' },
      rule: 'PR_FRAUD_IN_SERVICE',
      occurredOn: '2026-01-01',
      department: '',
      league: '150600',
      warning: { issuedOn: '2026-01-01', deadline: '2026-02-01' },
    };
    const r = ecocredit(['evaluate', '-'], JSON.stringify({ year: 'x', subjects: [], records: [record] }));
    expect(r.status).toBe(2);
    for (const path of ['year', 'records[0].department', 'records[0].warning']) expect(r.stderr).toContain(path);
  });
});
