import { describe, expect, it } from 'vitest';
import { repairEventId, repairTargetOf } from '../../../functions/ports/store.ts';

/** What a repair application repairs (Art 23, 24): one record, or a practitioner's dishonest year. */
describe('a repair application’s target', () => {
  it('names a practitioner’s dishonest year as the application’s eventId and reads the year back (Art 24)', () => {
    const eventId = repairEventId({ kind: 'dishonestYear', year: 2026 });
    expect(eventId).toBe('DISHONEST-2026');
    expect(repairTargetOf({ subject: { kind: 'practitioner', id: '150102199001011234' }, eventId })).toEqual({
      kind: 'dishonestYear',
      year: 2026,
    });
  });

  it('names an enterprise’s or agency’s one record by its event id (Art 23)', () => {
    expect(repairEventId({ kind: 'record', eventId: 'E-1' })).toBe('E-1');
    expect(repairTargetOf({ subject: { kind: 'enterprise', id: '91150100MA0000001X' }, eventId: 'E-1' })).toEqual({
      kind: 'record',
      eventId: 'E-1',
    });
  });
});
