import { type FilingStatus, filingStatus, statusOfFiling } from '../../domain/filing/filing.ts';
import { filingWindowOf } from '../../domain/filing/window.ts';
import type { CycleStore } from '../ports/cycleStore.ts';
import type { FilingStore } from '../ports/filings.ts';
import type { ParticipantListRef, ParticipantStore } from '../ports/participants.ts';
import type { Caller } from '../shared/auth.ts';
import type { Clock } from '../shared/clock.ts';
import { type Forbidden, type Outcome, ok, type Unauthorized } from '../shared/errors.ts';
import { authorize } from '../shared/policy.ts';

/**
 * Art 20: where each participant of a league's list stands with its filing (the console's
 * 填报情况), by code; empty until the league notifies its participants (no window yet).
 */
export class ListFilingStatuses {
  constructor(
    private readonly cycles: Pick<CycleStore, 'getCycle'>,
    private readonly participants: Pick<ParticipantStore, 'participants'>,
    private readonly filings: Pick<FilingStore, 'filingsOf'>,
    private readonly clock: Clock,
  ) {}

  async execute(
    caller: Caller,
    list: ParticipantListRef,
  ): Promise<Outcome<ReadonlyMap<string, FilingStatus>, Unauthorized | Forbidden>> {
    const allowed = authorize(caller, 'participants.manage', { league: list.league });
    if (!allowed.ok) return allowed.refusal;
    // Practitioners are filed by their employers (Art 18(1)); they have no filing of their own here.
    if (list.kind === 'practitioner') return ok(new Map());
    const cycle = await this.cycles.getCycle(list.year, list.kind);
    const window = cycle ? filingWindowOf(cycle, list.league) : null;
    if (!window) return ok(new Map());
    const entries = await this.participants.participants(list);
    const filed = await this.filings.filingsOf(
      entries.map((e) => ({ kind: e.kind, id: e.code })),
      list.year,
    );
    const now = this.clock.now().toISOString();
    return ok(
      new Map(
        entries.map((e) => {
          const f = filed.get(e.code);
          return [e.code, f ? statusOfFiling(f, now) : filingStatus(window, null, now)];
        }),
      ),
    );
  }
}
