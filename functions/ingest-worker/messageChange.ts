import type { AuditEntry, StoredRecord, SubjectCommit } from '../ports/store.ts';

/** The result of applying one message of the records queue to its subject. */
export type ApplyOutcome =
  | { readonly status: 'applied'; readonly snapshotsWritten: number }
  | { readonly status: 'unchanged' }
  /** The same eventId already stored with other content, or a lifecycle date already set otherwise. */
  | { readonly status: 'conflict'; readonly detail: string };

export type Conflict = Extract<ApplyOutcome, { status: 'conflict' }>;

/** What one message adds to its subject's commit, besides the re-evaluated snapshots. */
export interface MessageChange {
  readonly audit: AuditEntry[];
  readonly newRecord?: StoredRecord;
  readonly recordUpdate?: SubjectCommit['recordUpdate'];
  readonly eventApplied?: string;
  readonly lifecycleApplied?: SubjectCommit['lifecycleApplied'];
  readonly reference?: SubjectCommit['reference'];
}

/** The stored records of one subject by eventId, changed in place as a message applies. */
export type RecordsById = Map<string, StoredRecord>;
