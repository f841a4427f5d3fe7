import type { ListComments } from '../../../publicity/listComments.ts';
import type { RecordCommentFinding } from '../../../publicity/recordFinding.ts';

/** What the console's comment pages use (Art 16(4) 调查核实): the comments and their findings. */
export interface CommentConsoleDeps {
  readonly publicComments: {
    readonly list: Pick<ListComments, 'execute' | 'publicities'>;
    readonly finding: Pick<RecordCommentFinding, 'execute'>;
  };
}
