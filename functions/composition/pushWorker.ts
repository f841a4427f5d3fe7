import { createPushWorkerHandler } from '../push-worker/handler.ts';
import type { Edges } from './edges.ts';

/** The push queue's consumer: batches to the public credit platform (Art 16(6), 17(8)). */
export const composePushWorker = (e: Pick<Edges, 'creditPlatform' | 'logger'>) =>
  createPushWorkerHandler(e.creditPlatform, e.logger('push-worker'));
