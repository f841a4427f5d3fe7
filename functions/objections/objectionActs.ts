import type { Objection } from '../../domain/objections/objection.ts';
import type { RecordAct } from '../cycles/recordAct.ts';
import type { StaffClaims } from '../ports/identity.ts';

/** Refusals that mean the act is already on the cycle: recording it again is harmless. */
const DONE = new Set(['ALREADY_DONE']);

export type ActOutcome =
  | { readonly ok: true }
  | { readonly ok: false; readonly code: string; readonly message: string };

/**
 * The cycle's acts for one objection (its case id is the objection's id), so that its review limit is
 * on the deadline path (Art 17(3), 18(4)) and a league with an open objection cannot report. Both are
 * safe to record again: the objection is stored first, and a retry (or the console page) records
 * whatever act a crash left unrecorded.
 */
export class ObjectionActs {
  constructor(private readonly recordAct: Pick<RecordAct, 'execute'>) {}

  async received(claims: StaffClaims, o: Objection): Promise<ActOutcome> {
    return this.act(claims, o, 'objectionReceived');
  }

  /** The review is done; an objection the cycle never received is received first. */
  async reviewed(claims: StaffClaims, o: Objection): Promise<ActOutcome> {
    const first = await this.act(claims, o, 'objectionReviewed');
    if (first.ok || first.code !== 'UNKNOWN_OBJECTION') return first;
    const received = await this.received(claims, o);
    return received.ok ? this.act(claims, o, 'objectionReviewed') : received;
  }

  private async act(
    claims: StaffClaims,
    o: Objection,
    act: 'objectionReceived' | 'objectionReviewed',
  ): Promise<ActOutcome> {
    const out = await this.recordAct.execute(claims, o.cycle, { act, league: o.league, caseId: o.id }, null);
    if (out.status === 'ok') return { ok: true };
    if (out.status === 'conflict' && DONE.has(out.code)) return { ok: true };
    return out.status === 'conflict'
      ? { ok: false, code: out.code, message: out.message }
      : { ok: false, code: 'CYCLE_NOT_FOUND', message: '评价周期不存在' };
  }
}
