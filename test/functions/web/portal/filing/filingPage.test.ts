import { describe, expect, it } from 'vitest';
import { whatToFile } from '../../../../../domain/filing/filing.ts';
import type { FilingView } from '../../../../../functions/filing/viewFiling.ts';
import type { PortalDeps } from '../../../../../functions/web/portal/deps.ts';
import { filingPage, postFiling } from '../../../../../functions/web/portal/filing/filingPage.tsx';
import { ENTERPRISE_ID } from '../../../../support/builders.ts';
import { portalContext } from '../portalContext.ts';

/** The filing page: the use cases decide; the page shows the deadline, what to file, the form and the status. */
const window = {
  opensOn: '2026-03-02',
  opensAt: '2026-03-01T16:00:00.000Z',
  closesOn: '2026-03-30',
  closesAt: '2026-03-30T15:59:59.000Z',
};
const view = (over: Partial<FilingView> = {}): FilingView => ({
  year: 2025,
  entry: {
    kind: 'enterprise',
    code: ENTERPRISE_ID,
    name: '测试化工有限公司',
    league: '150600',
    basis: '6.1',
    sites: [],
    categories: [],
  },
  window,
  filing: null,
  items: whatToFile('enterprise'),
  status: 'open',
  workingDaysLeft: 12,
  ...over,
});
const deps = (v: FilingView, answer: unknown = null, calls: unknown[] = []): Partial<PortalDeps> => ({
  filing: {
    view: { execute: async () => ({ status: 'ok', value: v }) },
    file: {
      execute: async (_caller, _ref, form) => {
        calls.push(form);
        return answer as never;
      },
    },
  },
});
const body = (r: { body?: unknown }) => String(r.body);

describe('the filing page', () => {
  it('shows the deadline with the working days left, what to file with links, and the sites field', async () => {
    const r = await filingPage(portalContext(ENTERPRISE_ID, deps(view()), { path: '/portal/filing' }));
    expect(r.statusCode).toBe(200);
    expect(body(r)).toContain('填报期限：2026年3月30日');
    expect(body(r)).toContain('还剩 12 个工作日');
    expect(body(r)).toContain('href="/portal/commitment"');
    expect(body(r)).toContain('<label for="sites">厂址及产量占比');
  });

  it('a refused form comes back with the field named in Chinese, status 400', async () => {
    const calls: unknown[] = [];
    const answer = {
      status: 'invalid',
      issues: [{ path: 'sites', message: '厂址及产量占比：各厂址产量占比之和为90%，应为100%' }],
    };
    const r = await postFiling(
      portalContext(ENTERPRISE_ID, deps(view(), answer, calls), {
        method: 'POST',
        path: '/portal/filing',
        form: { sites: 'P1:90%' },
      }),
    );
    expect(r.statusCode).toBe(400);
    expect(body(r)).toContain('各厂址产量占比之和为90%，应为100%');
    expect(body(r)).toContain('value="P1:90%"');
    expect(calls).toEqual([{ sites: 'P1:90%', categories: [] }]);
  });

  it('once filed it shows the status and no form; late filing says 逾期填报', async () => {
    const filed = {
      year: 2025,
      kind: 'enterprise' as const,
      code: ENTERPRISE_ID,
      league: '150600' as const,
      window,
      filedAt: '2026-04-02T02:00:00.000Z',
      filedBy: `participant:enterprise:${ENTERPRISE_ID}`,
      basic: { sites: [{ siteId: 'P1', shareBp: 10000 }], categories: [] },
      markedMissingAt: null,
    };
    const r = await filingPage(
      portalContext(ENTERPRISE_ID, deps(view({ filing: filed, status: 'late', workingDaysLeft: -3 })), {}),
    );
    expect(body(r)).toContain('填报情况：逾期填报');
    expect(body(r)).toContain('已填报：P1:100%');
    expect(body(r)).not.toContain('提交填报');
  });
});
