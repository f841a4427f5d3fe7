import { isLeagueCode, type LeagueCode } from '../../domain/identifiers/leagues.ts';
import { type ListedEmployers, listedEmployerOf } from '../lookup/listedEmployers.ts';
import type { StaffClaims } from '../ports/identity.ts';
import type { ProfileStore, SubjectRef } from '../ports/store.ts';
import type { Caller } from '../shared/auth.ts';
import { type Forbidden, type NotFound, notFound, type Outcome, ok, type Unauthorized } from '../shared/errors.ts';
import { authorize } from '../shared/policy.ts';

/** A practitioner a unit confirms or objects for (Art 18(4)): its resident identity number and the year. */
export interface OnBehalf {
  readonly residentId: string;
  readonly year: number;
}

/** Who confirms or objects, as the objections' use cases need it. */
export interface ConfirmingSubject {
  /** The participant the confirmation and objections are about. */
  readonly subject: SubjectRef;
  readonly league: LeagueCode;
  readonly name: string;
  /** The signed-in unit: the subject itself, or the practitioner's employer (its evidence files are the unit's). */
  readonly unit: SubjectRef;
  readonly claims: StaffClaims;
}

/** The subject a participant is, from its claims. */
export const selfOfClaims = (claims: { role: string; subject?: string }): SubjectRef | null =>
  (claims.role === 'agency' || claims.role === 'enterprise') && claims.subject
    ? { kind: claims.role, id: claims.subject }
    : null;

/**
 * The participant a signed-in unit confirms or objects for: itself (Art 17(3)), or — `onBehalf` — a
 * practitioner it filed for that year and the league bureau listed (Art 18(1), 18(4): a practitioner
 * has no account; its employer acts for it). The policy decides (`objection.file`); anyone else is
 * forbidden, whether or not the practitioner exists.
 */
export const confirmingSubject = async (
  caller: Caller,
  profiles: Pick<ProfileStore, 'getProfile'>,
  employers: Pick<ListedEmployers, 'filingOf'> | undefined,
  onBehalf?: OnBehalf,
): Promise<Outcome<ConfirmingSubject, Unauthorized | Forbidden | NotFound>> => {
  const auth = authorize(caller, 'objection.file');
  if (!auth.ok) return auth.refusal;
  const unit = selfOfClaims(auth.claims);
  if (!unit) return { status: 'forbidden' };
  if (onBehalf) {
    const residentId = onBehalf.residentId.trim().toUpperCase();
    const filing = employers ? await employers.filingOf(auth.claims, residentId, onBehalf.year) : null;
    const target = { kind: 'practitioner', id: residentId, listedEmployer: listedEmployerOf(filing) };
    const allowed = authorize(caller, 'objection.file', target);
    if (!allowed.ok || !filing) return { status: 'forbidden' };
    return ok({
      subject: { kind: 'practitioner', id: residentId },
      league: filing.league,
      name: filing.name,
      unit,
      claims: allowed.claims,
    });
  }
  const allowed = authorize(caller, 'objection.file', unit);
  if (!allowed.ok) return allowed.refusal;
  const subject = (await profiles.getProfile(unit))?.subject;
  const league = subject && 'league' in subject ? subject.league : null;
  if (!subject || !league || !isLeagueCode(league)) return notFound;
  return ok({ subject: unit, league, name: subject.name ?? unit.id, unit, claims: allowed.claims });
};
