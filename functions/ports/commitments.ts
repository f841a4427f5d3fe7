import type { AuditEntry, SubjectRef } from './store.ts';

/**
 * A signed credit commitment letter (Annex 4, 5): the exact text signed, its SHA-256, who signed it
 * for the participant and when. Kept unchangeable: one letter per subject and evaluation year.
 */
export interface SignedCommitment {
  readonly subject: SubjectRef;
  /** The evaluation year the letter is filed for (Art 16(1), 17(1)). */
  readonly year: number;
  /** The letter's canonical text (domain/commitments/letters.ts `canonicalLetterText`). */
  readonly text: string;
  /** SHA-256 of `text` (UTF-8), lower-case hex. */
  readonly textHash: string;
  /** The legal representative or principal person who signed (法定代表人或主要负责人). */
  readonly signerName: string;
  readonly signerRole: string;
  /** The instant it was signed (ISO 8601). */
  readonly signedAt: string;
  /** The signed-in user who filed it (`staff:<role>:<subject>`), as in the audit trail. */
  readonly signedBy: string;
}

/** The signed commitment letters. */
export interface CommitmentStore {
  getCommitment(subject: SubjectRef, year: number): Promise<SignedCommitment | null>;
  /**
   * Stores the letter with its audit entry, only if no letter of that subject and year is stored:
   * false (and nothing written) when one is.
   */
  putCommitmentOnce(commitment: SignedCommitment, audit: AuditEntry): Promise<boolean>;
}
