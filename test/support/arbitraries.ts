import fc from 'fast-check';
import { CATALOGUE } from '../../domain/catalogue/catalogue.ts';
import { addDays } from '../../domain/dates.ts';
import { type CreditRecord, toCreditRecord } from '../../domain/records/creditRecord.ts';
import { ENTERPRISE_ID } from './builders.ts';

/** Enterprise rules a caller may send (no derived-only code). */
export const ENTERPRISE_CODES = CATALOGUE.filter((r) => r.kinds.includes('enterprise') && !r.derivedOnly).map(
  (r) => r.code,
);

const dateIn = (from: string, days: number) => fc.integer({ min: 0, max: days }).map((n) => addDays(from, n));

/** A valid enterprise record of 2025-2026 with an arbitrary lifecycle, for property tests. */
export const enterpriseRecord = (
  eventId: fc.Arbitrary<string>,
  sites: readonly (string | null)[] = [null],
): fc.Arbitrary<CreditRecord> =>
  fc
    .record({
      eventId,
      rule: fc.constantFrom(...ENTERPRISE_CODES),
      occurredOn: dateIn('2025-01-01', 729),
      siteId: fc.constantFrom(...sites),
      fineYuan: fc.integer({ min: 1, max: 1_000_000 }),
      caseNo: fc.constantFrom(null, '案1', '案2'),
      warningDays: fc.option(fc.integer({ min: 0, max: 90 })),
      rectifiedAfter: fc.option(fc.integer({ min: 0, max: 400 })),
      revokedAfter: fc.option(fc.integer({ min: 0, max: 400 }), { freq: 5 }),
      repairedAfter: fc.option(fc.integer({ min: 0, max: 400 }), { freq: 5 }),
    })
    .map((a) => {
      const isBonus = [
        'SR_COMMENDATION',
        'SR_PRAISE',
        'PI_ULTRA_LOW_EMISSION',
        'PI_POLLUTION_INSURANCE',
        'PI_WIN_WIN',
      ].includes(a.rule);
      const rectifiedOn = a.rectifiedAfter == null ? null : addDays(a.occurredOn, a.rectifiedAfter);
      return toCreditRecord({
        eventId: a.eventId,
        subject: { kind: 'enterprise' as const, id: ENTERPRISE_ID, ...(a.siteId ? { siteId: a.siteId } : {}) },
        rule: a.rule,
        occurredOn: a.occurredOn,
        department: '150100-EEB',
        league: '150100',
        ...(a.rule === 'ENF_FINE' ? { fineYuan: a.fineYuan } : {}),
        ...(a.rule === 'D14_OTHER_LEGAL' ? { legalBasis: '法律依据' } : {}),
        caseNo: a.caseNo,
        warning:
          a.warningDays == null || isBonus
            ? null
            : { issuedOn: a.occurredOn, deadline: addDays(a.occurredOn, a.warningDays) },
        rectifiedOn,
        revokedOn: a.revokedAfter == null ? null : addDays(a.occurredOn, a.revokedAfter),
        repairedOn: a.repairedAfter == null || rectifiedOn == null ? null : addDays(rectifiedOn, a.repairedAfter),
      });
    });

/** A set of records with distinct eventIds. */
export const enterpriseRecords = (sites: readonly (string | null)[] = [null], maxLength = 25) =>
  fc.uniqueArray(enterpriseRecord(fc.stringMatching(/^E[0-9]{1,4}$/), sites), {
    selector: (r) => r.eventId,
    maxLength,
  });
