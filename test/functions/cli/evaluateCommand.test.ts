import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../domain/evaluation/evaluate.ts';
import { parseEvaluationInput } from '../../../domain/evaluation/evaluationInput.ts';
import { describeIssues } from '../../../domain/validation.ts';
import { runEvaluate } from '../../../functions/cli/evaluateCommand.ts';
import { InputFileError, UsageError } from '../../../functions/cli/io.ts';
import { generateDataSet } from '../../../infra/local/demoData.ts';

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

describe('ecocredit evaluate reads a large file piece by piece, with the same output and messages', () => {
  /** What the command prints, from the whole input read at once (docs/api.md §4). */
  const expected = (raw: unknown): string => {
    const parsed = parseEvaluationInput(raw, TODAY);
    if (!parsed.ok) throw new Error(describeIssues(parsed.issues));
    return `{"results":[${evaluate(parsed.value)
      .map((r) => `\n${JSON.stringify(r)}`)
      .join(',')}\n]}\n`;
  };
  const TODAY = '2027-04-01';
  const run = async (text: string): Promise<string> => {
    const file = join(mkdtempSync(join(tmpdir(), 'ecocredit-evaluate-')), 'input.json');
    writeFileSync(file, text);
    const chunks: string[] = [];
    const out = new Writable({
      write(chunk, _encoding, done) {
        chunks.push(String(chunk));
        done();
      },
    });
    await runEvaluate([file], out, TODAY);
    return chunks.join('');
  };
  const errorOf = async (text: string): Promise<Error> => {
    try {
      await run(text);
    } catch (err) {
      return err as Error;
    }
    throw new Error('no error');
  };

  it('prints byte for byte what the whole input gives, however the file is laid out (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 0, max: 5000 }),
        fc.constantFrom(0, 1, '\t'),
        fc.boolean(),
        async (seed, subjects, records, indent, extras) => {
          const data = generateDataSet(subjects, records, seed);
          const raw = {
            ...(extras ? { note: { a: [1, '}', '"]'] }, options: { mergeMeasuresOfOneCase: false } } : {}),
            year: 2026,
            subjects: data.subjects,
            records: data.records,
            ...(extras ? { asOf: '2027-03-31', history: [] } : {}),
          };
          const text = JSON.stringify(raw, null, indent || undefined);
          const parsed = parseEvaluationInput(JSON.parse(text), TODAY);
          if (parsed.ok) expect(await run(text)).toBe(expected(JSON.parse(text)));
          else expect((await errorOf(text)).message).toBe(`输入无效：${describeIssues(parsed.issues)}`);
        },
      ),
      { numRuns: 25 },
    );
  });

  it('names the field of a bad record deep in a large file, as reading it whole does', async () => {
    const data = generateDataSet(50, 6000, 3);
    const records: unknown[] = data.records.map((r) => ({ ...r }));
    records[4321] = { ...(records[4321] as object), occurredOn: '2026-02-30' };
    const raw = { year: 2026, asOf: '2027-03-31', subjects: data.subjects, records };
    const err = await errorOf(JSON.stringify(raw));
    expect(err).toBeInstanceOf(UsageError);
    const parsed = parseEvaluationInput(raw, TODAY);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(err.message).toBe(`输入无效：${describeIssues(parsed.issues)}`);
    expect(err.message).toContain('records[4321].occurredOn');
  });

  it('says where JSON broken deep in the records is, with its line and column', async () => {
    const data = generateDataSet(20, 4500, 5);
    const text = JSON.stringify({ year: 2026, subjects: data.subjects, records: data.records }, null, 1);
    const broken = text.replace('"B-4100"', '"B-4100" "x"');
    const err = await errorOf(broken);
    expect(err).toBeInstanceOf(InputFileError);
    expect(() => JSON.parse(broken)).toThrow();
    expect(err.message).toMatch(/不是有效的 JSON：第 \d+ 行第 \d+ 列：属性值之后应为逗号/);
  });

  it('keeps the last of a name given twice, as JSON.parse does', async () => {
    const data = generateDataSet(5, 30, 9);
    const text = `{"records": [], "year": 2025, "subjects": ${JSON.stringify(data.subjects)}, "records": ${JSON.stringify(data.records)}, "year": 2026}`;
    expect(await run(text)).toBe(expected(JSON.parse(text)));
  });
});
