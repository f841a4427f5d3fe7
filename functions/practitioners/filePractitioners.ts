import { createHash } from 'node:crypto';
import { commitmentLetterText, commitmentYearOn } from '../../domain/commitments/letters.ts';
import { isLeagueCode, type LeagueCode } from '../../domain/identifiers/leagues.ts';
import { checkPractitionerBasics, FILING_FIELDS } from '../../domain/participants/practitionerFiling.ts';
import type { CommitmentStore, SignedCommitment } from '../ports/commitments.ts';
import type { FilingEmployer, PractitionerFiling, PractitionerFilingStore } from '../ports/practitionerFilings.ts';
import type { ProfileStore, SubjectRef } from '../ports/store.ts';
import { actorOf, type Caller } from '../shared/auth.ts';
import type { Clock } from '../shared/clock.ts';
import {
  type Conflict,
  conflict,
  type Forbidden,
  type Invalid,
  invalid,
  type NotFound,
  notFound,
  type Outcome,
  ok,
  type Unauthorized,
} from '../shared/errors.ts';
import { authorize } from '../shared/policy.ts';

/** One filed practitioner with its Annex 5 letter once the employer recorded it. */
export interface FiledPractitioner {
  readonly filing: PractitionerFiling;
  readonly letter: SignedCommitment | null;
}

/** An employer's practitioners of the evaluation year under way. */
export interface EmployerPractitioners {
  readonly year: number;
  readonly league: LeagueCode;
  readonly employer: FilingEmployer;
  readonly filed: readonly FiledPractitioner[];
}

type Denied = Unauthorized | Forbidden | NotFound;

export const ALREADY_FILED = '本单位已填报该从业人员，不能重复填报';
export const LETTER_RECORDED = '该从业人员本年度的信用承诺书已登记，不可更改';
export const NOT_LISTED = '该从业人员未列入参评名单，无须登记信用承诺书';

/**
 * Art 18(1): the service buyer (an enterprise or agency) files the practitioners who work for it,
 * for the evaluation year under way (`commitmentYearOn`), to the bureau of the league it is
 * registered in; and records each practitioner's Annex 5 letter, which the practitioner signs on
 * paper: the exact text made out to the person, its SHA-256, the signer (the practitioner) and
 * the instant it was recorded, stored once (as the units' Annex 4 letters) under the practitioner.
 * Only a unit a bureau registered files; it sees only its own filings.
 */
export class FilePractitioners {
  constructor(
    private readonly profiles: ProfileStore,
    private readonly filings: PractitionerFilingStore,
    private readonly commitments: CommitmentStore,
    private readonly clock: Clock,
  ) {}

  async view(caller: Caller, self: SubjectRef): Promise<Outcome<EmployerPractitioners, Denied>> {
    const who = await this.employer(caller, self);
    if (who.status !== 'ok') return who;
    const { year, league, employer } = who.value;
    const filings = await this.filings.filingsOfEmployer(year, league, employer);
    const filed = await Promise.all(
      [...filings]
        .sort((a, b) => a.filedAt.localeCompare(b.filedAt) || a.residentId.localeCompare(b.residentId))
        .map(async (filing) => ({
          filing,
          letter: await this.commitments.getCommitment({ kind: 'practitioner', id: filing.residentId }, year),
        })),
    );
    return ok({ year, league, employer, filed });
  }

  async file(
    caller: Caller,
    self: SubjectRef,
    input: Readonly<Record<string, string | undefined>>,
  ): Promise<Outcome<PractitionerFiling, Denied | Invalid | Conflict>> {
    const who = await this.employer(caller, self);
    if (who.status !== 'ok') return who;
    const basics = checkPractitionerBasics(input);
    if (!basics.ok) return invalid(basics.issues);
    const { year, league, employer, actor } = who.value;
    const filing: PractitionerFiling = {
      year,
      league,
      employer,
      ...basics.value,
      status: 'pending',
      filedAt: this.clock.now().toISOString(),
      filedBy: actor,
      reason: null,
      decidedBy: null,
      decidedAt: null,
    };
    const stored = await this.filings.file(filing);
    return stored === 'filed' ? ok(filing) : conflict('PRACTITIONER_FILED', ALREADY_FILED);
  }

  async recordLetter(
    caller: Caller,
    self: SubjectRef,
    residentId: string,
  ): Promise<Outcome<SignedCommitment, Denied | Invalid | Conflict>> {
    const who = await this.employer(caller, self);
    if (who.status !== 'ok') return who;
    const { year, league, employer, actor } = who.value;
    const id = residentId.trim().toUpperCase();
    if (id === '') return invalid([{ path: FILING_FIELDS.residentId, message: '不能为空' }]);
    const filing = await this.filings.filing({ year, league, employer, residentId: id });
    if (filing === null) return notFound;
    if (filing.status === 'declined') return conflict('PRACTITIONER_NOT_LISTED', NOT_LISTED);
    const text = commitmentLetterText({ kind: 'practitioner', id, name: filing.name });
    const at = this.clock.now().toISOString();
    const letter: SignedCommitment = {
      subject: { kind: 'practitioner', id },
      year,
      text,
      textHash: createHash('sha256').update(text, 'utf8').digest('hex'),
      // Annex 5 is the practitioner's own undertaking: the practitioner signs it, the employer files it.
      signerName: filing.name,
      signerRole: filing.position,
      signedAt: at,
      signedBy: actor,
    };
    const stored = await this.commitments.putCommitmentOnce(letter, {
      subject: letter.subject,
      at,
      actor,
      action: 'commitment.record',
      what: { year, textHash: letter.textHash, signerName: letter.signerName, employer: employer.code },
      why: null,
    });
    return stored ? ok(letter) : conflict('COMMITMENT_SIGNED', LETTER_RECORDED);
  }

  private async employer(
    caller: Caller,
    self: SubjectRef,
  ): Promise<Outcome<{ year: number; league: LeagueCode; employer: FilingEmployer; actor: string }, Denied>> {
    const allowed = authorize(caller, 'practitioners.file', self);
    if (!allowed.ok) return allowed.refusal;
    if (self.kind !== 'enterprise' && self.kind !== 'agency') return { status: 'forbidden' };
    const profile = await this.profiles.getProfile(self);
    if (profile?.registration !== 'registered') return notFound;
    const subject = profile.subject;
    const league = 'league' in subject ? subject.league : null;
    if (typeof league !== 'string' || !isLeagueCode(league)) return notFound;
    return ok({
      year: commitmentYearOn(this.clock.now()),
      league,
      employer: { kind: self.kind, code: self.id, name: subject.name ?? self.id },
      actor: actorOf(allowed.claims),
    });
  }
}
