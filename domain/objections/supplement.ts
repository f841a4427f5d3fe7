import { type Cycle, stageOf } from '../cycles/cycle.ts';
import type { LegalDate } from '../dates.ts';
import type { LeagueCode } from '../identifiers/leagues.ts';
import { contentHashOf } from '../records/contentHash.ts';

/**
 * Supplement and verification (Art 17(2), 18(2): "谁产生、谁补充、谁核实"): in SUPPLEMENT the league
 * bureau adds records from other sources (the department that produced each is named), and marks
 * records verified — who verified, when.
 */

/** Whether a league's bureau may supplement records now: only in its SUPPLEMENT stage (Art 17(2), 18(2)). */
export const supplementOpen = (cycle: Cycle, league: LeagueCode): boolean => stageOf(cycle, league) === 'SUPPLEMENT';

export interface SupplementInput {
  readonly subject: { readonly kind: string; readonly id: string };
  readonly rule: string;
  readonly occurredOn: LegalDate;
  /** Who produced the information (信息产生部门). */
  readonly department: string;
  readonly fineYuan: number | null;
  readonly summary: string | null;
}

/**
 * The supplemented record's eventId, derived from what is supplemented, so that a form posted twice
 * names the same record and changes nothing: `SUP-<league>-<16 hex>`.
 */
export const supplementEventId = (league: LeagueCode, s: SupplementInput): string =>
  `SUP-${league}-${contentHashOf(
    JSON.stringify([s.subject.kind, s.subject.id, s.rule, s.occurredOn, s.department, s.fineYuan, s.summary]),
  ).slice(0, 16)}`;

/** A record's verification by a bureau (核实): who and when. */
export interface RecordVerification {
  readonly subject: { readonly kind: string; readonly id: string };
  readonly eventId: string;
  readonly verifiedBy: string;
  readonly verifiedAt: string;
}
