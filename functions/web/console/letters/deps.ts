import type { ListLetters } from '../../../practitioner-results/listLetters.ts';

/** What the console's letters (函告, Art 18(6)) use, and their Excel export in `webExports`. */
export interface LetterConsoleDeps {
  readonly letters: { readonly list: Pick<ListLetters, 'execute' | 'one' | 'resultsNotice'> };
}
