import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoCreditStore } from '../../../../../functions/adapters/dynamoStore.ts';
import { LocalEvidenceStore } from '../../../../../functions/adapters/localEvidenceStore.ts';
import { evidenceFileName, OpenEvidence } from '../../../../../functions/web/console/evidence/openEvidence.ts';
import { enterprise, uscc } from '../../../../support/builders.ts';
import { registerProfile } from '../../../../support/store.ts';
import { freshTable } from '../../../../support/table.ts';

/** Opening an evidence file: `subject.readLive` on the subject of the key's folder, before any read. */
const E = { kind: 'enterprise' as const, id: uscc(941, '150600') };
const KEY = `evidence/enterprise/${E.id}/0f9e8d7c-6b5a-4c3d-8e2f-1a0b9c8d7e6f`;
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);

let root: string;
let open: OpenEvidence;
let destroy: () => void;
beforeAll(async () => {
  const fresh = await freshTable('open-evidence');
  destroy = () => fresh.client.destroy();
  const store = new DynamoCreditStore(fresh.client, fresh.table);
  await registerProfile(store, enterprise({ id: E.id, league: '150600' }), '2026-01-05T00:00:00Z');
  root = await mkdtemp(join(tmpdir(), 'open-evidence-'));
  const files = new LocalEvidenceStore(root);
  await files.put(KEY, PNG, 'image/png');
  open = new OpenEvidence(store, files);
});
afterAll(async () => {
  destroy();
  await rm(root, { recursive: true, force: true });
});

describe('opening an evidence file in the console', () => {
  it('names the download by the file’s type', () => {
    expect(evidenceFileName(KEY, 'image/png')).toBe('证明材料-0f9e8d7c.png');
    expect(evidenceFileName(KEY, 'application/pdf')).toBe('证明材料-0f9e8d7c.pdf');
    expect(evidenceFileName(KEY, 'image/jpeg')).toBe('证明材料-0f9e8d7c.jpg');
  });

  it('gives the subject’s league and the region the file, with its stored type', async () => {
    for (const claims of [{ role: 'league' as const, league: '150600' }, { role: 'region' as const }]) {
      const got = await open.file({ type: 'staff', claims }, KEY);
      expect(got).toEqual({
        status: 'ok',
        value: { body: PNG, contentType: 'image/png', fileName: '证明材料-0f9e8d7c.png' },
      });
    }
  });

  it('refuses the public, another unit and another league before reading anything', async () => {
    expect((await open.link({ type: 'public' }, KEY)).status).toBe('unauthorized');
    expect(
      (await open.file({ type: 'staff', claims: { role: 'enterprise', subject: uscc(942, '150600') } }, KEY)).status,
    ).toBe('forbidden');
    expect((await open.link({ type: 'staff', claims: { role: 'league', league: '150200' } }, KEY)).status).toBe(
      'forbidden',
    );
  });
});
