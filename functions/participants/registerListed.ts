import { subjectOfEntry } from '../../domain/participants/listedSubject.ts';
import type { ParticipantEntry } from '../../domain/participants/participant.ts';
import type { RecordMessage } from '../ports/messages.ts';
import type { RecordQueue } from '../ports/queue.ts';
import type { ProfileStore, StoredProfile } from '../ports/store.ts';

/** How many profiles are read and written at once. */
const CONCURRENCY = 16;

/**
 * Registers the listed participants nobody registered yet, from their list entries (domain:
 * subjectOfEntry), so that a listed unit can file, confirm and object at once. A registered subject
 * is left as its bureau registered it. Safe to run again: importing the same list again, or a retry
 * after a crash between the list and the profiles, registers only what is still missing. Each new
 * profile is audited and re-evaluated (its sites and categories change its score).
 */
export class RegisterListed {
  constructor(
    private readonly profiles: Pick<ProfileStore, 'getProfile' | 'putProfile'>,
    private readonly queue: RecordQueue,
  ) {}

  async execute(entries: readonly ParticipantEntry[], actor: string, at: string): Promise<number> {
    const messages: RecordMessage[] = [];
    for (let i = 0; i < entries.length; i += CONCURRENCY) {
      const registered = await Promise.all(entries.slice(i, i + CONCURRENCY).map((e) => this.register(e, actor, at)));
      for (const p of registered)
        if (p)
          messages.push({
            type: 'subject.reevaluate',
            subject: { kind: p.subject.kind, id: p.subject.id },
            cause: `registered:${p.version}`,
          });
    }
    if (messages.length > 0) await this.queue.send(messages);
    return messages.length;
  }

  private async register(entry: ParticipantEntry, actor: string, at: string): Promise<StoredProfile | null> {
    const ref = { kind: entry.kind, id: entry.code };
    const existing = await this.profiles.getProfile(ref);
    if (existing?.registration === 'registered') return null;
    const profile: StoredProfile = {
      subject: subjectOfEntry(entry),
      registration: 'registered',
      version: (existing?.version ?? 0) + 1,
      updatedAt: at,
    };
    const written = await this.profiles.putProfile(profile, existing?.version ?? null, {
      subject: ref,
      at,
      actor,
      action: 'subject.registered',
      what: { before: existing?.subject ?? null, after: profile.subject, from: 'participantList' },
      why: null,
    });
    // Lost a race with a bureau registering it at the same moment: theirs stands.
    return written ? profile : null;
  }
}
