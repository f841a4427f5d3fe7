import type { LegalDate } from '../../domain/dates.ts';
import type { LeagueCode } from '../../domain/identifiers/leagues.ts';
import type { NoticeKind } from '../../domain/notices/notice.ts';
import { EcocreditError } from '../shared/errors.ts';
import type { SubjectRef } from './store.ts';

/**
 * A notice as issued to a participant: its whole Chinese text, fixed when issued and never changed
 * afterwards; only the moment it was first read is added later.
 */
export interface IssuedNotice {
  /** Deterministic from what the notice is about, so that issuing it again changes nothing. */
  readonly id: string;
  readonly kind: NoticeKind;
  /** The participant it is addressed to. */
  readonly to: SubjectRef;
  /** The participant's name as written in the notice. */
  readonly toName: string;
  /** The bureau that issued it: a league, or 150000 for the region. */
  readonly league: LeagueCode;
  /** The evaluation year it belongs to; null for a notice outside a cycle (a credit warning). */
  readonly year: number | null;
  readonly title: string;
  /** The text as issued, paragraphs separated by blank lines. */
  readonly body: string;
  /** The date the notice sets (a filing, objection or rectification deadline); null when none. */
  readonly deadline: LegalDate | null;
  readonly issuedAt: string;
  /** `staff:<role>:<league>` or `system:deadline`. */
  readonly issuedBy: string;
  /** The first time the participant opened it; null while unread. */
  readonly readAt: string | null;
}

/** Issued notices: kept by participant, listed by issuing bureau. */
export interface NoticeStore {
  /** Stores the notice unless one with its id is stored for that participant: then nothing changes. */
  issue(notice: Omit<IssuedNotice, 'readAt'>): Promise<'issued' | 'exists'>;
  notice(to: SubjectRef, id: string): Promise<IssuedNotice | null>;
  /** The participant's notices, newest first. */
  noticesTo(to: SubjectRef): Promise<IssuedNotice[]>;
  /** The notices a bureau issued, newest first (at most `limit`, from `cursor`). */
  noticesOf(
    league: LeagueCode,
    page: { readonly limit: number; readonly cursor: string | null },
  ): Promise<{ readonly notices: IssuedNotice[]; readonly cursor: string | null }>;
  /** Records the first reading; a later reading changes nothing. */
  markRead(to: SubjectRef, id: string, at: string): Promise<void>;
}

/** An unexpected failure of the notices' storage. */
export class NoticeStoreError extends EcocreditError {
  override readonly name = 'NoticeStoreError';
}
