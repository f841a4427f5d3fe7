import { describe, expect, it } from 'vitest';
import { officialWorkingCalendar } from '../../../domain/calendar/workingCalendar.ts';
import {
  practitionerRepairVerificationDeadline,
  repairVerificationDeadline,
} from '../../../domain/cycles/caseWindows.ts';

const cal = officialWorkingCalendar();

describe('per-case windows (docs/timeline.md "Windows outside the cycle")', () => {
  it('Art 23: a repair application is verified within 20 working days of receipt', () => {
    expect(repairVerificationDeadline('2026-09-21', cal)).toMatchObject({
      on: '2026-10-26',
      article: 'Art 23',
      provisional: false,
    });
  });

  it('Art 25: a practitioner’s repair application likewise, and provisional across into 2027 (I11)', () => {
    expect(practitionerRepairVerificationDeadline('2026-12-15', cal)).toMatchObject({
      on: '2027-01-12',
      article: 'Art 25',
      provisional: true,
    });
  });
});
