import { ListLetters } from '../practitioner-results/listLetters.ts';
import type { LetterConsoleDeps } from '../web/console/letters/deps.ts';
import type { Edges } from './edges.ts';

/** What the console's letters (函告, Art 18(6)) and their workbook use: the final results and the notices. */
export const webConsoleLettersDeps = (e: Pick<Edges, 'finalResults' | 'notices'>): LetterConsoleDeps => ({
  letters: { list: new ListLetters(e.finalResults, e.notices) },
});
