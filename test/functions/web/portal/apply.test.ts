import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalEvidenceStore } from '../../../../functions/adapters/localEvidenceStore.ts';
import type { EvidenceStore } from '../../../../functions/ports/evidenceStore.ts';
import { applyPage, submitApplication } from '../../../../functions/web/portal/apply.tsx';
import type { PortalDeps } from '../../../../functions/web/portal/deps.ts';
import { newEvidenceKey } from '../../../../functions/web/portal/evidence.ts';
import { ENTERPRISE_ID, uscc } from '../../../support/builders.ts';
import { portalContext } from './portalContext.ts';

/** Applying for repair on the portal: the use case decides; the page shows its outcome and guards the files. */
const SELF = { kind: 'enterprise' as const, id: ENTERPRISE_ID };
const live = {
  status: 'ok' as const,
  body: {
    subject: { kind: 'enterprise', id: ENTERPRISE_ID, name: '测试有限公司', league: '150600' },
    items: [{ eventId: 'E-1', wording: '未按规定建立环境管理台账', points: -3, state: 'counted' }],
    repair: [
      {
        eventId: 'E-1',
        eligible: true,
        earliestOn: '2026-07-01',
        waitMonths: 3,
        article: 'Art 27',
        impactEliminationRequired: false,
      },
    ],
  },
};

let root: string;
let store: LocalEvidenceStore;
const calls: unknown[] = [];
let answer: unknown = { status: 'ok', value: {} };
const deps = (evidence: EvidenceStore = store): Partial<PortalDeps> => ({
  lookupScore: { execute: async () => live as never },
  applyForRepair: {
    execute: async (_caller, _ref, body) => {
      calls.push(body);
      return answer as never;
    },
  },
  evidence,
});
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'apply-test-'));
  store = new LocalEvidenceStore(root);
});
afterAll(() => rm(root, { recursive: true, force: true }));

const post = (form: Record<string, string>, files: string[] = [], evidence?: EvidenceStore) =>
  submitApplication(
    portalContext(ENTERPRISE_ID, deps(evidence), {
      method: 'POST',
      path: '/portal/repairs/apply',
      form,
      formAll: { evidenceFiles: files },
    }),
  );

describe('the repair application page', () => {
  it('offers an upload form into the subject’s own folder, posting to the site with its CSRF token', async () => {
    const res = await applyPage(portalContext(ENTERPRISE_ID, deps(), { query: { eventId: 'E-1' } }));
    const html = String(res.body);
    expect(res.statusCode).toBe(200);
    expect(html).toContain('action="/portal/evidence?_csrf=token"');
    expect(html).toMatch(new RegExp(`name="key" value="evidence/enterprise/${ENTERPRISE_ID}/[0-9a-f-]{36}"`));
    expect(html).toContain('name="Content-Type" value="application/pdf"');
    expect(res.headers?.['content-security-policy']).toContain("form-action 'self';");
  });

  it('allows the bucket’s origin in the form-action policy when the form posts to a bucket', async () => {
    const bucket: EvidenceStore = {
      put: store.put.bind(store),
      remove: store.remove.bind(store),
      describe: store.describe.bind(store),
      uploadForm: async () => ({ url: 'https://evidence.s3.cn-north-1.amazonaws.com.cn/', fields: { key: 'k' } }),
    };
    const res = await applyPage(portalContext(ENTERPRISE_ID, deps(bucket), { query: { eventId: 'E-1' } }));
    expect(res.headers?.['content-security-policy']).toContain(
      "form-action 'self' https://evidence.s3.cn-north-1.amazonaws.com.cn;",
    );
    expect(String(res.body)).toContain('action="https://evidence.s3.cn-north-1.amazonaws.com.cn/"');
  });

  it('files the application with its evidence files and goes to the list of applications', async () => {
    const key = newEvidenceKey(SELF);
    await store.put(key, Buffer.from('%PDF-1.7\n'), 'application/pdf');
    calls.length = 0;
    answer = { status: 'ok', value: {} };
    const res = await post({ eventId: 'E-1', evidence: '已整改' }, [key]);
    expect(res.statusCode).toBe(303);
    expect(res.headers?.location).toBe('/portal/repairs?applied=E-1');
    expect(calls).toEqual([{ eventId: 'E-1', evidence: '已整改', evidenceFiles: [key] }]);
  });

  it('shows the use case’s refusals in Chinese and keeps what was written', async () => {
    answer = { status: 'refused', reasons: ['该信用信息尚未完成整改，不能申请修复（第二十四条）'] };
    const res = await post({ eventId: 'E-1', evidence: '正在整改中' });
    expect(res.statusCode).toBe(422);
    expect(String(res.body)).toContain('该信用信息尚未完成整改，不能申请修复（第二十四条）');
    expect(String(res.body)).toContain('正在整改中</textarea>');
  });

  it('refuses another subject’s evidence file, naming the field, without asking the use case', async () => {
    calls.length = 0;
    const foreign = newEvidenceKey({ kind: 'enterprise', id: uscc(999, '150600') });
    const res = await post({ eventId: 'E-1', evidence: '已整改' }, [foreign]);
    expect(res.statusCode).toBe(400);
    expect(String(res.body)).toContain('证明材料文件（file）编号无效');
    expect(calls).toEqual([]);
  });
});
