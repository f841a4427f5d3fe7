import { describe, expect, it } from 'vitest';
import type { IssuedNotice } from '../../../../../functions/ports/notices.ts';
import type { PortalDeps } from '../../../../../functions/web/portal/deps.ts';
import { noticeListPage, noticePage } from '../../../../../functions/web/portal/notices/noticePages.tsx';
import { ENTERPRISE_ID } from '../../../../support/builders.ts';
import { portalContext } from '../portalContext.ts';

/** The notice pages: the list with 已读/未读, and one notice as issued (opening it is the read receipt). */
const notice: IssuedNotice = {
  id: 'participants-2025-enterprise',
  kind: 'participants',
  to: { kind: 'enterprise', id: ENTERPRISE_ID },
  toName: '测试化工有限公司',
  league: '150600',
  year: 2025,
  title: '关于参加2025年度环保信用评价的通知',
  body: '测试化工有限公司：\n\n请于2026年3月30日前完成填报。\n\n鄂尔多斯市生态环境局\n2026年3月2日',
  deadline: '2026-03-30',
  issuedAt: '2026-03-02T02:00:00.000Z',
  issuedBy: 'staff:league:150600',
  readAt: null,
};
const deps = (opened: string[]): Partial<PortalDeps> => ({
  notices: {
    list: { execute: async () => ({ status: 'ok', value: [notice] }) },
    read: {
      execute: async (_caller, _ref, id) => {
        opened.push(id);
        return id === notice.id
          ? { status: 'ok', value: { ...notice, readAt: '2026-03-03T00:00:00.000Z' } }
          : { status: 'notFound' };
      },
    },
  },
});
const body = (r: { body?: unknown }) => String(r.body);

describe('the notice pages', () => {
  it('lists each notice with its kind, issue date, deadline and whether it was read', async () => {
    const r = await noticeListPage(portalContext(ENTERPRISE_ID, deps([]), { path: '/portal/notices' }));
    expect(r.statusCode).toBe(200);
    for (const text of [
      '参评通知',
      '2026年3月2日',
      '2026年3月30日',
      '未读',
      'href="/portal/notices/participants-2025-enterprise"',
    ])
      expect(body(r)).toContain(text);
  });

  it('opens one notice through the read use case and shows its whole text, paragraph by paragraph', async () => {
    const opened: string[] = [];
    const ctx = portalContext(ENTERPRISE_ID, deps(opened), { path: `/portal/notices/${notice.id}` });
    const r = await noticePage({ ...ctx, params: { id: notice.id } });
    expect(opened).toEqual([notice.id]);
    expect(body(r)).toContain('<p>请于2026年3月30日前完成填报。</p>');
    expect(body(r)).toContain('鄂尔多斯市生态环境局<br/>2026年3月2日');
  });

  it('a notice that is not the unit’s is not found', async () => {
    const ctx = portalContext(ENTERPRISE_ID, deps([]), { path: '/portal/notices/other' });
    expect((await noticePage({ ...ctx, params: { id: 'other' } })).statusCode).toBe(404);
  });
});
