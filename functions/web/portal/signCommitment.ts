import { createHash } from 'node:crypto';
import { checkSignature } from '../../../domain/commitments/letters.ts';
import type { CommitmentStore, SignedCommitment } from '../../ports/commitments.ts';
import type { ProfileStore, SubjectRef } from '../../ports/store.ts';
import { actorOf, type Caller } from '../../shared/auth.ts';
import type { Clock } from '../../shared/clock.ts';
import { type Conflict, conflict, type Invalid, invalid, type Outcome, ok } from '../../shared/errors.ts';
import { authorize } from '../../shared/policy.ts';
import { type CommitmentRefusal, commitmentOf } from './viewCommitment.ts';

/** Why a second signature of the same year is refused (the letter is kept as first signed). */
export const ALREADY_SIGNED = '本年度信用承诺书已签署，不可更改';

/**
 * A participant's legal representative (or principal person) signs the year's commitment letter
 * (Art 16(1), 17(1): "参评单位应上报法定代表人(或主要负责人)环保信用承诺书"; Annex 4). The exact
 * text is stored with its SHA-256, the signer's name and role, the instant and the signed-in user,
 * once: a letter already signed for that year is never replaced. Audited.
 */
export class SignCommitment {
  constructor(
    private readonly profiles: ProfileStore,
    private readonly commitments: CommitmentStore,
    private readonly clock: Clock,
  ) {}

  async execute(
    caller: Caller,
    ref: SubjectRef,
    input: unknown,
  ): Promise<Outcome<SignedCommitment, CommitmentRefusal | Invalid | Conflict>> {
    const allowed = authorize(caller, 'commitment.sign', ref);
    if (!allowed.ok) return allowed.refusal;
    const signature = checkSignature(input);
    if (!signature.ok) return invalid(signature.issues);
    const now = this.clock.now();
    const letter = await commitmentOf(this.profiles, this.commitments, caller, ref, now);
    if (letter.status !== 'ok') return letter;
    if (letter.value.signed !== null) return conflict('COMMITMENT_SIGNED', ALREADY_SIGNED);
    const { year, text } = letter.value;
    const at = now.toISOString();
    const actor = actorOf(allowed.claims);
    const commitment: SignedCommitment = {
      subject: { kind: ref.kind, id: ref.id },
      year,
      text,
      textHash: createHash('sha256').update(text, 'utf8').digest('hex'),
      signerName: signature.value.signerName,
      signerRole: signature.value.signerRole,
      signedAt: at,
      signedBy: actor,
    };
    const stored = await this.commitments.putCommitmentOnce(commitment, {
      subject: commitment.subject,
      at,
      actor,
      action: 'commitment.sign',
      what: {
        year,
        textHash: commitment.textHash,
        signerName: commitment.signerName,
        signerRole: commitment.signerRole,
      },
      why: null,
    });
    // Signed meanwhile (another tab, a double submission): the first signature stands.
    return stored ? ok(commitment) : conflict('COMMITMENT_SIGNED', ALREADY_SIGNED);
  }
}
