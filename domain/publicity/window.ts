import type { Cycle } from '../cycles/cycle.ts';
import { type CycleKind, deadlineId } from '../cycles/definitions.ts';
import type { LegalDate } from '../dates.ts';

/**
 * The publicity of the proposed results (公示, Art 16(3), 17(4)): the region opens it with
 * `publicityOpened`, and it lasts 7 working days. The window is the cycle's own `PUBLICITY.end`
 * deadline, so the public pages, the comments and the stage machine can never disagree on it.
 */
export interface PublicityWindow {
  readonly year: number;
  readonly kind: PublicityKind;
  /** The day publicity began (the day of `publicityOpened`). */
  readonly opensOn: LegalDate;
  /** The last day of the window. */
  readonly closesOn: LegalDate;
  /** 23:59:59 Asia/Shanghai of `closesOn`, as a UTC instant (I12, I13). */
  readonly closesAt: string;
}

/** Art 18(6): practitioners' results are never made public; only enterprises and agencies have publicity. */
export const PUBLICITY_KINDS: readonly CycleKind[] = ['enterprise', 'agency'];

export type PublicityKind = 'enterprise' | 'agency';

export const hasPublicity = (kind: string): kind is PublicityKind =>
  (PUBLICITY_KINDS as readonly string[]).includes(kind);

/** The cycle's publicity window, or null while publicity has not been opened (nothing is public yet). */
export const publicityWindowOf = (cycle: Cycle): PublicityWindow | null => {
  const kind = cycle.kind;
  if (!hasPublicity(kind)) return null;
  const d = cycle.deadlines.find((x) => x.id === deadlineId('PUBLICITY', 'end') && x.type === 'window');
  if (!d || d.status === 'cancelled' || d.basis === null) return null;
  return { year: cycle.year, kind, opensOn: d.basis.from, closesOn: d.on, closesAt: d.at };
};

/**
 * Whether comments are still received at `now` (an ISO instant): I12, a window closes at 23:59:59
 * legal time of its closing date, whatever the deadline's delivery does.
 */
export const isWindowOpen = (w: Pick<PublicityWindow, 'closesAt'>, now: string): boolean =>
  Date.parse(now) <= Date.parse(w.closesAt);
