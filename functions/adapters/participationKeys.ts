import type { CycleKind } from '../../domain/cycles/definitions.ts';
import type { SubjectRef } from '../ports/store.ts';

/**
 * The keys of the participants' year (docs/storage.md): practitioners filed by employers, filings,
 * notices, objections, confirmations and verifications, credit warnings. Apart from `keys.ts` so
 * that only the adapters of those ports carry them.
 */
export const participationKeys = {
  /** `PRACTITIONERS#<year>#<league>` / `<employerKind>#<employerCode>#<residentId>`: practitioners filed by their employers (Art 18(1)). */
  practitionerFilings: (year: number, league: string) => `PRACTITIONERS#${year}#${league}`,
  practitionerFilingOf: (employerKind: string, employerCode: string) => `${employerKind}#${employerCode}#`,
  /**
   * `NOTICES#SUBJECT#<kind>#<id>` / `<id>`: the notices issued to a subject, in a partition of their
   * own so that the subject's evaluation never reads their texts.
   */
  noticesTo: (s: SubjectRef) => `NOTICES#SUBJECT#${s.kind}#${s.id}`,
  /** GSI1 of notices: `NOTICES#<league>` / `<issuedAt>#<id>` (a bureau's notices, newest first). */
  noticesOf: (league: string) => `NOTICES#${league}`,
  noticeSort: (issuedAt: string, id: string) => `${issuedAt}#${id}`,
  /** `SUBJECT#<kind>#<id>` / `OBJECTION#<id>`: an objection of the subject (Art 17(3), 18(4)). */
  objection: (id: string) => `OBJECTION#${id}`,
  objectionPrefix: 'OBJECTION#',
  /** GSI1 of objections: `OBJECTIONS#<league>` / `<year>#<kind>#<filedAt>#<id>` (a league's, by cycle). */
  objectionsOf: (league: string) => `OBJECTIONS#${league}`,
  objectionSort: (year: number, kind: CycleKind, filedAt: string, id: string) => `${year}#${kind}#${filedAt}#${id}`,
  objectionCyclePrefix: (year: number, kind: CycleKind) => `${year}#${kind}#`,
  /** `SUBJECT#<kind>#<id>` / `CONFIRMED#<year>#<kind>`: the participant confirmed its records (确认无误). */
  recordsConfirmed: (year: number, kind: CycleKind) => `CONFIRMED#${year}#${kind}`,
  /** `SUBJECT#<kind>#<id>` / `VERIFIED#<eventId>`: a record verified by a bureau (核实, Art 17(2), 18(2)). */
  verified: (eventId: string) => `VERIFIED#${eventId}`,
  verifiedPrefix: 'VERIFIED#',
  /** `SUBJECT#<kind>#<id>` / `WARNING#<eventId>`: a credit warning's document; GSI1 `WARNINGS#<league>` / `<deadline>#<eventId>`. */
  warning: (eventId: string) => `WARNING#${eventId}`,
  warningPrefix: 'WARNING#',
  warningsOf: (league: string) => `WARNINGS#${league}`,
  warningSort: (deadline: string, eventId: string) => `${deadline}#${eventId}`,
  /** `SUBJECT#<kind>#<id>` / `FILING#<year>`: the participant's filing of a year (Art 20). */
  filing: (year: number) => `FILING#${year}`,
  filingPrefix: 'FILING#',
} as const;
