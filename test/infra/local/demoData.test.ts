import { describe, expect, it } from 'vitest';
import { evaluateEach } from '../../../domain/evaluation/evaluate.ts';
import { parseEvaluationInput } from '../../../domain/evaluation/evaluationInput.ts';
import { LEAGUES } from '../../../domain/identifiers/leagues.ts';
import { generateDataSet } from '../../../infra/local/demoData.ts';

const data = generateDataSet(300, 2000, 7, '2024-12-01');
const HAN = /^[\u4e00-\u9fff（）〔〕]+$/;

describe('the demo region', () => {
  it('is the same data for the same seed', () => {
    expect(JSON.stringify(generateDataSet(40, 200, 3))).toBe(JSON.stringify(generateDataSet(40, 200, 3)));
  });

  it('names enterprises in Chinese after their league; no two units share a name', () => {
    const enterprises = data.subjects.filter((s) => s.kind === 'enterprise');
    for (const e of enterprises) {
      expect(e.name).toMatch(HAN);
      expect(e.name!.startsWith(LEAGUES[e.league as keyof typeof LEAGUES].replace(/市$/, ''))).toBe(true);
      expect(e.name).toMatch(/公司$/);
    }
    const names = data.subjects.filter((s) => s.kind !== 'practitioner').map((s) => s.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('gives enterprises one to four named sites whose declared shares sum to one', () => {
    const counts = new Set<number>();
    for (const e of data.subjects.filter((s) => s.kind === 'enterprise')) {
      counts.add(e.sites!.length);
      const shares = e.sites!.map((s) => s.outputShare).filter((x): x is number => typeof x === 'number');
      if (shares.length === e.sites!.length) expect(Math.round(shares.reduce((a, b) => a + b, 0) * 100)).toBe(100);
      for (const s of e.sites!) expect(s.name).toMatch(HAN);
    }
    expect([...counts].sort()).toEqual([1, 2, 3, 4]);
  });

  it('has agencies whose records cite their clients, and named practitioners employed by agencies and enterprises', () => {
    expect(data.records.filter((r) => r.rule === 'AG_CLIENT_DEDUCTED').length).toBeGreaterThan(0);
    const practitioners = data.subjects.filter((s) => s.kind === 'practitioner');
    for (const p of practitioners) expect(p.name).toMatch(HAN);
    expect(new Set(practitioners.map((p) => p.employer?.kind))).toEqual(new Set(['agency', 'enterprise']));
    const ids = new Set(data.subjects.map((s) => s.id));
    for (const p of practitioners) expect(ids.has(p.employer!.id)).toBe(true);
  });

  it('keeps every record within its two years', () => {
    for (const r of data.records) expect(r.occurredOn >= '2024-12-01' && r.occurredOn <= '2026-11-30').toBe(true);
  });

  it('spreads the grades: every grade occurs, most enterprises are A or B', () => {
    const parsed = parseEvaluationInput(
      { year: 2026, asOf: '2026-11-30', subjects: data.subjects, records: data.records },
      '2026-11-30',
    );
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const grades: Record<string, number> = {};
    for (const r of evaluateEach(parsed.value))
      if (r.subject.kind === 'enterprise' && 'grade' in r) grades[String(r.grade)] = (grades[String(r.grade)] ?? 0) + 1;
    expect(Object.keys(grades).sort()).toEqual(['A', 'B', 'C', 'D']);
    expect((grades.A! + grades.B!) / 225).toBeGreaterThan(0.6);
  });
});
