import type { ClaimStore, ProfileStore, SubjectRecordStore, SubjectRef } from '../ports/store.ts';
import { documentFromRecord, nameOf, type WarningPorts } from './warningPorts.ts';

/**
 * A warned record was applied (the ingest worker schedules its expiry): its warning gets a document,
 * so that the issuing bureau's list shows warnings that arrived by webhook beside its own. Idempotent:
 * a document already there (a console warning, or a delivery seen before) is left as it is.
 */
export class NoteWarning {
  constructor(
    private readonly ports: Pick<WarningPorts, 'warnings' | 'clock'> & {
      readonly store: Pick<ClaimStore, 'getClaims'> &
        Pick<ProfileStore, 'getProfile'> &
        Pick<SubjectRecordStore, 'loadRecords'>;
    },
  ) {}

  async execute(subject: SubjectRef, eventId: string): Promise<void> {
    if (await this.ports.warnings.warning(subject, eventId)) return;
    const record = (await this.ports.store.loadRecords([eventId])).get(eventId);
    const claim = (await this.ports.store.getClaims([eventId])).get(eventId);
    if (!record?.warning || !claim) return;
    const doc = { ...documentFromRecord(record, await nameOf(this.ports, subject), claim.source), version: 1 };
    await this.ports.warnings.putWarning(doc, null, {
      subject,
      at: this.ports.clock.now().toISOString(),
      actor: doc.issuedBy,
      action: 'warning.noted',
      what: { eventId, deadline: doc.deadline },
      why: null,
    });
  }
}
