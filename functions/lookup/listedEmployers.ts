import { isLeagueCode } from '../../domain/identifiers/leagues.ts';
import type { StaffClaims } from '../ports/identity.ts';
import type { PractitionerFiling, PractitionerFilingStore } from '../ports/practitionerFilings.ts';
import type { ProfileStore } from '../ports/store.ts';
import type { ListedEmployer } from '../shared/policy.ts';

/**
 * Art 18(1), 18(4): which practitioners a signed-in unit filed for a year and the league bureau
 * listed. A practitioner has no account: the use cases ask this, then pass the employer found to
 * `authorize` (functions/shared/policy.ts), which alone decides what it allows. A filing is made to
 * the league the employer is registered in, so that league is where it is looked up.
 */
export class ListedEmployers {
  constructor(
    private readonly profiles: Pick<ProfileStore, 'getProfile'>,
    private readonly filings: Pick<PractitionerFilingStore, 'filing' | 'filingsOfEmployer'>,
  ) {}

  /** The caller's unit's listed filing of this practitioner for this year; null for anyone else. */
  async filingOf(claims: StaffClaims, residentId: string, year: number): Promise<PractitionerFiling | null> {
    const unit = await this.unitOf(claims);
    if (!unit) return null;
    const filing = await this.filings.filing({ year, league: unit.league, employer: unit.employer, residentId });
    return filing?.status === 'listed' ? filing : null;
  }

  /** The caller's unit's listed filings of a year (none for a bureau or an unregistered unit). */
  async listedOf(claims: StaffClaims, year: number): Promise<PractitionerFiling[]> {
    const unit = await this.unitOf(claims);
    if (!unit) return [];
    const all = await this.filings.filingsOfEmployer(year, unit.league, unit.employer);
    return all.filter((f) => f.status === 'listed');
  }

  private async unitOf(claims: StaffClaims) {
    if ((claims.role !== 'enterprise' && claims.role !== 'agency') || !claims.subject) return null;
    const employer = { kind: claims.role, code: claims.subject } as const;
    const subject = (await this.profiles.getProfile({ kind: claims.role, id: claims.subject }))?.subject;
    const league = subject && 'league' in subject ? subject.league : null;
    return typeof league === 'string' && isLeagueCode(league) ? { employer, league } : null;
  }
}

/** The employer a listed filing names, as the policy takes it. */
export const listedEmployerOf = (filing: PractitionerFiling | null): ListedEmployer | undefined =>
  filing ? { kind: filing.employer.kind, code: filing.employer.code } : undefined;
