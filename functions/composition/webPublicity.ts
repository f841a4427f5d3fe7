import { PublicityLists } from '../publicity/publicityLists.ts';
import { SubmitComment } from '../publicity/submitComment.ts';
import type { PublicityDeps } from '../web/public/publicity/deps.ts';
import type { Edges } from './edges.ts';

/** The publicity pages (docs/publicity.md): the lists read the leagues' sent reports; comments go to `comments`. */
export const webPublicityDeps = (
  e: Pick<Edges, 'clock' | 'cycleStore' | 'leagueReports' | 'comments'>,
): PublicityDeps => {
  const lists = new PublicityLists(e.cycleStore, e.leagueReports, e.clock);
  return { lists, comment: new SubmitComment(lists, e.comments, e.clock) };
};
