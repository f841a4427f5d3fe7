import { type WorkingCalendar, workingDaysAfter } from '../../../../domain/calendar/workingCalendar.ts';
import type { LegalDate } from '../../../../domain/dates.ts';
import { LEAGUE_CODES, type LeagueCode } from '../../../../domain/identifiers/leagues.ts';
import type { Caller } from '../../../shared/auth.ts';
import { authorize } from '../../../shared/policy.ts';

/**
 * The leagues a bureau officer's console shows: those whose league acts the caller may record
 * (Art 8: a league bureau runs its own league's steps, the region every league's) — the region all
 * twelve, a league bureau its own. Asked of the one policy, never decided from the role here.
 */
export const leaguesInScope = (caller: Caller): LeagueCode[] =>
  LEAGUE_CODES.filter((league) => authorize(caller, 'cycle.act', { act: 'reportSent', league }).ok);

/**
 * Working days from `today` to a deadline on `on`: positive while it is ahead, 0 on its last day,
 * negative once passed (how many working days overdue), counted on the official calendar (I11, I12).
 */
export const workingDaysLeft = (today: LegalDate, on: LegalDate, cal: WorkingCalendar): number =>
  on >= today ? workingDaysAfter(today, on, cal).days : -workingDaysAfter(on, today, cal).days;
