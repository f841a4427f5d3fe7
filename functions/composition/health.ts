import { createHealthHandler } from '../health/handler.ts';
import type { StoreHealth } from '../ports/store.ts';
import type { StoreEdge } from './edges.ts';

/** `GET /v1/health`: one read of the table. */
export const composeHealth = (e: StoreEdge<StoreHealth>) => createHealthHandler(e.store);
