import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../../../domain/catalogue/catalogue.ts';
import { fromDayNumber } from '../../../../domain/dates.ts';
import {
  columnsOf,
  DEADLINE,
  dayNumber,
  eventIdHash,
  HASH,
  hasCaseNo,
  OCCURRED,
  PACKED,
  POINTS,
  RECTIFIED,
  REVOKED,
  RecordColumnsBuilder,
  ROW,
  ruleIndexOf,
  siteOf,
} from '../../../../domain/evaluation/columnar/columns.ts';
import { cataloguePoints } from '../../../../domain/evaluation/recordState.ts';
import { generateDataSet } from '../../../../infra/local/demoData.ts';

describe('record columns', () => {
  it('orders day numbers as the YYYY-MM-DD dates they come from (property)', () => {
    const date = fc.integer({ min: 10_000, max: 40_000 }).map(fromDayNumber);
    fc.assert(
      fc.property(date, date, (a, b) => {
        expect(Math.sign(dayNumber(a) - dayNumber(b))).toBe(a < b ? -1 : a > b ? 1 : 0);
      }),
    );
    expect(dayNumber('2026-02-3x')).toBe(-1);
    expect(dayNumber('2026/02/03')).toBe(-1);
  });

  it('gives equal eventIds equal hashes', () => {
    fc.assert(
      fc.property(fc.string(), (id) => {
        expect(eventIdHash(id)).toBe(eventIdHash([...id].join('')));
      }),
    );
    expect(eventIdHash('B-1')).not.toBe(eventIdHash('B-2'));
  });

  it('holds each record field by field, whatever the starting capacity', () => {
    const { subjects, records } = generateDataSet(40, 400, 11);
    const small = new RecordColumnsBuilder(subjects, 16);
    for (const r of records) small.add(r);
    const c = small.finish();
    expect(c).toStrictEqual(columnsOf(subjects, records));
    expect(c.wellFormed).toBe(true);
    records.forEach((r, i) => {
      const row = (field: number) => c.rows[i * ROW + field]!;
      const rule = CATALOGUE[ruleIndexOf(row(PACKED))]!;
      expect(rule.code).toBe(r.rule);
      expect(row(POINTS)).toBe(cataloguePoints(rule, r));
      expect(row(OCCURRED)).toBe(dayNumber(r.occurredOn));
      expect(row(RECTIFIED)).toBe(r.rectifiedOn === null ? -1 : dayNumber(r.rectifiedOn));
      expect(row(REVOKED)).toBe(r.revokedOn === null ? -1 : dayNumber(r.revokedOn));
      expect(row(DEADLINE)).toBe(r.warning === null ? -1 : dayNumber(r.warning.deadline));
      expect(row(HASH)).toBe(eventIdHash(r.eventId));
      expect(c.caseNo[i]).toBe(r.caseNo);
      expect(hasCaseNo(row(PACKED))).toBe(r.caseNo !== null);
      const subject = subjects[c.group[i]!]!;
      expect(subject.id).toBe(r.subject.id);
      const sites = subject.kind === 'enterprise' ? (subject.sites ?? []) : [];
      expect(siteOf(row(PACKED))).toBe(
        r.subject.siteId === null ? -1 : sites.findIndex((s) => s.siteId === r.subject.siteId),
      );
    });
    expect(c.citing).toStrictEqual(records.flatMap((r, i) => (r.clientEventId === null ? [] : [i])));
  });

  it('weighs the sites of an enterprise by output share in millionths, equally when one is missing (Art 16(2), I9)', () => {
    const enterprise = (id: string, shares: (number | null)[]) => ({
      kind: 'enterprise' as const,
      id,
      sites: shares.map((outputShare, i) => ({ siteId: `${id}-${i}`, outputShare })),
    });
    const c = columnsOf([enterprise('a', [0.25, 0.75]), enterprise('b', [0.5, null]), enterprise('c', [0, 0])], []);
    expect([...c.siteUnits]).toStrictEqual([250_000, 750_000, 1, 1, 1, 1]);
    expect([...c.siteTotal]).toStrictEqual([1_000_000, 2, 2]);
    expect([...c.siteStart]).toStrictEqual([0, 2, 4, 6]);
  });

  it('marks a record at a site its enterprise did not register, and one of an unknown rule', () => {
    const subjects = [{ kind: 'enterprise' as const, id: 'E', sites: [{ siteId: 'E-1' }] }];
    const { records } = generateDataSet(1, 1, 1);
    const base = { ...records[0]!, subject: { kind: 'enterprise' as const, id: 'E', siteId: 'E-9' } };
    const c = columnsOf(subjects, [base, { ...base, rule: 'NO_SUCH_RULE' }]);
    expect(siteOf(c.rows[PACKED]!)).toBe(-2);
    expect(c.wellFormed).toBe(false);
  });
});
