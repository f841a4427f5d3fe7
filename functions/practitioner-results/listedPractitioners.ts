import { LEAGUE_CODES, type LeagueCode } from '../../domain/identifiers/leagues.ts';
import type { ParticipantEmployer } from '../../domain/participants/participant.ts';
import type { ParticipantStore } from '../ports/participants.ts';

/** A practitioner on a year's lists: its name, the leagues that listed it, and its employer. */
export interface ListedPractitioner {
  readonly residentId: string;
  readonly name: string;
  /** Every league whose list has it (Art 18(1)), sorted. */
  readonly leagues: readonly LeagueCode[];
  readonly employer: ParticipantEmployer | null;
}

/**
 * The practitioners on a year's lists over every league (Art 18(1): each league bureau decides its
 * own list), by resident identity number. One listed by two leagues is one practitioner with both.
 */
export const listedPractitioners = async (
  lists: Pick<ParticipantStore, 'participants'>,
  year: number,
): Promise<Map<string, ListedPractitioner>> => {
  const out = new Map<string, ListedPractitioner>();
  for (const league of LEAGUE_CODES)
    for (const e of await lists.participants({ year, kind: 'practitioner', league })) {
      const seen = out.get(e.code);
      out.set(e.code, {
        residentId: e.code,
        name: seen?.name ?? e.name,
        leagues: [...(seen?.leagues ?? []), league],
        employer: seen?.employer ?? e.employer ?? null,
      });
    }
  return out;
};
