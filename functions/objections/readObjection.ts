import { ruleByCode } from '../../domain/catalogue/catalogue.ts';
import type { CreditRecord } from '../../domain/records/creditRecord.ts';
import type { SubjectRecordStore } from '../ports/store.ts';
import type { Caller } from '../shared/auth.ts';
import { type Outcome, ok } from '../shared/errors.ts';
import type { ListedObjection, ListObjections } from './listObjections.ts';
import type { ReviewObjection, ReviewRefusal } from './reviewObjection.ts';

export interface ObjectionDetail {
  readonly objection: ListedObjection;
  /** The disputed records as stored (null: not stored, or not yet applied by the worker). */
  readonly records: Readonly<Record<string, (CreditRecord & { readonly wording: string }) | null>>;
}

/** One objection for the console's review page: its review limit and its disputed records as stored. */
export class ReadObjection {
  constructor(
    private readonly list: Pick<ListObjections, 'withLimits'>,
    private readonly records: Pick<SubjectRecordStore, 'loadRecords'>,
    private readonly review: Pick<ReviewObjection, 'find'>,
  ) {}

  async execute(caller: Caller, id: string): Promise<Outcome<ObjectionDetail, ReviewRefusal>> {
    const found = await this.review.find(caller, id);
    if (found.status !== 'ok') return found;
    const [objection] = await this.list.withLimits([found.value.objection]);
    const stored = await this.records.loadRecords(objection!.records);
    const records: Record<string, (CreditRecord & { wording: string }) | null> = {};
    for (const eventId of objection!.records) {
      const r = stored.get(eventId);
      records[eventId] = r ? { ...r, wording: ruleByCode(r.rule)?.wording ?? r.rule } : null;
    }
    return ok({ objection: objection!, records });
  }
}
