import { ACT_ROLES, type Act } from '../../domain/cycles/definitions.ts';
import type { StaffClaims } from '../ports/identity.ts';
import { type Caller, mayActOn } from './auth.ts';
import type { Forbidden, Unauthorized } from './errors.ts';

/**
 * Who may do what, in one place (docs/authorization.md). Handlers and use cases ask
 * `authorize(caller, action, target)`; nothing else looks at roles.
 *
 * A subject target is in a caller's jurisdiction by `mayActOn` (the region all; a league bureau its
 * league; an enterprise or agency user itself). Without a target, an action is checked for the
 * caller's role only: a handler asks that before it has read what the target is (e.g. before the
 * subject is loaded), and asks again with the target once it knows.
 */
export interface SubjectTarget {
  readonly kind: string;
  readonly id: string;
  /** The subject's league; null when nothing is stored about it (unclaimed: nobody's jurisdiction). */
  readonly league: string | null;
  /** A practitioner's employer whose filing of it the bureau listed for the year concerned (Art 18(1)). */
  readonly listedEmployer?: ListedEmployer | undefined;
}

/**
 * The unit that filed a practitioner for a year, when the league bureau listed it (Art 18(1)): the
 * use case finds it in the filings and passes it; the rule below decides what it allows.
 */
export interface ListedEmployer {
  readonly kind: string;
  readonly code: string;
}

/** A target a participant acts on: itself, or a practitioner it filed and that was listed. */
export interface OwnTarget {
  readonly kind: string;
  readonly id: string;
  readonly listedEmployer?: ListedEmployer | undefined;
}

export interface PolicyTargets {
  /** `POST /v1/cycles`: the region (Art 8). */
  readonly 'cycle.open': never;
  /** `PUT /v1/calendars/{year}`: the region. */
  readonly 'calendar.load': never;
  /** `GET /v1/cycles/{year}/{kind}`: the region and league bureaus. */
  readonly 'cycle.read': never;
  /** An act of Art 16-18, by the role ACT_ROLES gives it; a league's act by its own bureau or the region. */
  readonly 'cycle.act': { readonly act: Act; readonly league?: string };
  /** Registering or updating a subject (Art 16(1), 17(1), 18(1)): a bureau, in its jurisdiction. */
  readonly 'subject.register': SubjectTarget;
  /** A subject's live score: staff in whose jurisdiction it is (others get the public view). */
  readonly 'subject.readLive': SubjectTarget;
  /** Applying for a credit repair, and reading the applications: the subject itself or its bureau. */
  readonly 'repair.apply': SubjectTarget;
  /** Signing (and reading before signing) the credit commitment letter (Art 16(1), 17(1); Annex 4): the subject itself. */
  readonly 'commitment.sign': { readonly kind: string; readonly id: string };
  /** Deciding a repair application (Art 23): a bureau, in its jurisdiction. */
  readonly 'repair.decide': SubjectTarget;
  /** Claims set aside by ingestion (docs/ingestion.md): the region all, a league bureau its league's. */
  readonly 'ingest.manage': { readonly league: string | null };
  /** A league's list of participants (Art 16(1), 17(1)): the region, or that league's bureau. */
  readonly 'participants.manage': { readonly league: string };
  /** Applying to take part in a year's evaluation of one's own accord (Art 6(8)): the unit itself. */
  readonly 'voluntary.apply': { readonly kind: string; readonly id: string };
  /** A participant's own notices and filing (Art 20): the unit itself; a practitioner's notices, the unit that filed it once listed (Art 18(1)). */
  readonly 'participant.own': OwnTarget;
  /** Filing the practitioners who work for one (Art 18(1) 购买服务方填报), with their Annex 5 letters: the unit itself. */
  readonly 'practitioners.file': { readonly kind: string; readonly id: string };
  /** Issuing a credit warning and deciding on its rectification (Art 21-22): a league bureau, in its league. */
  readonly 'warning.issue': { readonly league: string };
  /** Reporting a credit warning's rectification (Art 22): the warned unit itself. */
  readonly 'warning.report': { readonly kind: string; readonly id: string };
  /** Objecting to one's records or pre-grade, and confirming them (Art 17(3), 18(4); Art 16(3)): the unit itself, or for a practitioner the unit that filed it once listed. */
  readonly 'objection.file': OwnTarget;
  /** Reviewing objections and supplementing records (Art 17(2)-(3), 18(2)-(4)): the league's bureau or the region. */
  readonly 'objection.review': { readonly league: string };
  /** Investigating the public's comments on the publicised results (Art 16(4), 17(6) 调查核实): the league bureau of the result, or the region. */
  readonly 'comment.investigate': { readonly league: string };
  /** Planning inspections and reading statistics from published results (Art 28; Art 8): a league its own, the region any. */
  readonly 'results.plan': { readonly league: string | null };
  /** The items for the review group and their decisions (Art 8, 16(4), 17(6), 18(5)): the review group and the region read. */
  readonly 'review.read': never;
  /** Deciding an item of the review (维持 or 变更, Art 8 复核): the review group (信用评价复核小组). */
  readonly 'review.decide': never;
}

export type Action = keyof PolicyTargets;

export type Authorization =
  | { readonly ok: true; readonly claims: StaffClaims }
  | { readonly ok: false; readonly refusal: Unauthorized | Forbidden };

/**
 * Art 18(1), 18(4): a practitioner has no account; the unit that filed it, once the bureau listed it,
 * reads its records and notices and confirms or objects for it. Nobody else does.
 */
const employs = (c: StaffClaims, t: OwnTarget | SubjectTarget): boolean =>
  t.kind === 'practitioner' && t.listedEmployer?.kind === c.role && t.listedEmployer.code === c.subject;

const isBureau = (c: StaffClaims): boolean => c.role === 'region' || (c.role === 'league' && c.league !== undefined);

/** The rule of each action: for the caller's role alone (`target` undefined), or on that target. */
const RULES: { readonly [A in Action]: (claims: StaffClaims, target: PolicyTargets[A] | undefined) => boolean } = {
  'cycle.open': (c) => c.role === 'region',
  'calendar.load': (c) => c.role === 'region',
  'cycle.read': (c) => c.role === 'region' || c.role === 'league' || c.role === 'reviewGroup',
  // Art 8: the region's acts are the region's; a league's acts are its bureau's (or the region's).
  'cycle.act': (c, t) => {
    if (t === undefined) return c.role === 'region' || c.role === 'league';
    return ACT_ROLES[t.act] === 'region'
      ? c.role === 'region'
      : c.role === 'region' || (c.role === 'league' && c.league === t.league);
  },
  // Registering is a bureau's act; a league bureau only within its league (docs/authorization.md).
  'subject.register': (c, t) => (c.role === 'region' || c.role === 'league') && (t === undefined || mayActOn(c, t)),
  'subject.readLive': (c, t) => t === undefined || mayActOn(c, t) || employs(c, t),
  'repair.apply': (c, t) => t === undefined || mayActOn(c, t),
  // Annex 4: the letter is the participant's own undertaking, signed by its legal representative; no bureau signs it.
  'commitment.sign': (c, t) =>
    (c.role === 'enterprise' || c.role === 'agency') && (t === undefined || (t.kind === c.role && t.id === c.subject)),
  'repair.decide': (c, t) => (c.role === 'region' || c.role === 'league') && (t === undefined || mayActOn(c, t)),
  'ingest.manage': (c, t) => isBureau(c) && (t === undefined || c.role === 'region' || t.league === c.league),
  // Art 8, 16(1), 17(1): each league bureau builds its own league's list; the region oversees them all.
  'participants.manage': (c, t) => isBureau(c) && (t === undefined || c.role === 'region' || t.league === c.league),
  // Art 6(8): the application is the unit's own; no bureau applies for it.
  'voluntary.apply': (c, t) =>
    (c.role === 'enterprise' || c.role === 'agency') && (t === undefined || (t.kind === c.role && t.id === c.subject)),
  // Art 20: a notice is read, and a filing made, by the participant it concerns; a bureau sees them in the console.
  'participant.own': (c, t) =>
    (c.role === 'enterprise' || c.role === 'agency') &&
    (t === undefined || (t.kind === c.role && t.id === c.subject) || employs(c, t)),
  // Art 18(1): the service buyer files its own practitioners; the bureau decides, it does not file.
  'practitioners.file': (c, t) =>
    (c.role === 'enterprise' || c.role === 'agency') && (t === undefined || (t.kind === c.role && t.id === c.subject)),
  // Art 21-22: "各盟市生态环境局" warn and confirm; the region oversees (Art 8), it does not warn.
  'warning.issue': (c, t) =>
    c.role === 'league' && c.league !== undefined && (t === undefined || t.league === c.league),
  // Art 22: the rectification is reported by the warned unit itself.
  'warning.report': (c, t) =>
    (c.role === 'enterprise' || c.role === 'agency') && (t === undefined || (t.kind === c.role && t.id === c.subject)),
  // Art 17(3), 18(4): the participant itself confirms or objects; no bureau objects for it.
  'objection.file': (c, t) =>
    (c.role === 'enterprise' || c.role === 'agency') &&
    (t === undefined || (t.kind === c.role && t.id === c.subject) || employs(c, t)),
  // Art 17(3), 18(4): the league bureau reviews its league's objections (Art 8: the region oversees them all).
  'objection.review': (c, t) => isBureau(c) && (t === undefined || c.role === 'region' || t.league === c.league),
  // Art 16(4), 17(6): the region investigates the comments together with the league bureaus (会同盟市生态环境局).
  'comment.investigate': (c, t) => isBureau(c) && (t === undefined || c.role === 'region' || t.league === c.league),
  // Art 28, Art 8: a league bureau plans inspections in its league; the region (null: all leagues) anywhere.
  'results.plan': (c, t) => isBureau(c) && (t === undefined || c.role === 'region' || t.league === c.league),
  // Art 8: the region forms the review group, which reviews; the region follows its work.
  'review.read': (c) => c.role === 'reviewGroup' || c.role === 'region',
  'review.decide': (c) => c.role === 'reviewGroup',
};

/**
 * May this caller do this action (on this target)? A caller without a valid staff token is
 * `unauthorized` (with why its token was refused, or `missing`); a staff caller the rule refuses is
 * `forbidden`. Routes open to the public do not ask (the score lookup serves them the public view).
 */
export const authorize = <A extends Action>(caller: Caller, action: A, target?: PolicyTargets[A]): Authorization => {
  if (caller.type === 'public') return { ok: false, refusal: { status: 'unauthorized', reason: 'missing' } };
  if (caller.type === 'invalid') return { ok: false, refusal: { status: 'unauthorized', reason: caller.reason } };
  return RULES[action](caller.claims, target)
    ? { ok: true, claims: caller.claims }
    : { ok: false, refusal: { status: 'forbidden' } };
};
