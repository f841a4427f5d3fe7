import { mkdir, open, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import {
  EVIDENCE_HEAD_BYTES,
  EVIDENCE_KEY,
  type EvidenceDownloads,
  type EvidenceFile,
  type EvidenceStore,
  EvidenceStoreError,
  type EvidenceType,
  type EvidenceUploadForm,
  type EvidenceUploadRequest,
  LOCAL_EVIDENCE_FILE_PATH,
  type StoredEvidence,
} from '../ports/evidenceStore.ts';

/** The local runtime's upload route (functions/web/portal/routes.ts): the form posts there, not to a bucket. */
export const LOCAL_EVIDENCE_UPLOAD_PATH = '/portal/evidence';

/**
 * Evidence files in a folder (the local runtime: `<dataDir>/evidence`): each file under its key,
 * its type beside it in `<key>.type`. The browser posts the file to the site's own upload route,
 * which checks it and calls `put`, as a bucket's pre-signed POST would take it on AWS.
 */
export class LocalEvidenceStore implements EvidenceStore, EvidenceDownloads {
  constructor(private readonly root: string) {}

  private pathOf(key: string): string {
    // Keys are the site's own; anything else could reach outside the folder.
    if (!EVIDENCE_KEY.test(key)) throw new EvidenceStoreError(`not an evidence key: ${key}`);
    return join(this.root, ...key.split('/'));
  }

  async uploadForm(r: EvidenceUploadRequest): Promise<EvidenceUploadForm> {
    this.pathOf(r.key);
    return {
      url: LOCAL_EVIDENCE_UPLOAD_PATH,
      fields: { key: r.key, 'Content-Type': r.contentType, success_action_redirect: r.redirect },
    };
  }

  async put(key: string, body: Buffer, contentType: EvidenceType): Promise<void> {
    const path = this.pathOf(key);
    try {
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, body);
      await writeFile(`${path}.type`, contentType);
    } catch (err) {
      throw new EvidenceStoreError(`could not store evidence ${key}`, { cause: err });
    }
  }

  async describe(key: string): Promise<StoredEvidence | null> {
    if (!EVIDENCE_KEY.test(key)) return null;
    const path = this.pathOf(key);
    try {
      const size = (await stat(path)).size;
      const contentType = (await readFile(`${path}.type`, 'utf8')).trim();
      const handle = await open(path, 'r');
      try {
        const head = Buffer.alloc(Math.min(size, EVIDENCE_HEAD_BYTES));
        await handle.read(head, 0, head.length, 0);
        return { key, size, contentType, head };
      } finally {
        await handle.close();
      }
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw new EvidenceStoreError(`could not read evidence ${key}`, { cause: err });
    }
  }

  async remove(key: string): Promise<void> {
    const path = this.pathOf(key);
    await rm(path, { force: true });
    await rm(`${path}.type`, { force: true });
  }

  /** The console's streaming route, which authorises the officer again before it reads the file. */
  async downloadUrl(key: string, fileName: string): Promise<string> {
    this.pathOf(key);
    return `${LOCAL_EVIDENCE_FILE_PATH}?${new URLSearchParams({ key, name: fileName })}`;
  }

  async read(key: string): Promise<EvidenceFile | null> {
    if (!EVIDENCE_KEY.test(key)) return null;
    const path = this.pathOf(key);
    try {
      const [body, contentType] = await Promise.all([readFile(path), readFile(`${path}.type`, 'utf8')]);
      return { body, contentType: contentType.trim() };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw new EvidenceStoreError(`could not read evidence ${key}`, { cause: err });
    }
  }
}
