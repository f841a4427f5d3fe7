import {
  MAX_SIGNER_NAME_LENGTH,
  MAX_SIGNER_ROLE_LENGTH,
  SIGNATURE_FIELDS,
} from '../../../domain/commitments/letters.ts';
import type { InputIssue } from '../../../domain/validation.ts';
import { redirect, type WebResponse } from '../http/response.ts';
import { LetterText, SignatureFacts } from '../ui/commitmentLetter.tsx';
import { CsrfField } from '../ui/layout.tsx';
import { RefusalMessage } from '../ui/refusal.tsx';
import { type PortalContext, selfOf } from './self.ts';
import type { CommitmentView } from './viewCommitment.ts';

/**
 * `/portal/commitment`: the year's credit commitment letter (Annex 4) made out to the participant,
 * and the form its legal representative (or principal person) signs it with (Art 16(1), 17(1)).
 * Once signed, the page shows the letter as signed; it cannot be signed again.
 */
const PATH = '/portal/commitment';
const TITLE = '信用承诺书';

export const commitmentPage = async (ctx: PortalContext): Promise<WebResponse> => {
  const self = selfOf(ctx);
  if (self === null) return ctx.refuse({ status: 'forbidden' });
  const found = await ctx.deps.portal.commitments.view.execute(ctx.caller, self);
  if (found.status === 'notFound') return ctx.render(TITLE, <NotRegistered />);
  if (found.status !== 'ok') return ctx.refuse(found);
  const justSigned = ctx.req.query.signed === '1' && found.value.signed !== null;
  return page(ctx, found.value, { issues: [], signerName: '', signerRole: '', agreed: false, justSigned });
};

export const signCommitment = async (ctx: PortalContext): Promise<WebResponse> => {
  const self = selfOf(ctx);
  if (self === null) return ctx.refuse({ status: 'forbidden' });
  const f = ctx.req.form;
  const values = { signerName: f.signerName ?? '', signerRole: f.signerRole ?? '', agreed: f.agreed === 'on' };
  const outcome = await ctx.deps.portal.commitments.sign.execute(ctx.caller, self, values);
  if (outcome.status === 'ok') return redirect(`${PATH}?signed=1`);
  if (outcome.status !== 'invalid' && outcome.status !== 'conflict') {
    if (outcome.status === 'notFound') return ctx.render(TITLE, <NotRegistered />, 404);
    return ctx.refuse(outcome);
  }
  const view = await ctx.deps.portal.commitments.view.execute(ctx.caller, self);
  if (view.status !== 'ok') return ctx.refuse(view);
  const state = { ...values, justSigned: false };
  return outcome.status === 'invalid'
    ? page(ctx, view.value, { ...state, issues: outcome.issues }, 400)
    : page(ctx, view.value, { ...state, issues: [], conflict: outcome.message }, 409);
};

const NotRegistered = () => <p class="notice">本单位尚未由生态环境部门登记为评价对象，登记后可在此签署信用承诺书。</p>;

interface FormState {
  readonly issues: readonly InputIssue[];
  readonly conflict?: string;
  readonly signerName: string;
  readonly signerRole: string;
  readonly agreed: boolean;
  readonly justSigned: boolean;
}

const page = (ctx: PortalContext, v: CommitmentView, s: FormState, status = 200): WebResponse =>
  ctx.render(
    TITLE,
    <>
      <p>{`${v.year}年度环保信用评价 · 法定代表人（或主要负责人）签署后上报，同意向社会公开（附件${v.annex === 4 ? '4' : '5'}）。`}</p>
      {s.justSigned ? (
        <p class="notice ok" role="status">
          信用承诺书已签署。
        </p>
      ) : null}
      {s.conflict ? (
        <RefusalMessage refusal={{ status: 'conflict', code: 'COMMITMENT_SIGNED', message: s.conflict }} />
      ) : null}
      {s.issues.length > 0 ? <RefusalMessage refusal={{ status: 'invalid', issues: s.issues }} /> : null}
      <h2 id="letter-title">{v.signed ? '已签署的信用承诺书' : '承诺书内容'}</h2>
      <LetterText text={v.signed?.text ?? v.text} labelledBy="letter-title" />
      {v.signed ? (
        <section aria-labelledby="signature-title">
          <h2 id="signature-title">签署信息</h2>
          <SignatureFacts signed={v.signed} />
          <p class="muted">本年度信用承诺书已签署，不可更改。</p>
        </section>
      ) : (
        <section aria-labelledby="sign-title">
          <h2 id="sign-title">签署</h2>
          <form method="post" action={PATH}>
            <CsrfField token={ctx.csrf} />
            <label for="signerName">{SIGNATURE_FIELDS.signerName}</label>
            <input
              id="signerName"
              name="signerName"
              type="text"
              required
              maxLength={MAX_SIGNER_NAME_LENGTH}
              value={s.signerName}
            />
            <label for="signerRole">{SIGNATURE_FIELDS.signerRole}</label>
            <input
              id="signerRole"
              name="signerRole"
              type="text"
              required
              maxLength={MAX_SIGNER_ROLE_LENGTH}
              value={s.signerRole}
            />
            <label for="agreed">
              <input id="agreed" name="agreed" type="checkbox" required checked={s.agreed} /> {SIGNATURE_FIELDS.agreed}
            </label>
            <p>
              <button type="submit">签署信用承诺书</button>
            </p>
          </form>
        </section>
      )}
      <p>
        <a href="/portal">返回我的环保信用</a>
      </p>
    </>,
    status,
  );
