import { describe, expect, it } from 'vitest';
import { refusalOfRead, subjectToRead } from '../../../../../functions/web/console/subjects/readAccess.ts';
import { enterprise, uscc } from '../../../../support/builders.ts';

/** Who may read a subject's live view in the console (`subject.readLive`), before and after the read. */
const ordos = { type: 'staff' as const, claims: { role: 'league' as const, league: '150600' } };
const hohhot = { type: 'staff' as const, claims: { role: 'league' as const, league: '150100' } };
const region = { type: 'staff' as const, claims: { role: 'region' as const } };
const E = enterprise({ id: uscc(611, '150600'), league: '150600' });
const ref = { kind: 'enterprise' as const, id: E.id };

describe('reading a subject in the console', () => {
  it('needs a staff role and a path naming a possible subject before anything is read', () => {
    expect(subjectToRead(ordos, 'enterprise', E.id)).toEqual({ status: 'ok', value: { ref, claims: ordos.claims } });
    expect(subjectToRead({ type: 'public' }, 'enterprise', E.id).status).toBe('unauthorized');
    expect(subjectToRead(ordos, 'enterprise', 'not-a-code')).toMatchObject({
      status: 'invalid',
      issues: [{ path: 'id' }],
    });
    expect(subjectToRead(ordos, 'factory', E.id)).toMatchObject({ status: 'invalid', issues: [{ path: 'kind' }] });
  });

  it('lets the subject’s league and the region read it, and refuses another league', () => {
    expect(refusalOfRead(ordos, ref, E)).toBeNull();
    expect(refusalOfRead(region, ref, E)).toBeNull();
    expect(refusalOfRead(hohhot, ref, E)).toEqual({ status: 'forbidden' });
  });

  it('refuses a league the same for a subject that does not exist as for another league’s', () => {
    expect(refusalOfRead(hohhot, ref, null)).toEqual({ status: 'forbidden' });
    expect(refusalOfRead(ordos, ref, null)).toEqual({ status: 'forbidden' });
    expect(refusalOfRead(region, ref, null)).toEqual({ status: 'notFound' });
  });
});
