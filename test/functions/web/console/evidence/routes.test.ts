import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ComponentChildren } from 'preact';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoCreditStore } from '../../../../../functions/adapters/dynamoStore.ts';
import { LocalEvidenceStore } from '../../../../../functions/adapters/localEvidenceStore.ts';
import type { StaffClaims } from '../../../../../functions/ports/identity.ts';
import type { Refusal } from '../../../../../functions/shared/errors.ts';
import { OpenEvidence } from '../../../../../functions/web/console/evidence/openEvidence.ts';
import { evidenceConsoleRoutes, evidenceHref } from '../../../../../functions/web/console/evidence/routes.ts';
import type { WebDeps } from '../../../../../functions/web/deps.ts';
import { htmlResponse, type WebResponse } from '../../../../../functions/web/http/response.ts';
import { newEvidenceKey } from '../../../../../functions/web/portal/evidence.ts';
import { uploadEvidence } from '../../../../../functions/web/portal/upload.tsx';
import { type PageContext, refusalPage } from '../../../../../functions/web/router.ts';
import { renderDocument } from '../../../../../functions/web/ui/layout.tsx';
import { enterprise, uscc } from '../../../../support/builders.ts';
import { registerProfile } from '../../../../support/store.ts';
import { freshTable } from '../../../../support/table.ts';
import { portalContext, SITE } from '../../portal/portalContext.ts';

/** Officers open evidence files uploaded in the portal: only within their jurisdiction, as attachments. */
const ORDOS_ENT = { kind: 'enterprise' as const, id: uscc(931, '150600') };
const UNREGISTERED = { kind: 'enterprise' as const, id: uscc(932, '150600') };
const ordos: StaffClaims = { role: 'league', league: '150600' };
const hohhot: StaffClaims = { role: 'league', league: '150100' };
const region: StaffClaims = { role: 'region' };
const PDF = Buffer.concat([
  Buffer.from('%PDF-1.7\n'),
  Buffer.from('整改报告 rectification report\n'),
  Buffer.alloc(300, 7),
]);
const BOUNDARY = '----EvidenceBoundary';

let root: string;
let files: LocalEvidenceStore;
let open: OpenEvidence;
let destroy: () => void;

beforeAll(async () => {
  const fresh = await freshTable('console-evidence');
  destroy = () => fresh.client.destroy();
  const store = new DynamoCreditStore(fresh.client, fresh.table);
  await registerProfile(store, enterprise({ id: ORDOS_ENT.id, league: '150600' }), '2026-01-05T00:00:00Z');
  root = await mkdtemp(join(tmpdir(), 'console-evidence-'));
  files = new LocalEvidenceStore(root);
  open = new OpenEvidence(store, files);
});
afterAll(async () => {
  destroy();
  await rm(root, { recursive: true, force: true });
});

const handlerOf = (path: string) => evidenceConsoleRoutes.find((r) => r.path === path)!.handle;

const consoleGet = (url: string, claims: StaffClaims): Promise<WebResponse> => {
  const u = new URL(url, SITE);
  const session = { claims, displayName: '' } as never;
  const render = (title: string, content: ComponentChildren, status = 200) =>
    htmlResponse(status, renderDocument({ title, session, csrf: 'token' }, content));
  const ctx = {
    req: { method: 'GET', path: u.pathname, query: Object.fromEntries(u.searchParams), form: {}, formAll: {} },
    params: {},
    session,
    caller: { type: 'staff', claims },
    csrf: 'token',
    now: new Date('2026-11-02T02:00:00Z'),
    deps: { console: { evidenceFiles: open } } as unknown as WebDeps,
    render,
    refuse: (r: Refusal, title?: string) => refusalPage({ render }, r, title),
  } as unknown as PageContext<WebDeps>;
  return Promise.resolve(handlerOf(u.pathname)(ctx));
};

/** Uploads a file the way the portal's form does; its key. */
const uploadAsEnterprise = async (subject: { kind: 'enterprise'; id: string }, file: Buffer): Promise<string> => {
  const key = newEvidenceKey(subject);
  const back = `${SITE}/portal/repairs/apply?eventId=E-1`;
  const body = Buffer.concat([
    ...Object.entries({ key, 'Content-Type': 'application/pdf', success_action_redirect: back }).map(([k, v]) =>
      Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`),
    ),
    Buffer.from(
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="整改报告.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
    ),
    file,
    Buffer.from(`\r\n--${BOUNDARY}--\r\n`),
  ]);
  const res = await uploadEvidence(
    portalContext(
      subject.id,
      { evidence: files },
      { method: 'POST', path: '/portal/evidence', body, contentType: `multipart/form-data; boundary=${BOUNDARY}` },
    ),
  );
  expect(res.statusCode).toBe(303);
  return key;
};

describe('GET /console/evidence (an officer opens an evidence file)', () => {
  it('lets the subject’s league officer download a portal-uploaded PDF, byte for byte, as an attachment', async () => {
    const key = await uploadAsEnterprise(ORDOS_ENT, PDF);
    const link = await consoleGet(evidenceHref(key), ordos);
    expect(link.statusCode).toBe(303);
    const location = String(link.headers!.location);
    expect(new URL(location, SITE).pathname).toBe('/console/evidence/file');
    const file = await consoleGet(location, ordos);
    expect(file.statusCode).toBe(200);
    expect(file.headers!['content-type']).toBe('application/pdf');
    expect(file.headers!['content-disposition']).toMatch(/^attachment; /);
    expect(file.headers!['content-disposition']).toContain(encodeURIComponent('证明材料-'));
    expect(Buffer.from(String(file.body), 'base64').equals(PDF)).toBe(true);
    expect((await consoleGet(evidenceHref(key), region)).statusCode).toBe(303);
  });

  it('refuses another league’s officer the same way whether or not the file exists', async () => {
    const key = await uploadAsEnterprise(ORDOS_ENT, PDF);
    const missing = `evidence/enterprise/${ORDOS_ENT.id}/00000000-0000-4000-8000-000000000000`;
    const unregistered = `evidence/enterprise/${UNREGISTERED.id}/00000000-0000-4000-8000-000000000000`;
    for (const k of [key, missing, unregistered]) {
      const link = await consoleGet(evidenceHref(k), hohhot);
      const file = await consoleGet(`/console/evidence/file?${new URLSearchParams({ key: k })}`, hohhot);
      expect([link.statusCode, file.statusCode]).toEqual([403, 403]);
      expect(String(file.body)).not.toContain('%PDF');
    }
    expect((await consoleGet(evidenceHref(missing), ordos)).statusCode).toBe(404);
  });

  it('refuses a key outside the subjects’ evidence folders with 400, naming the field', async () => {
    for (const k of ['../../etc/passwd', 'exports/list.xlsx', `evidence/enterprise/${ORDOS_ENT.id}/x`, '']) {
      const res = await consoleGet(evidenceHref(k), region);
      expect(res.statusCode).toBe(400);
      expect(String(res.body)).toContain('证明材料编号（key）');
      expect((await consoleGet(`/console/evidence/file?${new URLSearchParams({ key: k })}`, ordos)).statusCode).toBe(
        400,
      );
    }
  });
});
