import {
  commitmentLetterText,
  commitmentYearOn,
  type LetterParty,
  letterTemplateOf,
} from '../../../domain/commitments/letters.ts';
import type { CommitmentStore, SignedCommitment } from '../../ports/commitments.ts';
import type { ProfileStore, SubjectRef } from '../../ports/store.ts';
import type { Caller } from '../../shared/auth.ts';
import type { Clock } from '../../shared/clock.ts';
import { type Forbidden, type NotFound, notFound, type Outcome, ok, type Unauthorized } from '../../shared/errors.ts';
import { authorize } from '../../shared/policy.ts';

/** The participant's letter of the evaluation year under way: the text to sign, and the letter once signed. */
export interface CommitmentView {
  readonly year: number;
  readonly annex: 4 | 5;
  readonly party: LetterParty;
  /** The letter made out to the participant (canonical text, one paragraph a line). */
  readonly text: string;
  readonly signed: SignedCommitment | null;
}

export type CommitmentRefusal = Unauthorized | Forbidden | NotFound;

/**
 * The letter a participant is to sign (Annex 4 with its registered name and code; Art 16(1), 17(1))
 * for the evaluation year under way (`commitmentYearOn`), and whether it is signed. Only the subject
 * itself reads it here (`commitment.sign`); a subject nobody registered has no letter to sign yet.
 */
export const commitmentOf = async (
  profiles: ProfileStore,
  commitments: Pick<CommitmentStore, 'getCommitment'>,
  caller: Caller,
  ref: SubjectRef,
  now: Date,
): Promise<Outcome<CommitmentView, CommitmentRefusal>> => {
  const allowed = authorize(caller, 'commitment.sign', ref);
  if (!allowed.ok) return allowed.refusal;
  const profile = await profiles.getProfile(ref);
  const name = profile?.registration === 'registered' ? profile.subject.name : null;
  if (!name) return notFound;
  const party: LetterParty = { kind: ref.kind, id: ref.id, name };
  const year = commitmentYearOn(now);
  return ok({
    year,
    annex: letterTemplateOf(ref.kind).annex,
    party,
    text: commitmentLetterText(party),
    signed: await commitments.getCommitment(ref, year),
  });
};

export class ViewCommitment {
  constructor(
    private readonly profiles: ProfileStore,
    private readonly commitments: Pick<CommitmentStore, 'getCommitment'>,
    private readonly clock: Clock,
  ) {}

  execute(caller: Caller, ref: SubjectRef): Promise<Outcome<CommitmentView, CommitmentRefusal>> {
    return commitmentOf(this.profiles, this.commitments, caller, ref, this.clock.now());
  }
}
