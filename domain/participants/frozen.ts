import type { Cycle } from '../cycles/cycle.ts';
import type { LeagueCode } from '../identifiers/leagues.ts';

/**
 * Has the league's bureau confirmed its list (`listConfirmed`, the act that ends LISTING: Art 16(1),
 * 17(1))? After it the list is the year's list: a change needs a reason and stays in the audit trail.
 * Before the cycle is opened, or while the league is still listing, the list is a draft.
 */
export const listConfirmed = (cycle: Cycle | null, league: LeagueCode): boolean => {
  const track = cycle?.leagues[league];
  return track !== undefined && track.stageIndex > 0;
};
