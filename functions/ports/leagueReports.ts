import type { CycleKind } from '../../domain/cycles/definitions.ts';
import type { LegalDate } from '../../domain/dates.ts';
import type { LeagueCode } from '../../domain/identifiers/leagues.ts';
import type { QualityCheck } from '../../domain/reports/qualityCheck.ts';
import type { ReportEntry } from '../../domain/reports/reportEntry.ts';
import { EcocreditError } from '../shared/errors.ts';

/** A league's report of a cycle (上报名单, Art 16(2), 17(3), 18(4)). */
export interface ReportRef {
  readonly year: number;
  readonly kind: CycleKind;
  readonly league: LeagueCode;
}

/**
 * One version of a league's report. `preparing`: entries are being evaluated (a big list takes more
 * than one request); `complete`: every listed participant has its frozen entry; `sent`: reported to the
 * region — never changed again. A report returned by the quality check is reported again as a new version.
 */
export interface ReportHead extends ReportRef {
  readonly version: number;
  readonly status: 'preparing' | 'complete' | 'sent';
  /** The report date: every entry is evaluated as of this day. */
  readonly preparedOn: LegalDate;
  readonly preparedAt: string;
  readonly preparedBy: string;
  /** How many participants the list had when preparation began (the entries a complete report holds). */
  readonly participants: number;
  readonly sentOn: LegalDate | null;
  readonly sentAt: string | null;
  readonly sentBy: string | null;
}

/** One line of a report's audit trail (prepared, sent, sampled, finding). */
export interface ReportAudit {
  readonly at: string;
  readonly actor: string;
  readonly action: string;
  readonly what: Readonly<Record<string, unknown>>;
}

/**
 * The leagues' reports and the region's quality checks (docs/storage.md): one partition per league
 * report, every change audited in the same transaction.
 */
export interface LeagueReportStore {
  /** The newest version, or null before the first preparation. */
  latest(ref: ReportRef): Promise<ReportHead | null>;
  /** Every version, oldest first. */
  versions(ref: ReportRef): Promise<ReportHead[]>;
  entries(ref: ReportRef, version: number): Promise<ReportEntry[]>;
  /** Starts a version; false when that version exists already (someone else began it). */
  begin(head: ReportHead, audit: ReportAudit): Promise<boolean>;
  /** Stores entries of a preparing version (idempotent: the same code is written again). */
  putEntries(ref: ReportRef, version: number, entries: readonly ReportEntry[]): Promise<void>;
  /** `preparing` → `complete`; false when it was not preparing. */
  complete(ref: ReportRef, version: number, audit: ReportAudit): Promise<boolean>;
  /** `complete` → `sent`; false when it was not complete. */
  markSent(
    ref: ReportRef,
    version: number,
    sent: { on: LegalDate; at: string; by: string },
    audit: ReportAudit,
  ): Promise<boolean>;
  check(ref: ReportRef): Promise<QualityCheck | null>;
  /** Writes the check guarded by the version read (null: absent); false when it moved meanwhile. */
  putCheck(check: QualityCheck, expectedVersion: number | null, audit: ReportAudit): Promise<boolean>;
  auditOf(ref: ReportRef): Promise<ReportAudit[]>;
}

/** An unexpected failure of the reports' storage. */
export class LeagueReportStoreError extends EcocreditError {
  override readonly name = 'LeagueReportStoreError';
}
