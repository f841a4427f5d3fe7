import type { Cycle } from '../cycles/cycle.ts';
import { deadlineId } from '../cycles/definitions.ts';
import { startOfLegalDayInstant } from '../dates.ts';
import type { LeagueCode } from '../identifiers/leagues.ts';
import type { FilingWindow } from './filing.ts';

/** The id of a league's FILING window deadline in its cycle. */
export const filingDeadlineId = (league: LeagueCode): string => deadlineId('FILING', 'end', league);

/**
 * Art 20: a league's filing window, as its cycle holds it — opened by `participantsNotified`
 * (the deadline's basis starts that day) and closing at the deadline (moved when the official
 * calendar is loaded, I11). Null while the league has not notified its participants.
 */
export const filingWindowOf = (cycle: Cycle, league: LeagueCode): FilingWindow | null => {
  const d = cycle.deadlines.find((x) => x.id === filingDeadlineId(league) && x.status !== 'cancelled');
  if (!d || d.basis === null) return null;
  return { opensOn: d.basis.from, opensAt: startOfLegalDayInstant(d.basis.from), closesOn: d.on, closesAt: d.at };
};

/** Has the window closed at `now` (its deadline passed)? */
export const windowClosed = (window: FilingWindow, now: string): boolean =>
  Date.parse(now) > Date.parse(window.closesAt);
