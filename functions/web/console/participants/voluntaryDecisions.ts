import type { ParticipantLists } from '../../../participants/participantLists.ts';
import { checkedReason } from '../../../participants/reason.ts';
import type { ParticipantListRef } from '../../../ports/participants.ts';
import type { VoluntaryApplication, VoluntaryStore } from '../../../ports/voluntary.ts';
import { actorOf, type Caller } from '../../../shared/auth.ts';
import type { Clock } from '../../../shared/clock.ts';
import {
  type Conflict,
  conflict,
  type Forbidden,
  type Invalid,
  type NotFound,
  notFound,
  type Outcome,
  ok,
  type Unauthorized,
} from '../../../shared/errors.ts';
import { authorize } from '../../../shared/policy.ts';

type Denied = Unauthorized | Forbidden;

const NOT_PENDING = conflict('VOLUNTARY_DECIDED', '该申请已处理，不能重复处理');

/**
 * Art 6(8): the league bureau decides a unit's application to take part of its own accord. Accepting
 * adds the unit to the list on item (八) through the list's own path (audited; a reason once the list
 * is confirmed); declining needs a reason, which the unit sees.
 */
export class VoluntaryDecisions {
  constructor(
    private readonly applications: Pick<VoluntaryStore, 'application' | 'applicationsOf' | 'decide'>,
    private readonly lists: Pick<ParticipantLists, 'add'>,
    private readonly clock: Clock,
  ) {}

  async pending(caller: Caller, list: ParticipantListRef): Promise<Outcome<VoluntaryApplication[], Denied>> {
    const auth = authorize(caller, 'participants.manage', { league: list.league });
    if (!auth.ok) return auth.refusal;
    const all = await this.applications.applicationsOf(list);
    return ok(all.filter((a) => a.status === 'pending').sort((a, b) => a.appliedAt.localeCompare(b.appliedAt)));
  }

  async accept(
    caller: Caller,
    list: ParticipantListRef,
    code: string,
    why: string,
  ): Promise<Outcome<VoluntaryApplication, Denied | Invalid | NotFound | Conflict>> {
    const found = await this.pendingOne(caller, list, code);
    if (found.status !== 'ok') return found;
    const a = found.value.application;
    // An agency is on the list with the Annex 2 categories it applied with (Art 12: its standard is by category).
    const categories = (a.categories ?? []).join('；');
    const cells = { code: a.code, name: a.name, league: list.league, basis: '6.8', sites: '', categories };
    const added = await this.lists.add(caller, list, cells, why);
    if (added.status !== 'ok') return added;
    return this.decide(list, a, { status: 'accepted', reason: why.trim() || null, decidedBy: found.value.actor });
  }

  async decline(
    caller: Caller,
    list: ParticipantListRef,
    code: string,
    why: string,
  ): Promise<Outcome<VoluntaryApplication, Denied | Invalid | NotFound | Conflict>> {
    const found = await this.pendingOne(caller, list, code);
    if (found.status !== 'ok') return found;
    const reason = checkedReason(why, '不予接受理由', '不予接受须填写理由');
    if (reason.status !== 'ok') return reason;
    return this.decide(list, found.value.application, {
      status: 'declined',
      reason: reason.value,
      decidedBy: found.value.actor,
    });
  }

  private async pendingOne(
    caller: Caller,
    list: ParticipantListRef,
    code: string,
  ): Promise<Outcome<{ application: VoluntaryApplication; actor: string }, Denied | NotFound | Conflict>> {
    const auth = authorize(caller, 'participants.manage', { league: list.league });
    if (!auth.ok) return auth.refusal;
    const application = await this.applications.application(list, code);
    if (application === null) return notFound;
    if (application.status !== 'pending') return NOT_PENDING;
    return ok({ application, actor: actorOf(auth.claims) });
  }

  private async decide(
    list: ParticipantListRef,
    a: VoluntaryApplication,
    d: { status: 'accepted' | 'declined'; reason: string | null; decidedBy: string },
  ): Promise<Outcome<VoluntaryApplication, Conflict>> {
    const decidedAt = this.clock.now().toISOString();
    const done = await this.applications.decide(list, a.code, { ...d, decidedAt });
    if (done === 'notPending') return NOT_PENDING;
    return ok({ ...a, ...d, decidedAt });
  }
}
