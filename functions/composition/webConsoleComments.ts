import { ListComments } from '../publicity/listComments.ts';
import { RecordCommentFinding } from '../publicity/recordFinding.ts';
import type { CommentConsoleDeps } from '../web/console/comments/deps.ts';
import type { Edges } from './edges.ts';

/** The console's comment pages and their workbook (docs/publicity.md). */
export const webConsoleCommentsDeps = (e: Pick<Edges, 'clock' | 'cycleStore' | 'comments'>): CommentConsoleDeps => ({
  publicComments: {
    list: new ListComments(e.cycleStore, e.comments),
    finding: new RecordCommentFinding(e.comments, e.clock),
  },
});
