import type { OutboxStore, StuckEntry } from '../ports/store.ts';
import type { Caller } from '../shared/auth.ts';
import { type Outcome, ok } from '../shared/errors.ts';
import { authorize } from '../shared/policy.ts';

/**
 * `GET /v1/ingest/stuck`: the claims set aside after failing, with their cause (docs/ingestion.md
 * "A stuck claim"), those the caller manages (`ingest.manage`: the region all, a league bureau its league's).
 */
export class ListStuckClaims {
  constructor(private readonly store: Pick<OutboxStore, 'stuckEntries'>) {}

  async execute(caller: Caller): Promise<Outcome<readonly StuckEntry[], never>> {
    return ok(
      (await this.store.stuckEntries()).filter((e) => authorize(caller, 'ingest.manage', { league: e.league }).ok),
    );
  }
}
