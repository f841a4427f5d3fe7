import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACT_ROLES, ACTS } from '../../../domain/cycles/definitions.ts';
import { LEAGUE_CODES } from '../../../domain/identifiers/leagues.ts';
import type { StaffClaims } from '../../../functions/ports/identity.ts';
import { type Caller, mayActOn } from '../../../functions/shared/auth.ts';
import { type Action, authorize } from '../../../functions/shared/policy.ts';

const staff = (claims: StaffClaims): Caller => ({ type: 'staff', claims });
const REGION = staff({ role: 'region', league: '150000' });
const HOHHOT = staff({ role: 'league', league: '150100' });
const BAOTOU = staff({ role: 'league', league: '150200' });
const ENTERPRISE = staff({ role: 'enterprise', subject: '91150100MA0000001A' });
const verdict = (caller: Caller, action: Action, target?: never) => {
  const a = authorize(caller, action, target);
  return a.ok ? 'ok' : a.refusal.status;
};

describe('authorize: who may do what (docs/authorization.md)', () => {
  it('a caller without a staff token is unauthorized, saying why its token was refused', () => {
    expect(authorize({ type: 'public' }, 'cycle.read')).toEqual({
      ok: false,
      refusal: { status: 'unauthorized', reason: 'missing' },
    });
    expect(authorize({ type: 'invalid', reason: 'expired' }, 'cycle.open')).toEqual({
      ok: false,
      refusal: { status: 'unauthorized', reason: 'expired' },
    });
  });

  it('only the region opens cycles and loads calendars; the region and league bureaus read cycles (Art 8)', () => {
    expect(
      [REGION, HOHHOT, ENTERPRISE].map((c) => [
        verdict(c, 'cycle.open'),
        verdict(c, 'calendar.load'),
        verdict(c, 'cycle.read'),
      ]),
    ).toEqual([
      ['ok', 'ok', 'ok'],
      ['forbidden', 'forbidden', 'ok'],
      ['forbidden', 'forbidden', 'forbidden'],
    ]);
  });

  it('an act is done by the role ACT_ROLES gives it: a league act by its own bureau or the region (Art 8, 16-18)', () => {
    for (const act of ACTS) {
      const target = { act, league: '150100' };
      expect(authorize(REGION, 'cycle.act', target).ok).toBe(true);
      expect(authorize(HOHHOT, 'cycle.act', target).ok).toBe(ACT_ROLES[act] === 'league');
      expect(authorize(BAOTOU, 'cycle.act', target).ok).toBe(false);
      expect(authorize(ENTERPRISE, 'cycle.act', target).ok).toBe(false);
    }
  });

  it('subject actions follow mayActOn; registering and deciding repairs are a bureau’s', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<StaffClaims>(
          { role: 'region' },
          { role: 'league', league: '150100' },
          { role: 'league', league: '150200' },
          { role: 'enterprise', subject: 'A' },
          { role: 'agency', subject: 'B' },
        ),
        fc.constantFrom('enterprise', 'agency', 'practitioner'),
        fc.constantFrom('A', 'B', 'C'),
        fc.constantFrom<string | null>(null, '150000', ...LEAGUE_CODES.slice(0, 3)),
        (claims, kind, id, league) => {
          const target = { kind, id, league };
          const bureau = claims.role === 'region' || claims.role === 'league';
          expect(authorize(staff(claims), 'subject.readLive', target).ok).toBe(mayActOn(claims, target));
          expect(authorize(staff(claims), 'repair.apply', target).ok).toBe(mayActOn(claims, target));
          expect(authorize(staff(claims), 'subject.register', target).ok).toBe(bureau && mayActOn(claims, target));
          expect(authorize(staff(claims), 'repair.decide', target).ok).toBe(bureau && mayActOn(claims, target));
        },
      ),
    );
  });

  it('a league bureau manages the stuck claims of its league only; the region all; nobody else', () => {
    expect(authorize(REGION, 'ingest.manage', { league: '150400' }).ok).toBe(true);
    expect(authorize(HOHHOT, 'ingest.manage').ok).toBe(true);
    expect(authorize(HOHHOT, 'ingest.manage', { league: '150400' }).ok).toBe(false);
    expect(authorize(staff({ role: 'league' }), 'ingest.manage').ok).toBe(false);
    expect(verdict(ENTERPRISE, 'ingest.manage')).toBe('forbidden');
  });

  it('a league bureau builds its own league’s list of participants; the region every league’s (Art 8, 16(1), 17(1))', () => {
    expect(authorize(HOHHOT, 'participants.manage', { league: '150100' }).ok).toBe(true);
    expect(authorize(HOHHOT, 'participants.manage', { league: '150600' }).ok).toBe(false);
    expect(authorize(REGION, 'participants.manage', { league: '150600' }).ok).toBe(true);
    expect(verdict(ENTERPRISE, 'participants.manage')).toBe('forbidden');
  });

  it('the service buyer itself files its practitioners (Art 18(1)): not another unit, not a bureau', () => {
    const self = { kind: 'enterprise', id: '91150100MA0000001A' };
    expect(authorize(ENTERPRISE, 'practitioners.file', self).ok).toBe(true);
    expect(authorize(ENTERPRISE, 'practitioners.file', { ...self, id: '91150100MA0000002Y' }).ok).toBe(false);
    expect(verdict(HOHHOT, 'practitioners.file')).toBe('forbidden');
    expect(verdict(REGION, 'practitioners.file')).toBe('forbidden');
  });

  it('only the unit itself signs its commitment letter (Annex 4): not another unit, not a bureau', () => {
    const self = { kind: 'enterprise', id: '91150100MA0000001A' };
    expect(authorize(ENTERPRISE, 'commitment.sign', self).ok).toBe(true);
    expect(authorize(ENTERPRISE, 'commitment.sign', { ...self, id: '91150100MA0000002Y' }).ok).toBe(false);
    expect(authorize(ENTERPRISE, 'commitment.sign', { ...self, kind: 'agency' }).ok).toBe(false);
    expect(verdict(REGION, 'commitment.sign')).toBe('forbidden');
    expect(authorize(HOHHOT, 'commitment.sign', self).ok).toBe(false);
  });
  it('Art 21-22: a league bureau issues and decides credit warnings in its own league; the warned unit reports', () => {
    expect(authorize(HOHHOT, 'warning.issue', { league: '150100' }).ok).toBe(true);
    expect(authorize(HOHHOT, 'warning.issue', { league: '150200' }).ok).toBe(false);
    expect(authorize(REGION, 'warning.issue', { league: '150100' }).ok).toBe(false);
    expect(authorize(ENTERPRISE, 'warning.issue', { league: '150100' }).ok).toBe(false);
    const own = { kind: 'enterprise', id: '91150100MA0000001A' };
    expect(authorize(ENTERPRISE, 'warning.report', own).ok).toBe(true);
    expect(authorize(ENTERPRISE, 'warning.report', { ...own, id: '91150100MA0000002B' }).ok).toBe(false);
    expect(authorize(HOHHOT, 'warning.report', own).ok).toBe(false);
  });

  it('Art 18(1), 18(4): the unit whose filing of a practitioner was listed reads its result and notices and objects for it; nobody else', () => {
    const person = { kind: 'practitioner', id: '150602199001010315' };
    const employer = { kind: 'enterprise', code: '91150100MA0000001A' };
    for (const action of ['objection.file', 'participant.own'] as const) {
      expect(authorize(ENTERPRISE, action, { ...person, listedEmployer: employer }).ok).toBe(true);
      expect(authorize(ENTERPRISE, action, person).ok).toBe(false);
      expect(
        authorize(ENTERPRISE, action, { ...person, listedEmployer: { ...employer, code: '91150100MA0000002Y' } }).ok,
      ).toBe(false);
      expect(authorize(ENTERPRISE, action, { ...person, listedEmployer: { ...employer, kind: 'agency' } }).ok).toBe(
        false,
      );
      // A unit is never another unit's "employer": the rule is for practitioners only.
      expect(
        authorize(ENTERPRISE, action, { kind: 'agency', id: '91150100MA0000003W', listedEmployer: employer }).ok,
      ).toBe(false);
      expect(authorize(HOHHOT, action, { ...person, listedEmployer: employer }).ok).toBe(false);
    }
    const live = { ...person, league: '150100' };
    expect(authorize(ENTERPRISE, 'subject.readLive', { ...live, listedEmployer: employer }).ok).toBe(true);
    expect(authorize(ENTERPRISE, 'subject.readLive', live).ok).toBe(false);
  });

  it('the public comments are investigated by the league bureau of the result or the region, by no one else (Art 16(4), 17(6))', () => {
    const of = (c: Caller, league: string) => {
      const a = authorize(c, 'comment.investigate', { league });
      return a.ok ? 'ok' : a.refusal.status;
    };
    const GROUP = staff({ role: 'reviewGroup' });
    expect([REGION, HOHHOT, BAOTOU, ENTERPRISE, GROUP].map((c) => of(c, '150100'))).toEqual([
      'ok',
      'ok',
      'forbidden',
      'forbidden',
      'forbidden',
    ]);
  });
});
