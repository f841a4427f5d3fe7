import type { LegalDate } from '../../domain/dates.ts';
import type { StoredWarningStatus } from '../../domain/warnings/warning.ts';
import type { AuditEntry, SubjectRef } from './store.ts';

/**
 * A credit warning's working document (Art 21-22): what the bureau found and required, the unit's
 * reports and the bureau's decisions. The credit record (with its `warning` and `rectifiedOn`) stays
 * the one thing the evaluation reads; this document is the paper trail beside it.
 */
export interface WarningReport {
  readonly at: string;
  /** The date the unit says the rectification was completed. */
  readonly rectifiedOn: LegalDate;
  readonly text: string;
  /** Evidence file keys (functions/ports/evidenceStore.ts), in the unit's own folder. */
  readonly evidenceFiles: readonly string[];
  readonly by: string;
}

export interface WarningDecision {
  readonly at: string;
  readonly decision: 'confirmed' | 'insufficient';
  /** Why it is insufficient (required then); null for a confirmation. */
  readonly reasons: string | null;
  readonly by: string;
}

export interface CreditWarningDocument {
  /** The warned record's event id. */
  readonly eventId: string;
  readonly subject: SubjectRef;
  readonly subjectName: string;
  /** The issuing bureau (the record's league). */
  readonly league: string;
  /** `bureau`: issued on the console; `webhook`: arrived with a record from an enforcement platform. */
  readonly origin: 'bureau' | 'webhook';
  readonly rule: string;
  readonly occurredOn: LegalDate;
  /** What was found (the record's summary for a webhook warning). */
  readonly description: string;
  /** The rectification required; empty for a webhook warning (the platform's notice says it). */
  readonly rectificationRequired: string;
  readonly issuedOn: LegalDate;
  readonly deadline: LegalDate;
  readonly status: StoredWarningStatus;
  /** The rectification date of the latest report (the one a confirmation records); null before any. */
  readonly rectifiedOn: LegalDate | null;
  readonly reports: readonly WarningReport[];
  readonly decisions: readonly WarningDecision[];
  readonly issuedBy: string;
  readonly version: number;
}

export interface WarningStore {
  warning(subject: SubjectRef, eventId: string): Promise<CreditWarningDocument | null>;
  /** A unit's warnings. */
  warningsOf(subject: SubjectRef): Promise<CreditWarningDocument[]>;
  /** A bureau's warnings, by deadline (earliest first). */
  warningsIssuedBy(league: string): Promise<CreditWarningDocument[]>;
  /**
   * Writes the document with its audit entry in one transaction: created when `expectedVersion` is
   * null (only if absent), else only when the stored version is `expectedVersion`. False otherwise.
   */
  putWarning(doc: CreditWarningDocument, expectedVersion: number | null, audit: AuditEntry): Promise<boolean>;
}
