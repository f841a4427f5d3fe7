import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalEvidenceStore } from '../../../../../functions/adapters/localEvidenceStore.ts';
import type { EvidenceStore } from '../../../../../functions/ports/evidenceStore.ts';
import type { CreditWarningDocument } from '../../../../../functions/ports/warnings.ts';
import type { WarningView } from '../../../../../functions/warnings/warningPorts.ts';
import type { PortalDeps } from '../../../../../functions/web/portal/deps.ts';
import {
  portalWarningPage,
  portalWarningsPage,
  postRectificationReport,
} from '../../../../../functions/web/portal/warnings/pages.tsx';
import { ENTERPRISE_ID } from '../../../../support/builders.ts';
import { portalContext } from '../portalContext.ts';

/** The unit's warning pages: the use cases decide; the pages show the deadline, what to do, and guard the form. */
const doc: CreditWarningDocument = {
  eventId: 'WARN-150600-20261102-0123456789ab',
  subject: { kind: 'enterprise', id: ENTERPRISE_ID },
  subjectName: '测试有限公司',
  league: '150600',
  origin: 'bureau',
  rule: 'PMT_SELF_MONITORING',
  occurredOn: '2026-10-20',
  description: '自行监测数据缺失。',
  rectificationRequired: '补齐自行监测方案。',
  issuedOn: '2026-11-02',
  deadline: '2026-11-16',
  status: 'open',
  rectifiedOn: null,
  reports: [],
  decisions: [],
  issuedBy: 'staff:league:150600',
  version: 1,
};
const view = (over: Partial<WarningView> = {}): WarningView => ({
  doc,
  status: 'open',
  workingDaysLeft: 10,
  wording: '未按照排污许可证要求进行自行监测',
  deduction: '扣3分',
  ...over,
});

let root: string;
let store: LocalEvidenceStore;
const reports: unknown[] = [];
let answer: unknown = { status: 'ok', value: doc };
const deps = (evidence: EvidenceStore = store, v = view()): Partial<PortalDeps> => ({
  evidence,
  creditWarnings: {
    list: { ofUnit: async () => ({ status: 'ok', value: { warnings: [v] } }) },
    read: { execute: async () => ({ status: 'ok', value: v }) },
    report: {
      execute: async (_caller, body) => {
        reports.push(body);
        return answer as never;
      },
    },
  },
});
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'warnings-page-'));
  store = new LocalEvidenceStore(root);
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe('the portal’s credit warning pages', () => {
  it('lists the warnings with the deadline, the working days left and what to do', async () => {
    const res = await portalWarningsPage(portalContext(ENTERPRISE_ID, deps(), {}));
    const html = String(res.body);
    expect(html).toContain('2026年11月16日（还剩 10 个工作日）');
    expect(html).toContain('请在整改期限内完成整改，并报告整改情况及证明材料。');
  });

  it('offers the report form with an upload into the unit’s own folder coming back to the report page', async () => {
    const res = await portalWarningPage(
      portalContext(ENTERPRISE_ID, deps(), { path: `/portal/warnings/${doc.eventId}` }),
    );
    const html = String(res.body);
    expect(res.statusCode).toBe(200);
    expect(html).toMatch(new RegExp(`name="key" value="evidence/enterprise/${ENTERPRISE_ID}/[0-9a-f-]{36}"`));
    expect(html).toContain(`/portal/warnings/report?eventId=${doc.eventId}`);
    expect(html).toContain('提交整改报告');
  });

  it('allows the bucket’s origin in the form-action policy when the form posts to a bucket', async () => {
    const bucket: EvidenceStore = {
      put: store.put.bind(store),
      remove: store.remove.bind(store),
      describe: store.describe.bind(store),
      uploadForm: async () => ({ url: 'https://evidence.s3.cn-north-1.amazonaws.com.cn/', fields: { key: 'k' } }),
    };
    const res = await portalWarningPage(
      portalContext(ENTERPRISE_ID, deps(bucket), { query: { eventId: doc.eventId } }),
    );
    expect(res.headers?.['content-security-policy']).toContain(
      "form-action 'self' https://evidence.s3.cn-north-1.amazonaws.com.cn;",
    );
  });

  it('shows no report form once the deadline has passed, and says what follows (I8)', async () => {
    const res = await portalWarningPage(
      portalContext(ENTERPRISE_ID, deps(store, view({ status: 'expired', workingDaysLeft: -2 })), {
        query: { eventId: doc.eventId },
      }),
    );
    const html = String(res.body);
    expect(html).not.toContain('提交整改报告');
    expect(html).toContain('整改期限已过且未经确认');
  });

  it('files the report and goes back to the warning; a refusal is shown in Chinese naming the field', async () => {
    reports.length = 0;
    answer = { status: 'ok', value: doc };
    const form = { eventId: doc.eventId, rectifiedOn: '2026-11-02', text: '已整改。' };
    const ok = await postRectificationReport(
      portalContext(ENTERPRISE_ID, deps(), { method: 'POST', form, formAll: { evidenceFiles: [] } }),
    );
    expect(ok.statusCode).toBe(303);
    expect(ok.headers?.location).toBe(`/portal/warnings/${doc.eventId}?reported=1`);
    expect(reports).toEqual([{ ...form, evidenceFiles: [] }]);
    answer = { status: 'invalid', issues: [{ path: 'rectifiedOn', message: '整改完成日期不能晚于整改期限' }] };
    const bad = await postRectificationReport(
      portalContext(ENTERPRISE_ID, deps(), { method: 'POST', form, formAll: { evidenceFiles: [] } }),
    );
    expect(bad.statusCode).toBe(400);
    expect(String(bad.body)).toContain('整改完成日期不能晚于整改期限');
    expect(String(bad.body)).toContain('整改完成日期');
  });
});
