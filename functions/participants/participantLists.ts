import type { LeagueCode } from '../../domain/identifiers/leagues.ts';
import { listConfirmed } from '../../domain/participants/frozen.ts';
import {
  checkParticipantEntry,
  checkParticipantList,
  type ImportCount,
  type ListProblem,
  type ListRow,
} from '../../domain/participants/importList.ts';
import type { ParticipantEntry } from '../../domain/participants/participant.ts';
import type { CycleStore } from '../ports/cycleStore.ts';
import type { ParticipantAudit, ParticipantListRef, ParticipantStore } from '../ports/participants.ts';
import { actorOf, type Caller } from '../shared/auth.ts';
import type { Clock } from '../shared/clock.ts';
import {
  type Forbidden,
  type Invalid,
  invalid,
  type NotFound,
  notFound,
  type Outcome,
  ok,
  type Unauthorized,
} from '../shared/errors.ts';
import { authorize } from '../shared/policy.ts';
import { checkedReason } from './reason.ts';
import type { RegisterListed } from './registerListed.ts';

/** A list as the console shows it: its entries, whether it is confirmed, and its changes. */
export interface ParticipantListView {
  readonly entries: readonly ParticipantEntry[];
  /** After `listConfirmed` every change needs a reason (Art 16(1), 17(1)). */
  readonly confirmed: boolean;
  readonly audit: readonly ParticipantAudit[];
}

/** An import refused whole: every bad row, nothing stored. */
export type ListRejected = { readonly status: 'rejected'; readonly problems: readonly ListProblem[] };

type Denied = Unauthorized | Forbidden;

/**
 * A league's list of participants (Art 6, 16(1), 17(1)): read it, import a checked file, add or
 * remove one entry. Every change is audited; once the league's list is confirmed, a change needs a reason.
 * A listed participant nobody registered yet is registered from its entry (RegisterListed).
 */
export class ParticipantLists {
  constructor(
    private readonly store: ParticipantStore,
    private readonly cycles: Pick<CycleStore, 'getCycle'>,
    private readonly clock: Clock,
    private readonly registerListed: Pick<RegisterListed, 'execute'>,
  ) {}

  async read(caller: Caller, list: ParticipantListRef): Promise<Outcome<ParticipantListView, Denied>> {
    const auth = authorize(caller, 'participants.manage', { league: list.league });
    if (!auth.ok) return auth.refusal;
    const [entries, confirmed, audit] = await Promise.all([
      this.store.participants(list),
      this.confirmed(list),
      this.store.auditOfList(list),
    ]);
    return ok({ entries: [...entries].sort((a, b) => a.code.localeCompare(b.code)), confirmed, audit });
  }

  async importList(
    caller: Caller,
    list: ParticipantListRef,
    rows: readonly ListRow[],
    why: string,
  ): Promise<Outcome<ImportCount, Denied | Invalid> | ListRejected> {
    const start = await this.begin(caller, list, why);
    if (start.status !== 'ok') return start;
    const checked = checkParticipantList(list.kind, list.league, rows);
    if (!checked.ok) return { status: 'rejected', problems: checked.problems };
    const audit = this.audit(start.value, 'participants.imported', { rows: rows.length }, why);
    const count = await this.store.putParticipants(list, checked.entries, audit);
    await this.registerListed.execute(checked.entries, start.value.actor, audit.at);
    return ok(count);
  }

  async add(
    caller: Caller,
    list: ParticipantListRef,
    cells: ListRow['cells'],
    why: string,
  ): Promise<Outcome<ParticipantEntry, Denied | Invalid>> {
    const start = await this.begin(caller, list, why);
    if (start.status !== 'ok') return start;
    const checked = checkParticipantEntry(list.kind, list.league, cells);
    if (!checked.ok) return invalid(checked.problems.map((p) => ({ path: p.column ?? '', message: p.reason })));
    const audit = this.audit(start.value, 'participant.added', { code: checked.entry.code }, why);
    await this.store.putParticipants(list, [checked.entry], audit);
    await this.registerListed.execute([checked.entry], start.value.actor, audit.at);
    return ok(checked.entry);
  }

  async remove(
    caller: Caller,
    list: ParticipantListRef,
    code: string,
    why: string,
  ): Promise<Outcome<string, Denied | Invalid | NotFound>> {
    const start = await this.begin(caller, list, why);
    if (start.status !== 'ok') return start;
    const removed = await this.store.removeParticipant(
      list,
      code,
      this.audit(start.value, 'participant.removed', { code }, why),
    );
    return removed ? ok(code) : notFound;
  }

  /**
   * Records, in the list's change record, a decision that changes no entry: a practitioner its
   * employer filed and the bureau did not list (Art 18(1)). The reason is the decision's own.
   */
  async note(
    caller: Caller,
    list: ParticipantListRef,
    action: Extract<ParticipantAudit['action'], 'practitioner.declined'>,
    what: Record<string, unknown>,
    why: string,
  ): Promise<Outcome<null, Denied | Invalid>> {
    const start = await this.begin(caller, list, why);
    if (start.status !== 'ok') return start;
    await this.store.recordAudit(list, this.audit(start.value, action, what, why));
    return ok(null);
  }

  private async confirmed(list: ParticipantListRef): Promise<boolean> {
    return listConfirmed(await this.cycles.getCycle(list.year, list.kind), list.league as LeagueCode);
  }

  /** Authorises a change and checks its reason: required once the list is confirmed. */
  private async begin(
    caller: Caller,
    list: ParticipantListRef,
    why: string,
  ): Promise<Outcome<{ actor: string; confirmed: boolean }, Denied | Invalid>> {
    const auth = authorize(caller, 'participants.manage', { league: list.league });
    if (!auth.ok) return auth.refusal;
    const confirmed = await this.confirmed(list);
    const reason = checkedReason(why, '理由', confirmed ? '参评名单已确定，修改须填写理由' : null);
    if (reason.status !== 'ok') return reason;
    return ok({ actor: actorOf(auth.claims), confirmed });
  }

  private audit(
    by: { actor: string; confirmed: boolean },
    action: ParticipantAudit['action'],
    what: Record<string, unknown>,
    why: string,
  ): ParticipantAudit {
    const reason = why.trim();
    return {
      at: this.clock.now().toISOString(),
      actor: by.actor,
      action,
      what,
      why: reason === '' ? null : reason,
      afterConfirmation: by.confirmed,
    };
  }
}
