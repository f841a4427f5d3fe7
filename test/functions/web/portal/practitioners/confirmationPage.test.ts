import { describe, expect, it } from 'vitest';
import type { PortalDeps } from '../../../../../functions/web/portal/deps.ts';
import {
  postPractitionerConfirm,
  postPractitionerObjection,
  practitionerConfirmationPage,
  practitionerConfirmationUrl,
} from '../../../../../functions/web/portal/practitioners/confirmationPage.tsx';
import { ENTERPRISE_ID, residentId } from '../../../../support/builders.ts';
import { portalContext } from '../portalContext.ts';

/** A practitioner's confirmation page (Art 18(4)): it names the practitioner to the use cases, which decide. */
const PERSON = residentId(7, '150602');
const calls: unknown[][] = [];
const deps = (): Partial<PortalDeps> => ({
  objections: {
    confirmation: {
      execute: async (...args: unknown[]) => {
        calls.push(['execute', ...args.slice(1)]);
        return { status: 'forbidden' };
      },
      confirm: async (...args: unknown[]) => {
        calls.push(['confirm', ...args.slice(1)]);
        return { status: 'forbidden' };
      },
    } as never,
    file: {
      execute: async (...args: unknown[]) => {
        calls.push(['file', ...args.slice(1)]);
        return { status: 'forbidden' };
      },
    } as never,
  },
});

describe('the practitioner’s confirmation page', () => {
  it('asks the use case for that practitioner and year, and shows its refusal (another unit: 403)', async () => {
    calls.length = 0;
    const [path, query] = practitionerConfirmationUrl(2025, PERSON).split('?') as [string, string];
    expect(path).toBe('/portal/practitioners/confirmation');
    const page = await practitionerConfirmationPage(
      portalContext(ENTERPRISE_ID, deps(), { query: Object.fromEntries(new URLSearchParams(query)) }),
    );
    expect(page.statusCode).toBe(403);
    expect(calls).toEqual([['execute', { residentId: PERSON, year: 2025 }]]);
  });

  it('posts the objection and 确认无误 for the practitioner of the form, of the practitioners’ cycle', async () => {
    calls.length = 0;
    const form = { year: '2025', person: PERSON, reasons: '理由' };
    await postPractitionerObjection(
      portalContext(ENTERPRISE_ID, deps(), { method: 'POST', form, formAll: { records: ['R-1'] } }),
    );
    await postPractitionerConfirm(portalContext(ENTERPRISE_ID, deps(), { method: 'POST', form }));
    expect(calls).toEqual([
      [
        'file',
        { year: 2025, kind: 'practitioner' },
        { records: ['R-1'], preGrade: false, reasons: '理由', evidenceFiles: [] },
        PERSON,
      ],
      ['confirm', 2025, PERSON],
    ]);
  });

  it('refuses a missing or malformed year or resident identity number, naming it, and asks nothing', async () => {
    calls.length = 0;
    const queries: Record<string, string>[] = [
      {},
      { year: '2025' },
      { year: 'x', person: PERSON },
      { year: '2025', person: '12345' },
    ];
    for (const query of queries) {
      const page = await practitionerConfirmationPage(portalContext(ENTERPRISE_ID, deps(), { query }));
      expect(page.statusCode).toBe(400);
      expect(page.body).toContain('年度或公民身份号码无效');
    }
    const posted = await postPractitionerObjection(
      portalContext(ENTERPRISE_ID, deps(), { method: 'POST', form: { year: '2025' } }),
    );
    expect(posted.statusCode).toBe(400);
    expect(calls).toEqual([]);
  });

  it('an enterprise employer gets 确认无误 for its practitioner (enterprises themselves have no confirmation stage)', async () => {
    const view = {
      self: { kind: 'practitioner', id: PERSON },
      name: '王志强',
      league: '150600',
      cycle: { year: 2025, kind: 'practitioner' },
      window: { open: true, opensOn: '2026-04-01', closesOn: '2026-04-09', article: 'Art 18(4)' },
      result: {
        subject: { kind: 'practitioner', id: PERSON },
        items: [
          {
            eventId: 'PR-1',
            rule: 'PR_QUALIFICATION_LENDING',
            wording: '违反规定将从业资质出借（挂靠）给第三方环保服务机构的',
            points: 0,
            state: 'counted',
            article: 'Annex 3',
            occurredOn: '2025-06-01',
          },
        ],
        pending: [],
        dishonest: false,
      },
      objections: [],
      confirmation: null,
      disputed: new Set<string>(),
    };
    const d: Partial<PortalDeps> = {
      objections: {
        confirmation: { execute: async () => ({ status: 'ok', value: view }), confirm: async () => ({}) } as never,
        file: { execute: async () => ({}) } as never,
      },
      evidence: { uploadForm: async () => ({ url: '/portal/upload', fields: {} }) } as never,
    };
    const page = await practitionerConfirmationPage(
      portalContext(ENTERPRISE_ID, d, { query: { year: '2025', person: PERSON } }),
    );
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('确认无误');
    expect(page.body).toContain('从业人员：王志强');
    expect(page.body).toContain('预评结果为未发现环保失信行为');
    expect(page.body).toContain('action="/portal/practitioners/confirmation/confirm"');
  });
});
