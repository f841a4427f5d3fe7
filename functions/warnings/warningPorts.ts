import { officialWorkingCalendar, workingDaysAfter } from '../../domain/calendar/workingCalendar.ts';
import { ruleByCode } from '../../domain/catalogue/catalogue.ts';
import type { LegalDate } from '../../domain/dates.ts';
import type { CreditRecord } from '../../domain/records/creditRecord.ts';
import { deductionText, type WarningStatus, warningStatusAsOf } from '../../domain/warnings/warning.ts';
import type { CycleStore } from '../ports/cycleStore.ts';
import type { NoticeStore } from '../ports/notices.ts';
import type { RecordQueue } from '../ports/queue.ts';
import type {
  AuditLog,
  ClaimStore,
  OutboxStore,
  ProfileStore,
  SubjectRecordStore,
  SubjectRef,
} from '../ports/store.ts';
import type { CreditWarningDocument, WarningStore } from '../ports/warnings.ts';
import type { Clock } from '../shared/clock.ts';

/** What the credit-warning use cases use. */
export interface WarningPorts {
  readonly store: ClaimStore & OutboxStore & AuditLog & ProfileStore & Pick<SubjectRecordStore, 'loadRecords'>;
  readonly warnings: WarningStore;
  readonly notices: Pick<NoticeStore, 'issue'>;
  readonly queue: RecordQueue;
  readonly cycles: Pick<CycleStore, 'calendars'>;
  readonly clock: Clock;
}

/** A warning as the pages show it: its document, its status today and the working days to its deadline. */
export interface WarningView {
  readonly doc: CreditWarningDocument;
  readonly status: WarningStatus;
  /** Working days from today to the deadline: 0 on its last day, negative once passed (I12). */
  readonly workingDaysLeft: number;
  /** The catalogue's wording of the behaviour. */
  readonly wording: string;
  /** What it costs if the warning fails (I8). */
  readonly deduction: string;
}

export const viewsOf = async (
  ports: Pick<WarningPorts, 'cycles'>,
  docs: readonly CreditWarningDocument[],
  today: LegalDate,
): Promise<WarningView[]> => {
  const cal = officialWorkingCalendar(...(await ports.cycles.calendars()));
  return docs.map((doc) => {
    const rule = ruleByCode(doc.rule);
    return {
      doc,
      status: warningStatusAsOf(doc, today),
      // I12: counted on the official calendar, like every other deadline of the console.
      workingDaysLeft:
        doc.deadline >= today
          ? workingDaysAfter(today, doc.deadline, cal).days
          : -workingDaysAfter(doc.deadline, today, cal).days,
      wording: rule?.wording ?? doc.rule,
      deduction: rule ? deductionText(rule) : '',
    };
  });
};

/**
 * The document of a warning that arrived with a record by webhook, made from the record when first
 * needed (the platform's notice said what to rectify; the record's rectification, if any, is the
 * platform's and is shown as confirmed).
 */
export const documentFromRecord = (
  record: CreditRecord,
  subjectName: string,
  source: string,
): CreditWarningDocument => {
  const warning = record.warning!;
  return {
    eventId: record.eventId,
    subject: { kind: record.subject.kind, id: record.subject.id },
    subjectName,
    league: record.league,
    origin: source.startsWith('bureau:') ? 'bureau' : 'webhook',
    rule: record.rule,
    occurredOn: record.occurredOn,
    description: record.summary ?? '',
    rectificationRequired: '',
    issuedOn: warning.issuedOn,
    deadline: warning.deadline,
    status: record.rectifiedOn !== null && record.rectifiedOn <= warning.deadline ? 'confirmed' : 'open',
    rectifiedOn: record.rectifiedOn,
    reports: [],
    decisions: [],
    issuedBy: `webhook:${source}`,
    version: 0,
  };
};

/**
 * A warning by its event id: the stored document, or one made from the warned record (webhook);
 * `stored` says which. Null when no record with a credit warning has that id.
 */
export const findWarning = async (
  ports: {
    readonly store: Pick<ClaimStore, 'getClaims'> &
      Pick<ProfileStore, 'getProfile'> &
      Pick<SubjectRecordStore, 'loadRecords'>;
    readonly warnings: WarningStore;
  },
  eventId: string,
): Promise<{ readonly doc: CreditWarningDocument; readonly stored: boolean } | null> => {
  const claim = (await ports.store.getClaims([eventId])).get(eventId);
  if (!claim || claim.inDoubt) return null;
  const stored = await ports.warnings.warning(claim.subject, eventId);
  if (stored) return { doc: stored, stored: true };
  const record = (await ports.store.loadRecords([eventId])).get(eventId);
  if (!record?.warning) return null;
  return { doc: documentFromRecord(record, await nameOf(ports, claim.subject), claim.source), stored: false };
};

export const nameOf = async (
  ports: { readonly store: Pick<ProfileStore, 'getProfile'> },
  subject: SubjectRef,
): Promise<string> => {
  const profile = await ports.store.getProfile(subject);
  const name = profile && 'name' in profile.subject ? profile.subject.name : null;
  return typeof name === 'string' && name.length > 0 ? name : subject.id;
};
