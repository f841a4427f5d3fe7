import { createHash } from 'node:crypto';
import type { CycleKind } from '../../domain/cycles/definitions.ts';
import type { CycleAuditOwner } from '../ports/cycleStore.ts';
import type { PublishedKind } from '../ports/publishedDirectory.ts';
import type { DeadlineOwner, DeadlineRef, DeadlineTarget } from '../ports/scheduler.ts';
import type { PublishedGradeItem, SubjectRef } from '../ports/store.ts';

/**
 * Every key of the single table (docs/storage.md), built and parsed here only: the adapters use
 * these builders, and nothing outside `functions/adapters/` knows the shape of a key.
 */

/** `SUBJECT#<kind>#<id>`: a subject's partition (profile, records, staff, snapshots, results, repairs). */
const subject = (s: SubjectRef): string => `SUBJECT#${s.kind}#${s.id}`;
/** The subject of a `SUBJECT#<kind>#<id>` key (also the tail of `AUDIT#…`/`DEADLINE#…` owners). */
const subjectOf = (key: string): SubjectRef => {
  const [, kind, id] = key.split('#');
  return { kind: kind as SubjectRef['kind'], id: id! };
};
/** `CYCLE#<year>#<kind>`: a cycle's partition, and the owner of its deadlines and audit. */
const cycle = (year: number, kind: CycleKind): string => `CYCLE#${year}#${kind}`;
const cycleOf = (key: string): { readonly year: number; readonly kind: CycleKind } => {
  const [, year, kind] = key.split('#');
  return { year: Number(year), kind: kind as CycleKind };
};

const EVENT_PREFIX = 'EVENT#';
const DELIVERY_PREFIX = 'DELIVERY#';
const LIFECYCLE_PREFIX = 'LIFECYCLE#';

export const keys = {
  subject,
  subjectOf,
  cycle,
  cycleOf,
  /** `EVENT#<eventId>`: an event's claims (created and lifecycle changes) and its references. */
  event: (eventId: string) => `${EVENT_PREFIX}${eventId}`,
  eventIdOf: (key: string) => key.slice(EVENT_PREFIX.length),
  /** Sort key of an event's claim of its creation. */
  eventClaim: 'EVENT',
  lifecycle: (field: string) => `${LIFECYCLE_PREFIX}${field}`,
  lifecycleFieldOf: (sk: string) => sk.slice(LIFECYCLE_PREFIX.length),
  /** `DELIVERY#<id>`: a webhook delivery's commit marker. */
  delivery: (deliveryId: string) => `${DELIVERY_PREFIX}${deliveryId}`,
  deliveryItem: 'DELIVERY',
  deliveryIdOf: (key: string) => key.slice(DELIVERY_PREFIX.length),
  /** GSI2 partition of unapplied entries: one of `shards`, by the event id's hash. */
  pendingShard: (shard: number) => `PENDING#${shard}`,
  pendingShardOf: (eventId: string, shards: number) =>
    `PENDING#${createHash('sha256').update(eventId).digest()[0]! % shards}`,
  /** GSI2 sort key of an unapplied (or stuck) entry: `<since>#<eventId>#<entry>`. */
  pendingSort: (since: string, eventId: string, entry: string) => `${since}#${eventId}#${entry}`,
  /** The instant an unapplied entry's GSI2 sort key starts with. */
  sinceOf: (pendingSort: string) => pendingSort.split('#')[0]!,
  stuck: 'STUCK',
  /** `AUDIT#<owner>`: the audit trail of a subject (`AUDIT#SUBJECT#…`), a cycle or the calendar. */
  audit: (s: SubjectRef) => `AUDIT#${subject(s)}`,
  auditOf: (owner: string) => `AUDIT#${owner}`,
  /** Sort key of an audit entry: its instant, then a random suffix (entries never collide). */
  auditEntry: (at: string, unique: string) => `${at}#${unique}`,
  profile: 'PROFILE',
  record: (eventId: string) => `RECORD#${eventId}`,
  recordPrefix: 'RECORD#',
  snapshot: (year: number) => `SNAPSHOT#${year}`,
  snapshotPrefix: 'SNAPSHOT#',
  published: (year: number) => `PUBLISHED#${year}`,
  publishedPrefix: 'PUBLISHED#',
  /** GSI1 of published results: `PUBLISHED#<kind>` / `<year>#<grade|->#<league>#<id>` (years, lists by grade). */
  publishedKind: (kind: PublishedKind) => `PUBLISHED#${kind}`,
  publishedKindSort: (year: number, grade: string | null, league: string, id: string) =>
    `${year}#${grade ?? '-'}#${league}#${id}`,
  /** GSI2 of published results: `PUBLISHED#<year>#<kind>` / `<league>#<grade|->#<id>` (lists by league, search). */
  publishedYear: (year: number, kind: PublishedKind) => `PUBLISHED#${year}#${kind}`,
  publishedYearSort: (league: string, grade: string | null, id: string) => `${league}#${grade ?? '-'}#${id}`,
  staff: (practitionerId: string) => `STAFF#${practitionerId}`,
  staffPrefix: 'STAFF#',
  /** `COMMITMENT#<year>`: a subject's signed commitment letter of an evaluation year (Annex 4, 5). */
  commitment: (year: number) => `COMMITMENT#${year}`,
  repair: (applicationId: string) => `REPAIR#${applicationId}`,
  repairPrefix: 'REPAIR#',
  /** GSI2 of a pending repair application (sparse): `REPAIRS` / `<verifyBy instant>#<subject>#<id>` (the queue). */
  repairQueue: 'REPAIRS',
  repairQueueSort: (verifyAt: string, s: SubjectRef, applicationId: string) =>
    `${verifyAt}#${subject(s)}#${applicationId}`,
  referencedBy: (agency: SubjectRef, eventId: string) => `REFERENCED_BY#${agency.kind}#${agency.id}#${eventId}`,
  referencedByPrefix: 'REFERENCED_BY#',
  /** Under `EVENT#<eventId>`: present once an agency's record cites the event (I4), so its changes need the knock-on. */
  cited: 'CITED',
  /** GSI1 of profiles: `LEAGUE#<league|none>#<kind>` / `SUBJECT#<id>`. */
  league: (league: string | null | undefined, kind: SubjectRef['kind']) => `LEAGUE#${league ?? 'none'}#${kind}`,
  leagueSort: (id: string) => `SUBJECT#${id}`,
  /** GSI1 of snapshots: `YEAR#<year>#<league|none>` / `GRADE#<grade>#<kind>#<id>`. */
  yearLeague: (year: number, league: string | null | undefined) => `YEAR#${year}#${league ?? 'none'}`,
  gradeSort: (grade: string, s: SubjectRef) => `GRADE#${grade}#${s.kind}#${s.id}`,
  /** `EXPLANATION#SUBJECT#<kind>#<id>`: a subject's long explanations, in parts. */
  explanation: (s: SubjectRef) => `EXPLANATION#${subject(s)}`,
  resultSetPrefix: (scope: string, year: number) => `SET#${scope}#${year}#`,
  resultPartPrefix: (scope: string, year: number, setId: string) => `PART#${scope}#${year}#${setId}#`,
  /** The cycle item's sort key, and GSI1 of every cycle (`CYCLES` / `<year>#<kind>`). */
  cycleItem: 'CYCLE',
  cycles: 'CYCLES',
  cycleSort: (year: number, kind: CycleKind) => `${year}#${kind}`,
  /** `DEADLINE#<owner>` / `<deadlineId>`: the due-time index; GSI2 `DUE` / `<at>#<owner>#<deadlineId>`. */
  deadline: (owner: string) => `DEADLINE#${owner}`,
  due: 'DUE',
  dueSort: (at: string, owner: string, deadlineId: string) => `${at}#${owner}#${deadlineId}`,
  /** Upper bound of an `<instant>#…` sort key at an instant (every key of that instant sorts below it). */
  until: (instant: string) => `${instant}#~`,
  calendar: 'CALENDAR',
  health: 'HEALTH',
  /** `PARTICIPANTS#<year>#<kind>#<league>` / `<code>`: a league's list of participants of a cycle. */
  participants: (year: number, kind: CycleKind, league: string) => `PARTICIPANTS#${year}#${kind}#${league}`,
  /** `VOLUNTARY#<year>#<kind>#<league>` / `<code>`: applications to take part of one's own accord (Art 6(8)). */
  voluntary: (year: number, kind: CycleKind, league: string) => `VOLUNTARY#${year}#${kind}#${league}`,
  /** `REPORT#<year>#<kind>#<league>` / `HEAD#<v>`, `ENTRY#<v>#<code>`, `CHECK`, `AUDIT#<at>#<n>`: a league's report (上报名单). */
  leagueReport: (year: number, kind: CycleKind, league: string) => `REPORT#${year}#${kind}#${league}`,
  /** `REVIEW#<year>#<kind>` / `DECISION#<code>`, `AUDIT#<at>#<n>`: the review group's decisions (复核审定, Art 8). */
  review: (year: number, kind: CycleKind) => `REVIEW#${year}#${kind}`,
  /** `FINAL#<year>#<kind>` / `<code>`: the year's final results, frozen at 复核审定 (Art 16(4), 17(6)). */
  finalResults: (year: number, kind: CycleKind) => `FINAL#${year}#${kind}`,
  /** `COMMENTS#<year>#<kind>#<league>` / `COMMENT#<id>`, `AUDIT#<at>#<id>`: the public's comments during publicity. */
  comments: (year: number, kind: CycleKind, league: string) => `COMMENTS#${year}#${kind}#${league}`,
  /** `THROTTLE#<client hash>` / `<window start>`: a client's comment count in a rate window (TTL `expiresAt`). */
  throttle: (client: string) => `THROTTLE#${client}`,
} as const;

/**
 * A deadline as the table's index and the schedules' input hold it: its owner as a key
 * (`CYCLE#<year>#<kind>` or `SUBJECT#<kind>#<id>`) and its id prefixed by its kind for a subject's
 * deadlines (`WARNING#<eventId>`, `REPAIR#<applicationId>`). Deadlines already scheduled keep this shape.
 */
export interface DeadlineWire {
  readonly kind: DeadlineTarget['kind'];
  readonly owner: string;
  readonly deadlineId: string;
  readonly at: string;
}

const DEADLINE_PREFIX = { cycle: '', warning: 'WARNING#', repair: 'REPAIR#' } as const;

export const ownerKey = (owner: DeadlineOwner): string =>
  owner.kind === 'cycle' ? cycle(owner.year, owner.cycleKind) : subject(owner.subject);
export const deadlineIdKey = (d: Pick<DeadlineRef, 'kind' | 'deadlineId'>): string =>
  `${DEADLINE_PREFIX[d.kind]}${d.deadlineId}`;
/** The wire form of a deadline without its instant (what a schedule's name and an index key hash). */
export const deadlineRefWire = (d: DeadlineRef): Omit<DeadlineWire, 'at'> => ({
  kind: d.kind,
  owner: ownerKey(d.owner),
  deadlineId: deadlineIdKey(d),
});
export const deadlineWire = (t: DeadlineTarget): DeadlineWire => ({ ...deadlineRefWire(t), at: t.at });

/** The deadline of its wire form; null when its owner does not fit its kind. */
export const deadlineOfWire = (w: DeadlineWire): DeadlineTarget | null => {
  const prefix = DEADLINE_PREFIX[w.kind];
  const deadlineId = prefix && w.deadlineId.startsWith(prefix) ? w.deadlineId.slice(prefix.length) : w.deadlineId;
  if (w.kind === 'cycle') {
    if (!w.owner.startsWith('CYCLE#')) return null;
    const c = cycleOf(w.owner);
    return { kind: 'cycle', owner: { kind: 'cycle', year: c.year, cycleKind: c.kind }, deadlineId, at: w.at };
  }
  if (!w.owner.startsWith('SUBJECT#')) return null;
  return { kind: w.kind, owner: { kind: 'subject', subject: subjectOf(w.owner) }, deadlineId, at: w.at };
};

/** A cycle audit entry's owner as its partition's tail: `CYCLE#<year>#<kind>` or `CALENDAR`. */
export const auditOwnerKey = (owner: CycleAuditOwner): string =>
  owner.kind === 'calendar' ? keys.calendar : cycle(owner.year, owner.cycleKind);
export const auditOwnerOf = (key: string): CycleAuditOwner => {
  if (key === keys.calendar) return { kind: 'calendar' };
  const c = cycleOf(key);
  return { kind: 'cycle', year: c.year, cycleKind: c.kind };
};

/**
 * The list attributes of a published result (docs/storage.md #21–#25): both indexes of the published
 * lists and the few fields a list shows (`name`, `league`, `score`), so a list never parses results.
 * Sparse: a practitioner's item gets none (Art 18(6), 35: never in a public list).
 */
export const publishedIndex = (subject: SubjectRef, item: Pick<PublishedGradeItem, 'year' | 'grade' | 'result'>) => {
  if (subject.kind === 'practitioner') return {};
  const r = item.result as { subject?: { name?: string; league?: string }; score?: number };
  const league = r.subject?.league ?? 'none';
  return {
    GSI1PK: keys.publishedKind(subject.kind),
    GSI1SK: keys.publishedKindSort(item.year, item.grade, league, subject.id),
    GSI2PK: keys.publishedYear(item.year, subject.kind),
    GSI2SK: keys.publishedYearSort(league, item.grade, subject.id),
    name: r.subject?.name ?? '',
    league,
    ...(typeof r.score === 'number' ? { score: r.score } : {}),
  };
};
