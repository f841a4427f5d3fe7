import { describe, expect, it } from 'vitest';
import { commitmentPage, signCommitment } from '../../../../functions/web/portal/commitment.tsx';
import type { PortalDeps } from '../../../../functions/web/portal/deps.ts';
import { ALREADY_SIGNED } from '../../../../functions/web/portal/signCommitment.ts';
import type { CommitmentView } from '../../../../functions/web/portal/viewCommitment.ts';
import { ENTERPRISE_ID } from '../../../support/builders.ts';
import { portalContext } from './portalContext.ts';

/** The signing page: the use case decides; the page shows the letter, the form and the use case's refusals. */
const view: CommitmentView = {
  year: 2025,
  annex: 4,
  party: { kind: 'enterprise', id: ENTERPRISE_ID, name: '测试有限公司' },
  text: `企事业单位法定代表人（或主要负责人） 环保信用承诺书\n特此承诺，同意本承诺书向社会公开。\n承诺单位：测试有限公司`,
  signed: null,
};
const deps = (answer: unknown, calls: unknown[] = []): Partial<PortalDeps> => ({
  commitments: {
    view: { execute: async () => ({ status: 'ok', value: view }) },
    sign: {
      execute: async (_caller, _ref, input) => {
        calls.push(input);
        return answer as never;
      },
    },
  },
});
const body = (r: { body?: unknown }) => String(r.body);
const post = (form: Record<string, string>, answer: unknown, calls: unknown[] = []) =>
  signCommitment(
    portalContext(ENTERPRISE_ID, deps(answer, calls), { method: 'POST', path: '/portal/commitment', form }),
  );

describe('the commitment letter page', () => {
  it('shows the letter made out to the unit with the signing form', async () => {
    const r = await commitmentPage(portalContext(ENTERPRISE_ID, deps(null), { path: '/portal/commitment' }));
    expect(r.statusCode).toBe(200);
    expect(body(r)).toContain('承诺单位：测试有限公司');
    expect(body(r)).toContain('<label for="signerName">法定代表人或主要负责人姓名</label>');
  });

  it('passes the form to the use case and goes back to the letter once signed', async () => {
    const calls: unknown[] = [];
    const r = await post(
      { signerName: '张三', signerRole: '董事长', agreed: 'on' },
      { status: 'ok', value: {} },
      calls,
    );
    expect(r.statusCode).toBe(303);
    expect(calls).toEqual([{ signerName: '张三', signerRole: '董事长', agreed: true }]);
  });

  it('names the bad fields in Chinese and keeps what was typed', async () => {
    const issues = [{ path: '职务', message: '职务不能为空' }];
    const r = await post({ signerName: '张三', signerRole: '' }, { status: 'invalid', issues });
    expect(r.statusCode).toBe(400);
    expect(body(r)).toContain('职务：职务不能为空');
    expect(body(r)).toContain('value="张三"');
  });

  it('says a second signature of the year is refused', async () => {
    const r = await post(
      { signerName: '李四', signerRole: '董事长', agreed: 'on' },
      { status: 'conflict', code: 'COMMITMENT_SIGNED', message: ALREADY_SIGNED },
    );
    expect(r.statusCode).toBe(409);
    expect(body(r)).toContain(ALREADY_SIGNED);
  });
});
