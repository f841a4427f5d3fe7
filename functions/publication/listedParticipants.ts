import type { CycleKind } from '../../domain/cycles/definitions.ts';
import { LEAGUE_CODES } from '../../domain/identifiers/leagues.ts';
import type { ParticipantStore } from '../ports/participants.ts';

/**
 * The codes on a year's lists of participants of a kind, over every league (Art 16(1), 17(1)): the
 * later stages of the cycle run over the lists, so a registered subject that is not on one is not
 * published for that year. Practitioners are never published (Art 18(6)), and have no such lists here.
 */
export const listedParticipants = async (
  lists: Pick<ParticipantStore, 'participants'>,
  kind: CycleKind,
  year: number,
): Promise<ReadonlySet<string>> => {
  if (kind === 'practitioner') return new Set();
  const perLeague = await Promise.all(LEAGUE_CODES.map((league) => lists.participants({ year, kind, league })));
  return new Set(perLeague.flat().map((e) => e.code));
};
