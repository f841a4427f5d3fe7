import * as z from 'zod/mini';
import { SUBJECT_KINDS } from '../../domain/catalogue/kinds.ts';
import type { Cycle } from '../../domain/cycles/cycle.ts';
import { type CycleKind, deadlineId } from '../../domain/cycles/definitions.ts';
import type { LegalDate } from '../../domain/dates.ts';
import type { LeagueCode } from '../../domain/identifiers/leagues.ts';
import { objectionWindow } from '../../domain/objections/objection.ts';
import type { ParticipantEntry } from '../../domain/participants/participant.ts';

/**
 * The message that hands a league's confirmation notices (Art 17(3)) to the rescore worker, which
 * carries the evaluation: the league and the objection window as the cycle holds it when the
 * message is written, so the worker reads no cycle.
 */
export interface ConfirmationNoticesMessage {
  readonly type: 'confirmationNotices';
  readonly year: number;
  readonly kind: CycleKind;
  readonly league: LeagueCode;
  readonly issuedBy: string;
  readonly window: {
    readonly opensOn: LegalDate;
    readonly closesOn: LegalDate;
    /** The window's last instant (I12): no notice is written after it. */
    readonly closesAt: string;
    readonly article: string;
  };
  /** The participants it is written to (a part of the league's list: see `CONFIRMATION_BATCH`). */
  readonly participants: readonly { readonly code: string; readonly name: string }[];
}

/** Participants per message: well within a queue message's size. */
export const CONFIRMATION_BATCH = 100;

/** The message's contract, as the worker parses it. */
export const confirmationNoticesMessageSchema = z.object({
  type: z.literal('confirmationNotices'),
  year: z.number(),
  kind: z.enum(SUBJECT_KINDS),
  league: z.string(),
  issuedBy: z.string(),
  window: z.object({ opensOn: z.string(), closesOn: z.string(), closesAt: z.string(), article: z.string() }),
  participants: z.array(z.object({ code: z.string(), name: z.string() })),
});

/**
 * The messages for a league's list whose objection window is open at `now` (none otherwise), one per
 * `CONFIRMATION_BATCH` participants.
 */
export const confirmationNoticesMessages = (
  cycle: Cycle,
  league: LeagueCode,
  entries: readonly Pick<ParticipantEntry, 'code' | 'name'>[],
  issuedBy: string,
  now: string,
): ConfirmationNoticesMessage[] => {
  const w = objectionWindow(cycle, league, now);
  const closesAt = cycle.deadlines.find((d) => d.id === deadlineId('CONFIRMATION', 'end', league))?.at;
  // Enterprises have no confirmation stage (Art 16); agencies (Art 17(3)) and practitioners (Art 18(4)) do.
  if (!w.open || !closesAt || cycle.kind === 'enterprise') return [];
  const window = { opensOn: w.opensOn, closesOn: w.closesOn, closesAt, article: w.article };
  const out: ConfirmationNoticesMessage[] = [];
  for (let i = 0; i < entries.length; i += CONFIRMATION_BATCH)
    out.push({
      type: 'confirmationNotices',
      year: cycle.year,
      kind: cycle.kind,
      league,
      issuedBy,
      window,
      participants: entries.slice(i, i + CONFIRMATION_BATCH).map((e) => ({ code: e.code, name: e.name })),
    });
  return out;
};
