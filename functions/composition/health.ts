import { createHealthHandler } from '../health/handler.ts';
import type { Edges } from './edges.ts';

/** `GET /v1/health`: one read of the table. */
export const composeHealth = (e: Pick<Edges, 'store'>) => createHealthHandler(e.store);
