import type { Subject } from '../../../../domain/subjects/subject.ts';
import type { StaffClaims } from '../../../ports/identity.ts';
import type { SubjectRef } from '../../../ports/store.ts';
import type { Caller } from '../../../shared/auth.ts';
import {
  type Forbidden,
  forbidden,
  type Invalid,
  invalid,
  type NotFound,
  notFound,
  type Outcome,
  ok,
  type Unauthorized,
} from '../../../shared/errors.ts';
import { subjectPathIssues } from '../../../shared/http.ts';
import { authorize } from '../../../shared/policy.ts';
import { leagueOf } from '../../../shared/subjectEvaluation.ts';

/** Every refusal of a read of a subject's live view. */
export type ReadRefusal = Invalid | Forbidden | NotFound | Unauthorized;

/**
 * Who may read a subject's live view in the console (`subject.readLive`), checked in two steps around
 * the read. Before anything is read: a staff role, and a `{kind}/{id}` that names a possible subject.
 */
export const subjectToRead = (
  caller: Caller,
  kind: string,
  id: string,
): Outcome<{ readonly ref: SubjectRef; readonly claims: StaffClaims }, Exclude<ReadRefusal, NotFound>> => {
  const role = authorize(caller, 'subject.readLive');
  if (!role.ok) return role.refusal;
  const pathIssues = subjectPathIssues(kind, id);
  if (pathIssues.length > 0) return invalid(pathIssues);
  return ok({ ref: { kind, id } as SubjectRef, claims: role.claims });
};

/**
 * After the read: the subject read (null when nothing is stored about it) must be in the caller's
 * jurisdiction. Nothing stored is in nobody's jurisdiction, so a league bureau gets the same refusal
 * for a subject that does not exist as for another league's. Null when the caller may read it.
 */
export const refusalOfRead = (
  caller: Caller,
  ref: SubjectRef,
  subject: Subject | null,
): Forbidden | NotFound | null => {
  if (!authorize(caller, 'subject.readLive', { ...ref, league: subject ? leagueOf(subject) : null }).ok)
    return forbidden;
  return subject ? null : notFound;
};
