import { describe, expect, it } from 'vitest';
import type { EmployerPractitioners } from '../../../../../functions/practitioners/filePractitioners.ts';
import type { PortalDeps } from '../../../../../functions/web/portal/deps.ts';
import {
  postPractitioner,
  postPractitionerLetter,
  practitionersPage,
} from '../../../../../functions/web/portal/practitioners/practitionersPage.tsx';
import { ENTERPRISE_ID, residentId } from '../../../../support/builders.ts';
import { portalContext } from '../portalContext.ts';

/** The employer's practitioners page: the use case decides; the page shows its answers and refusals. */
const ID = residentId(5, '150602');
const view = (over: Partial<EmployerPractitioners> = {}): EmployerPractitioners => ({
  year: 2026,
  league: '150600',
  employer: { kind: 'enterprise', code: ENTERPRISE_ID, name: '测试有限公司' },
  filed: [
    {
      filing: {
        year: 2026,
        league: '150600',
        employer: { kind: 'enterprise', code: ENTERPRISE_ID, name: '测试有限公司' },
        residentId: ID,
        name: '王五',
        position: '环保负责人',
        status: 'declined',
        filedAt: '2027-02-01T00:00:00.000Z',
        filedBy: 'x',
        reason: '已离职',
        decidedBy: 'staff:league:150600',
        decidedAt: '2027-02-02T00:00:00.000Z',
      },
      letter: null,
    },
  ],
  ...over,
});
const deps = (answer: unknown, calls: unknown[] = []): Partial<PortalDeps> => ({
  practitioners: {
    file: {
      view: async () => ({ status: 'ok', value: view() }),
      file: async (_c, _s, input) => {
        calls.push(input);
        return answer as never;
      },
      recordLetter: async () => answer as never,
    },
  },
});
const body = (r: { body?: unknown }) => String(r.body);

describe('the practitioners page (Art 18(1))', () => {
  it('lists the filed people with their status and the bureau’s reason, and offers no letter for one not listed', async () => {
    const r = await practitionersPage(portalContext(ENTERPRISE_ID, deps(null), { path: '/portal/practitioners' }));
    expect(r.statusCode).toBe(200);
    expect(body(r)).toContain('未列入（已离职）');
    expect(body(r)).toContain(ID);
    expect(body(r)).not.toContain('登记 王五 签署的信用承诺书');
    expect(body(r)).toContain('用人单位：测试有限公司');
  });

  it('shows a refused filing with the field named and the values typed, as a 400', async () => {
    const calls: unknown[] = [];
    const refused = {
      status: 'invalid',
      issues: [{ path: '公民身份号码', message: '公民身份号码校验码错误（GB 11643）' }],
    };
    const form = { name: '赵六', residentId: '150602199001010010', position: '技术员' };
    const r = await postPractitioner(
      portalContext(ENTERPRISE_ID, deps(refused, calls), { method: 'POST', path: '/portal/practitioners', form }),
    );
    expect(r.statusCode).toBe(400);
    expect(calls).toEqual([form]);
    expect(body(r)).toContain('公民身份号码校验码错误（GB 11643）');
    expect(body(r)).toContain('value="赵六"');
  });

  it('redirects after a filing and after a letter, and shows a repeated one as a conflict', async () => {
    const ok = { status: 'ok', value: {} };
    const filed = await postPractitioner(
      portalContext(ENTERPRISE_ID, deps(ok), { method: 'POST', path: '/portal/practitioners', form: {} }),
    );
    expect([filed.statusCode, filed.headers?.location]).toEqual([303, '/portal/practitioners?done=filed']);
    const letter = await postPractitionerLetter(
      portalContext(ENTERPRISE_ID, deps(ok), { method: 'POST', path: '/portal/practitioners/letter', form: {} }),
    );
    expect([letter.statusCode, letter.headers?.location]).toEqual([303, '/portal/practitioners?done=letter']);
    const again = await postPractitionerLetter(
      portalContext(
        ENTERPRISE_ID,
        deps({ status: 'conflict', code: 'COMMITMENT_SIGNED', message: '已登记，不可更改' }),
        {
          method: 'POST',
          path: '/portal/practitioners/letter',
          form: { residentId: ID },
        },
      ),
    );
    expect(again.statusCode).toBe(409);
    expect(body(again)).toContain('已登记，不可更改');
  });
});
