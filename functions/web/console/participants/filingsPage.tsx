import type { WebDeps } from '../../deps.ts';
import { redirect } from '../../http/response.ts';
import type { PageContext } from '../../router.ts';
import { filingFields } from './filingsSection.tsx';
import { renderListPage } from './listPage.tsx';
import { listPath, listRefOf } from './listRef.ts';
import { rowOfRef } from './rowRef.ts';

type Ctx = PageContext<WebDeps>;

/**
 * `POST /console/participants/{year}/practitioner/filings/{list|decline}?league=`: the league bureau
 * lists a practitioner an employer filed, or declines it with a reason (Art 18(1)).
 */
const decideFiling = (decision: 'list' | 'decline') => async (ctx: Ctx) => {
  const ref = listRefOf(ctx);
  if (!('ok' in ref)) return ctx.refuse(ref);
  const f = ctx.req.form;
  const decisions = ctx.deps.console.practitioners.decisions;
  // The page names the filing by an opaque reference (Art 18(6)): resolved among the league's filings.
  const filed = await decisions.filed(ctx.caller, ref.list);
  if (filed.status !== 'ok') return ctx.refuse(filed);
  const found = rowOfRef(ctx.signer, ref.list, f.filing ?? '', filed.value, filingFields);
  if (found === null) return ctx.refuse({ status: 'notFound' }, '没有该从业人员的填报');
  const key = { employerKind: found.employer.kind, employerCode: found.employer.code, residentId: found.residentId };
  const out =
    decision === 'list'
      ? await decisions.list(ctx.caller, ref.list, key, f.basis ?? '', f.why ?? '')
      : await decisions.decline(ctx.caller, ref.list, key, f.why ?? '');
  if (out.status === 'invalid') return renderListPage(ctx, ref.list, out);
  if (out.status === 'notFound') return ctx.refuse(out, '没有该从业人员的填报');
  if (out.status !== 'ok') return ctx.refuse(out);
  return redirect(listPath(ref.list, { done: decision === 'list' ? 'listed' : 'notListed' }));
};

export const postListFiling = decideFiling('list');
export const postDeclineFiling = decideFiling('decline');
