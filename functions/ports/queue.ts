import type { RecordMessage } from '../ingest-worker/messages.ts';

/** The records queue (SQS FIFO): group = subject, deduplication id per message. */
export interface RecordQueue {
  send(messages: readonly RecordMessage[]): Promise<void>;
}

export class QueueError extends Error {
  override readonly name = 'QueueError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}
