import type { ComponentChildren } from 'preact';
import { describe, expect, it } from 'vitest';
import type { CreditWarningDocument } from '../../../../../functions/ports/warnings.ts';
import type { WarningView } from '../../../../../functions/warnings/warningPorts.ts';
import type { WarningConsoleDeps } from '../../../../../functions/web/console/warnings/deps.ts';
import {
  newWarningPage,
  postNewWarning,
  postWarningDecision,
  warningListPage,
} from '../../../../../functions/web/console/warnings/pages.tsx';
import type { WebDeps } from '../../../../../functions/web/deps.ts';
import type { WebRequest } from '../../../../../functions/web/http/request.ts';
import { htmlResponse } from '../../../../../functions/web/http/response.ts';
import { type PageContext, refusalPage } from '../../../../../functions/web/router.ts';
import { renderDocument } from '../../../../../functions/web/ui/layout.tsx';
import { ENTERPRISE_ID } from '../../../../support/builders.ts';

/** The console's credit warning pages: the use cases decide; the pages order, mark and explain. */
const SITE = 'http://127.0.0.1:3000';
const doc = (eventId: string, deadline: string, status: CreditWarningDocument['status']): CreditWarningDocument => ({
  eventId,
  subject: { kind: 'enterprise', id: ENTERPRISE_ID },
  subjectName: '测试有限公司',
  league: '150600',
  origin: 'bureau',
  rule: 'PMT_SELF_MONITORING',
  occurredOn: '2026-10-20',
  description: '自行监测数据缺失。',
  rectificationRequired: '补齐自行监测方案。',
  issuedOn: '2026-10-22',
  deadline,
  status,
  rectifiedOn: status === 'reported' ? '2026-10-30' : null,
  reports: [],
  decisions: [],
  issuedBy: 'staff:league:150600',
  version: 1,
});
const view = (d: CreditWarningDocument, status: WarningView['status'], left: number): WarningView => ({
  doc: d,
  status,
  workingDaysLeft: left,
  wording: '未按照排污许可证要求进行自行监测',
  deduction: '扣3分',
});

const context = (
  deps: Partial<WarningConsoleDeps['creditWarnings']>,
  req: Partial<WebRequest> = {},
  params: Record<string, string> = {},
): PageContext<WebDeps> => {
  const claims = { role: 'league' as const, league: '150600' };
  const session = { claims, displayName: '' } as never;
  const render = (title: string, content: ComponentChildren, status = 200) =>
    htmlResponse(status, renderDocument({ title, session, csrf: 'token' }, content));
  return {
    req: {
      method: 'GET',
      path: '/console/warnings',
      query: {},
      form: {},
      formAll: {},
      cookies: {},
      body: Buffer.alloc(0),
      contentType: '',
      origin: SITE,
      siteOrigin: SITE,
      requestId: 'r',
      ...req,
    },
    params,
    session,
    caller: { type: 'staff', claims },
    csrf: 'token',
    now: new Date('2026-11-02T02:00:00Z'),
    deps: { console: { creditWarnings: deps } } as unknown as WebDeps,
    signer: null as never,
    cookieOptions: { secure: false },
    render,
    refuse: (r, title) => refusalPage({ render }, r, title),
  };
};

describe('the console’s credit warning pages', () => {
  it('lists the warnings as the use case orders them, marking the overdue ones, with the Excel export', async () => {
    const rows = [
      view(doc('W-REPORTED', '2026-11-20', 'reported'), 'reported', 14),
      view(doc('W-LATE', '2026-10-30', 'open'), 'expired', -1),
    ];
    const res = await warningListPage(
      context({ list: { ofLeague: async () => ({ status: 'ok', value: { league: '150600', warnings: rows } }) } }),
    );
    const html = String(res.body);
    expect(html.indexOf('W-REPORTED')).toBeLessThan(html.indexOf('W-LATE'));
    expect(html).toContain('<span class="overdue">2026年10月30日（已逾期）</span>');
    expect(html).toContain('href="/exports/console/warnings"');
  });

  it('offers only warnable behaviours, and the deadline no earlier than today', async () => {
    const html = String((await newWarningPage(context({}))).body);
    expect(html).toContain('value="PMT_SELF_MONITORING"');
    expect(html).not.toContain('value="SR_COMMENDATION"');
    expect(html).toContain('min="2026-11-02"');
  });

  it('shows the form again with each refused field named in Chinese', async () => {
    const res = await postNewWarning(
      context(
        {
          issue: {
            execute: async () => ({
              status: 'invalid',
              issues: [{ path: 'deadline', message: '整改期限不能早于预警通知日期' }],
            }),
          },
        },
        { method: 'POST', form: { subjectId: ENTERPRISE_ID } },
      ),
    );
    expect(res.statusCode).toBe(400);
    expect(String(res.body)).toContain('整改期限');
    expect(String(res.body)).toContain('整改期限不能早于预警通知日期');
    expect(String(res.body)).toContain(`value="${ENTERPRISE_ID}"`);
  });

  it('I8: shows the refusal of a confirmation after the deadline in Chinese (409)', async () => {
    const d = doc('W-LATE', '2026-10-30', 'reported');
    const res = await postWarningDecision(
      context(
        {
          read: { execute: async () => ({ status: 'ok', value: view(d, 'expired', -1) }) },
          decide: {
            execute: async () => ({
              status: 'conflict',
              code: 'WARNING_STATE',
              message: '整改期限已过，不能再确认整改（第二十二条）',
            }),
          },
          evidence: { describe: async () => null },
        },
        { method: 'POST', form: { decision: 'confirm' } },
        { eventId: 'W-LATE' },
      ),
    );
    expect(res.statusCode).toBe(409);
    expect(String(res.body)).toContain('整改期限已过，不能再确认整改（第二十二条）');
    expect(String(res.body)).not.toContain('>确认整改</button>');
  });
});
