import type { LeagueCode } from '../../domain/identifiers/leagues.ts';
import type { EmployerKind } from '../../domain/participants/participant.ts';
import type { FilingStatus } from '../../domain/participants/practitionerFiling.ts';
import { EcocreditError } from '../shared/errors.ts';

/** The employer of a filing: the enterprise or agency that buys the practitioner's services (Art 18(1)). */
export interface FilingEmployer {
  readonly kind: EmployerKind;
  /** The unified social credit code. */
  readonly code: string;
  readonly name: string;
}

/**
 * One practitioner filed by its employer for an evaluation year (Art 18(1)), for the league the
 * employer is registered in. One filing per practitioner, year and employer.
 */
export interface PractitionerFiling {
  readonly year: number;
  readonly league: LeagueCode;
  readonly employer: FilingEmployer;
  readonly residentId: string;
  readonly name: string;
  readonly position: string;
  readonly status: FilingStatus;
  readonly filedAt: string;
  /** `staff:<role>:<code>` of the employer's user who filed it. */
  readonly filedBy: string;
  /** Why the bureau did not list the practitioner (required then); a reason given when listing after confirmation; null otherwise. */
  readonly reason: string | null;
  readonly decidedBy: string | null;
  readonly decidedAt: string | null;
}

/** Which filing: the year, the league, the employer and the practitioner. */
export interface FilingRef {
  readonly year: number;
  readonly league: LeagueCode;
  readonly employer: { readonly kind: EmployerKind; readonly code: string };
  readonly residentId: string;
}

export interface FilingDecision {
  readonly status: 'listed' | 'declined';
  readonly reason: string | null;
  readonly decidedBy: string;
  readonly decidedAt: string;
}

/** The practitioners filed by their employers. */
export interface PractitionerFilingStore {
  /** Stores a new filing; `exists` (and nothing changes) when that employer filed that person for that year already. */
  file(filing: PractitionerFiling): Promise<'filed' | 'exists'>;
  filing(ref: FilingRef): Promise<PractitionerFiling | null>;
  /** One employer's filings of a year, by resident identity number. */
  filingsOfEmployer(
    year: number,
    league: LeagueCode,
    employer: { readonly kind: EmployerKind; readonly code: string },
  ): Promise<PractitionerFiling[]>;
  /** Every filing of a year made to one league. */
  filingsOfLeague(year: number, league: LeagueCode): Promise<PractitionerFiling[]>;
  /** Decides a pending filing; `notPending` (and nothing changes) when it is not pending. */
  decide(ref: FilingRef, decision: FilingDecision): Promise<'decided' | 'notPending'>;
}

/** An unexpected failure of the filings' storage. */
export class PractitionerFilingStoreError extends EcocreditError {
  override readonly name = 'PractitionerFilingStoreError';
}
