import { EcocreditError } from '../shared/errors.ts';
import type { RecordMessage } from './messages.ts';

/** The records queue (SQS FIFO): group = subject, deduplication id per message. */
export interface RecordQueue {
  send(messages: readonly RecordMessage[]): Promise<void>;
}

export class QueueError extends EcocreditError {
  override readonly name = 'QueueError';
}
