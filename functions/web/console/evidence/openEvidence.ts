import {
  EVIDENCE_KEY,
  type EvidenceDownloads,
  type EvidenceFile,
  type EvidenceStore,
} from '../../../ports/evidenceStore.ts';
import type { ProfileStore, SubjectRef } from '../../../ports/store.ts';
import type { Caller } from '../../../shared/auth.ts';
import {
  type Forbidden,
  forbidden,
  type Invalid,
  invalid,
  type NotFound,
  notFound,
  type Outcome,
  ok,
  type Unauthorized,
} from '../../../shared/errors.ts';
import { authorize } from '../../../shared/policy.ts';
import { leagueOf } from '../../../shared/subjectEvaluation.ts';

export type EvidenceRefusal = Invalid | Forbidden | NotFound | Unauthorized;

/** The name a downloaded file is saved under: 证明材料-<first part of its key's uuid>.<type's extension>. */
export const evidenceFileName = (key: string, contentType: string): string => {
  const ext = { 'application/pdf': 'pdf', 'image/jpeg': 'jpg', 'image/png': 'png' }[contentType] ?? 'bin';
  return `证明材料-${key.split('/').pop()!.slice(0, 8)}.${ext}`;
};

/**
 * Opening an evidence file in the console: a bureau officer may read a file of a subject whose live
 * view they may read (`subject.readLive`, the subject's league from its profile). The subject is the
 * key's folder (`evidence/{kind}/{id}/`). Jurisdiction is checked before anything about the file is
 * read, and a subject nobody registered is in nobody's league: another league's officer gets the same
 * refusal whether or not the file (or the subject) exists.
 */
export class OpenEvidence {
  constructor(
    private readonly profiles: Pick<ProfileStore, 'getProfile'>,
    private readonly files: Pick<EvidenceStore, 'describe'> & EvidenceDownloads,
  ) {}

  /** Where the officer's browser fetches the file (a short-lived link on AWS). */
  async link(caller: Caller, key: string): Promise<Outcome<string, EvidenceRefusal>> {
    const refusal = await this.refusalOf(caller, key);
    if (refusal !== null) return refusal;
    const stored = await this.files.describe(key);
    if (stored === null) return notFound;
    return ok(await this.files.downloadUrl(key, evidenceFileName(key, stored.contentType)));
  }

  /** The file itself (the local runtime's streaming route). */
  async file(
    caller: Caller,
    key: string,
  ): Promise<Outcome<EvidenceFile & { readonly fileName: string }, EvidenceRefusal>> {
    const refusal = await this.refusalOf(caller, key);
    if (refusal !== null) return refusal;
    const f = await this.files.read(key);
    if (f === null) return notFound;
    return ok({ ...f, fileName: evidenceFileName(key, f.contentType) });
  }

  private async refusalOf(caller: Caller, key: string): Promise<EvidenceRefusal | null> {
    const role = authorize(caller, 'subject.readLive');
    if (!role.ok) return role.refusal as Unauthorized | Forbidden;
    if (!EVIDENCE_KEY.test(key))
      return invalid([{ path: 'key', message: '证明材料编号（key）无效，须为参评单位的证明材料' }]);
    const [, kind, id] = key.split('/') as [string, SubjectRef['kind'], string];
    const ref = { kind, id } as SubjectRef;
    const profile = await this.profiles.getProfile(ref);
    const league = profile ? leagueOf(profile.subject) : null;
    return authorize(caller, 'subject.readLive', { ...ref, league }).ok ? null : forbidden;
  }
}
