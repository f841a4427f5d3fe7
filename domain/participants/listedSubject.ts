import type { Subject } from '../subjects/subject.ts';
import { type ParticipantEntry, WHOLE_SHARE_BP } from './participant.ts';

/**
 * The subject a list entry names, for a participant nobody registered yet. Why: the list is the
 * bureau's act of bringing a unit or person into the evaluation (Art 16(1), 17(1), 18(1)), with the
 * data the evaluation needs — an enterprise's sites and output shares (Art 26, I9), an agency's Annex 2
 * categories (Art 10), a practitioner's employer (Art 18(1)) — so a listed participant can file,
 * confirm and object without a second registration. A subject registered already keeps what its
 * bureau registered: the list never overwrites it.
 */
export const subjectOfEntry = (entry: ParticipantEntry): Subject => {
  switch (entry.kind) {
    case 'enterprise':
      return {
        kind: 'enterprise',
        id: entry.code,
        name: entry.name,
        league: entry.league,
        // I9: shares are exact hundredths of a percent on the list; the subject keeps them as a fraction of the whole.
        sites: entry.sites.map((s) => ({ siteId: s.siteId, outputShare: s.shareBp / WHOLE_SHARE_BP })),
      };
    case 'agency':
      return {
        kind: 'agency',
        id: entry.code,
        name: entry.name,
        league: entry.league,
        categories: [...entry.categories],
      };
    case 'practitioner':
      return {
        kind: 'practitioner',
        id: entry.code,
        name: entry.name,
        league: entry.league,
        ...(entry.employer ? { employer: { kind: entry.employer.kind, id: entry.employer.code } } : {}),
      };
  }
};
