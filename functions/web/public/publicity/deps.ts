import type { PublicityLists } from '../../../publicity/publicityLists.ts';
import type { SubmitComment } from '../../../publicity/submitComment.ts';

/** What the publicity pages use (Art 16(3), 17(4)): the opened lists and the comment form. */
export interface PublicityDeps {
  readonly lists: Pick<PublicityLists, 'overview' | 'page' | 'entry'>;
  readonly comment: Pick<SubmitComment, 'execute'>;
}
