import { legalDateOfInstant, yearOf } from '../../domain/dates.ts';
import type { Filing, FilingWindow } from '../../domain/filing/filing.ts';
import { filingWindowOf } from '../../domain/filing/window.ts';
import { isLeagueCode, LEAGUE_CODES } from '../../domain/identifiers/leagues.ts';
import type { ParticipantEntry } from '../../domain/participants/participant.ts';
import type { CycleStore } from '../ports/cycleStore.ts';
import type { FilingStore } from '../ports/filings.ts';
import type { ParticipantStore } from '../ports/participants.ts';
import type { ProfileStore, SubjectRef } from '../ports/store.ts';

/** A participant's part of the year under way: its list entry, its league's window, its filing. */
export interface ParticipantFiling {
  readonly year: number;
  readonly entry: ParticipantEntry;
  /** Null until the league notifies its participants (`participantsNotified`). */
  readonly window: FilingWindow | null;
  readonly filing: Filing | null;
}

export interface FilingReaders {
  readonly profiles: Pick<ProfileStore, 'getProfile'>;
  readonly cycles: Pick<CycleStore, 'getCycle'>;
  readonly participants: Pick<ParticipantStore, 'participants'>;
  readonly filings: Pick<FilingStore, 'filing'>;
}

/**
 * The evaluation year under way at `now` is the previous calendar year (Art 16, 17: the lists are
 * made early in Y+1 for year Y). The participant is found on its league's list (the league of its
 * registration, or any league's list when it is not registered yet); null when it is on no list of that year.
 */
export const participantFiling = async (
  r: FilingReaders,
  ref: SubjectRef,
  now: Date,
): Promise<ParticipantFiling | null> => {
  if (ref.kind === 'practitioner') return null;
  const year = yearOf(legalDateOfInstant(now)) - 1;
  const profile = await r.profiles.getProfile(ref);
  const registered = profile?.subject && 'league' in profile.subject ? profile.subject.league : null;
  // The league of its registration first; a unit listed before it was registered is looked for on every list.
  const leagues = registered && isLeagueCode(registered) ? [registered] : LEAGUE_CODES;
  let entry: ParticipantEntry | undefined;
  for (const l of leagues) {
    entry = (await r.participants.participants({ year, kind: ref.kind, league: l })).find((e) => e.code === ref.id);
    if (entry) break;
  }
  if (!entry) return null;
  const league = entry.league;
  const [cycle, filing] = await Promise.all([r.cycles.getCycle(year, ref.kind), r.filings.filing(ref, year)]);
  return { year, entry, window: cycle ? filingWindowOf(cycle, league) : null, filing };
};
