import type { CreditRecord } from '../../domain/records/creditRecord.ts';
import type { Subject } from '../../domain/subjects/subject.ts';
import type { DynamoCreditStore } from '../../functions/adapters/dynamoStore.ts';
import type { SubjectCommit, SubjectRef } from '../../functions/ports/store.ts';
import { enterprise } from './builders.ts';

/** Stores `subject`'s profile as registered (version 1) at `at`, audited as `subject.registered` by `actor`. */
export const registerProfile = (
  store: DynamoCreditStore,
  subject: Subject,
  at: string,
  actor = 'test',
): Promise<boolean> =>
  store.putProfile({ subject, registration: 'registered', version: 1, updatedAt: at }, null, {
    subject: { kind: subject.kind, id: subject.id },
    at,
    actor,
    action: 'subject.registered',
    what: {},
    why: null,
  });

/** Stores a registered enterprise profile (version 1) for `subject`, audited as `subject.registered`. */
export const registerEnterprise = (
  store: DynamoCreditStore,
  subject: { kind: 'enterprise'; id: string },
  at: string,
): Promise<boolean> => registerProfile(store, enterprise({ id: subject.id }), at);

/** Commits one delivered record (content hash = event id, source `test`); whether the commit was applied. */
export const deliverRecord = (
  store: DynamoCreditStore,
  subject: SubjectRef,
  record: CreditRecord,
  receivedAt: string,
): Promise<boolean> =>
  store
    .commitSubject({
      subject,
      newRecord: { record, contentHash: record.eventId, source: 'test', receivedAt },
      snapshots: [],
      audit: [],
    })
    .then((written) => written !== false);

/** Commits one lifecycle date of a stored record (rectified, repaired, …); whether the commit was applied. */
export const updateRecordDate = (
  store: DynamoCreditStore,
  subject: SubjectRef,
  recordUpdate: NonNullable<SubjectCommit['recordUpdate']>,
): Promise<boolean> =>
  store.commitSubject({ subject, recordUpdate, snapshots: [], audit: [] }).then((written) => written !== false);
