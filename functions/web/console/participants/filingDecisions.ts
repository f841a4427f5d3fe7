import { isLeagueCode } from '../../../../domain/identifiers/leagues.ts';
import type { EmployerKind } from '../../../../domain/participants/participant.ts';
import type { ParticipantLists } from '../../../participants/participantLists.ts';
import { checkedReason } from '../../../participants/reason.ts';
import type { ParticipantListRef } from '../../../ports/participants.ts';
import type { FilingRef, PractitionerFiling, PractitionerFilingStore } from '../../../ports/practitionerFilings.ts';
import { actorOf, type Caller } from '../../../shared/auth.ts';
import type { Clock } from '../../../shared/clock.ts';
import {
  type Conflict,
  conflict,
  type Forbidden,
  type Invalid,
  invalid,
  type NotFound,
  notFound,
  type Outcome,
  ok,
  type Unauthorized,
} from '../../../shared/errors.ts';
import { authorize } from '../../../shared/policy.ts';

type Denied = Unauthorized | Forbidden;

/** Which filing a form decides: the employer and the practitioner (the year and league are the list's). */
export interface FilingKey {
  readonly employerKind: string;
  readonly employerCode: string;
  readonly residentId: string;
}

const NOT_PENDING = conflict('FILING_DECIDED', '该从业人员的填报已处理，不能重复处理');
const NOT_PRACTITIONERS = invalid([{ path: '类型', message: '用人单位填报的从业人员只列入相关从业人员参评名单' }]);

/**
 * Art 18(1): "各盟市生态环境主管部门汇总后确定参评从业人员" — the league bureau lists the
 * practitioners their employers filed, or declines them with a reason the employer reads. Listing
 * adds the person to the league's list of practitioners through the list's own path (audited; a
 * reason once the list is confirmed, Art 18(1) `listConfirmed`); a decision is kept on the filing
 * with who made it and when.
 */
export class FilingDecisions {
  constructor(
    private readonly filings: Pick<PractitionerFilingStore, 'filing' | 'filingsOfLeague' | 'decide'>,
    private readonly lists: Pick<ParticipantLists, 'add' | 'note'>,
    private readonly clock: Clock,
  ) {}

  /** Every filing to this list's league and year: pending ones first, then by time of filing. */
  async filed(caller: Caller, list: ParticipantListRef): Promise<Outcome<PractitionerFiling[], Denied>> {
    const auth = authorize(caller, 'participants.manage', { league: list.league });
    if (!auth.ok) return auth.refusal;
    if (list.kind !== 'practitioner') return ok([]);
    const all = await this.filings.filingsOfLeague(list.year, list.league);
    const rank = (f: PractitionerFiling) => (f.status === 'pending' ? 0 : 1);
    return ok(all.sort((a, b) => rank(a) - rank(b) || a.filedAt.localeCompare(b.filedAt)));
  }

  async list(
    caller: Caller,
    list: ParticipantListRef,
    key: FilingKey,
    basis: string,
    why: string,
  ): Promise<Outcome<PractitionerFiling, Denied | Invalid | NotFound | Conflict>> {
    const found = await this.pendingOne(caller, list, key);
    if (found.status !== 'ok') return found;
    const f = found.value.filing;
    const cells = {
      code: f.residentId,
      name: f.name,
      league: list.league,
      basis: basis.trim() === '' ? '6.6' : basis,
      employer: f.employer.code,
      employerKind: f.employer.kind,
    };
    const added = await this.lists.add(caller, list, cells, why);
    if (added.status !== 'ok') return added;
    return this.decide(found.value.ref, f, {
      status: 'listed',
      reason: why.trim() || null,
      decidedBy: found.value.actor,
    });
  }

  async decline(
    caller: Caller,
    list: ParticipantListRef,
    key: FilingKey,
    why: string,
  ): Promise<Outcome<PractitionerFiling, Denied | Invalid | NotFound | Conflict>> {
    const found = await this.pendingOne(caller, list, key);
    if (found.status !== 'ok') return found;
    const checked = checkedReason(why, '未列入理由', '不列入参评名单须填写理由');
    if (checked.status !== 'ok') return checked;
    const reason = checked.value;
    const out = await this.decide(found.value.ref, found.value.filing, {
      status: 'declined',
      reason,
      decidedBy: found.value.actor,
    });
    if (out.status !== 'ok') return out;
    // In the list's change record too, beside the listed ones (the reason was checked above).
    const noted = await this.lists.note(caller, list, 'practitioner.declined', { code: out.value.residentId }, reason);
    return noted.status === 'ok' ? out : noted;
  }

  private async pendingOne(
    caller: Caller,
    list: ParticipantListRef,
    key: FilingKey,
  ): Promise<
    Outcome<{ filing: PractitionerFiling; ref: FilingRef; actor: string }, Denied | Invalid | NotFound | Conflict>
  > {
    const auth = authorize(caller, 'participants.manage', { league: list.league });
    if (!auth.ok) return auth.refusal;
    if (list.kind !== 'practitioner' || !isLeagueCode(list.league)) return NOT_PRACTITIONERS;
    if (key.employerKind !== 'enterprise' && key.employerKind !== 'agency') return notFound;
    const ref: FilingRef = {
      year: list.year,
      league: list.league,
      employer: { kind: key.employerKind as EmployerKind, code: key.employerCode },
      residentId: key.residentId,
    };
    const filing = await this.filings.filing(ref);
    if (filing === null) return notFound;
    if (filing.status !== 'pending') return NOT_PENDING;
    return ok({ filing, ref, actor: actorOf(auth.claims) });
  }

  private async decide(
    ref: FilingRef,
    f: PractitionerFiling,
    d: { status: 'listed' | 'declined'; reason: string | null; decidedBy: string },
  ): Promise<Outcome<PractitionerFiling, Conflict>> {
    const decidedAt = this.clock.now().toISOString();
    const done = await this.filings.decide(ref, { ...d, decidedAt });
    if (done === 'notPending') return NOT_PENDING;
    return ok({ ...f, ...d, decidedAt });
  }
}
