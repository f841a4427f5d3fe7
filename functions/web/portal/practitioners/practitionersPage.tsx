import type { ComponentChildren } from 'preact';
import {
  FILING_FIELDS,
  FILING_STATUS_NAMES,
  MAX_POSITION_LENGTH,
} from '../../../../domain/participants/practitionerFiling.ts';
import type { InputIssue } from '../../../../domain/validation.ts';
import type { EmployerPractitioners, FiledPractitioner } from '../../../practitioners/filePractitioners.ts';
import { redirect, type WebResponse } from '../../http/response.ts';
import { LetterText } from '../../ui/commitmentLetter.tsx';
import { chineseDateTime, leagueName } from '../../ui/format.ts';
import { CsrfField } from '../../ui/layout.tsx';
import { RefusalMessage } from '../../ui/refusal.tsx';
import { type PortalContext, selfOf } from '../self.ts';
import { practitionerConfirmationUrl } from './confirmationPage.tsx';

/**
 * `/portal/practitioners`: the service buyer files the practitioners who work for it (Art 18(1)),
 * sees whether the league bureau listed them, and records each one's Annex 5 letter, which the
 * practitioner signs on paper. The resident identity numbers are shown whole here: the page is the
 * employer's own (Art 18(6): never on public pages). For each listed practitioner, the employer
 * confirms or objects on its behalf (Art 18(4)) on its confirmation page.
 */
export const PRACTITIONERS_PATH = '/portal/practitioners';
const TITLE = '相关从业人员填报';

const NotRegistered = () => (
  <p class="notice">本单位尚未由生态环境部门登记为评价对象（或所属盟市未登记），登记后可在此填报相关从业人员。</p>
);

const DONE: Record<string, string> = {
  filed: '已填报该从业人员，请等待盟市生态环境局确认。',
  letter: '已登记该从业人员签署的信用承诺书。',
};

interface FormValues {
  readonly name: string;
  readonly residentId: string;
  readonly position: string;
}

const EMPTY: FormValues = { name: '', residentId: '', position: '' };

const LetterCell = ({ ctx, p }: { ctx: PortalContext; p: FiledPractitioner }) => {
  if (p.letter) return <>{`已登记（${chineseDateTime(p.letter.signedAt)}）`}</>;
  if (p.filing.status === 'declined') return <>—</>;
  return (
    <form method="post" action={`${PRACTITIONERS_PATH}/letter`} class="inline">
      <CsrfField token={ctx.csrf} />
      <input type="hidden" name="residentId" value={p.filing.residentId} />
      <button type="submit" aria-label={`登记 ${p.filing.name} 签署的信用承诺书`}>
        登记
      </button>
    </form>
  );
};

const Filed = ({ ctx, v }: { ctx: PortalContext; v: EmployerPractitioners }) => (
  <div class="table-wrap">
    <table>
      <caption>{`本单位填报的相关从业人员（${v.year}年度，共 ${v.filed.length} 人）`}</caption>
      <thead>
        <tr>
          <th scope="col">{FILING_FIELDS.name}</th>
          <th scope="col">{FILING_FIELDS.residentId}</th>
          <th scope="col">{FILING_FIELDS.position}</th>
          <th scope="col">填报时间</th>
          <th scope="col">状态</th>
          <th scope="col">信用承诺书（附件5）</th>
          <th scope="col">确认与异议</th>
        </tr>
      </thead>
      <tbody>
        {v.filed.length === 0 ? (
          <tr>
            <td colSpan={7}>暂未填报。</td>
          </tr>
        ) : (
          v.filed.map((p) => (
            <tr>
              <td>{p.filing.name}</td>
              <td>{p.filing.residentId}</td>
              <td>{p.filing.position}</td>
              <td>{chineseDateTime(p.filing.filedAt)}</td>
              <td>
                {p.filing.status === 'declined'
                  ? `${FILING_STATUS_NAMES.declined}（${p.filing.reason ?? ''}）`
                  : FILING_STATUS_NAMES[p.filing.status]}
              </td>
              <td>
                <LetterCell ctx={ctx} p={p} />
              </td>
              <td>
                {p.filing.status === 'listed' ? (
                  <a
                    href={practitionerConfirmationUrl(v.year, p.filing.residentId)}
                    aria-label={`确认 ${p.filing.name} 的环境信息和预评结果`}
                  >
                    确认或提出异议
                  </a>
                ) : (
                  '—'
                )}
              </td>
            </tr>
          ))
        )}
      </tbody>
    </table>
  </div>
);

const page = (
  ctx: PortalContext,
  v: EmployerPractitioners,
  o: { notice?: ComponentChildren; values?: FormValues; status?: number } = {},
): WebResponse => {
  const values = o.values ?? EMPTY;
  const letters = v.filed.filter((p) => p.letter !== null);
  return ctx.render(
    TITLE,
    <>
      {o.notice}
      <p>
        依据《办法》第十八条（一），购买服务方填报相关从业人员的基本信息，由
        {`${leagueName(v.league)}生态环境局`}
        汇总后确定参评从业人员。相关从业人员的评价结果不公布、不公示（第十八条（六））。
      </p>
      <Filed ctx={ctx} v={v} />
      <h2>填报从业人员</h2>
      <form method="post" action={PRACTITIONERS_PATH}>
        <CsrfField token={ctx.csrf} />
        <label for="name">{FILING_FIELDS.name}</label>
        <input id="name" name="name" type="text" required maxLength={200} value={values.name} />
        <label for="residentId">{FILING_FIELDS.residentId}</label>
        <input
          id="residentId"
          name="residentId"
          type="text"
          required
          maxLength={18}
          size={24}
          autocomplete="off"
          value={values.residentId}
        />
        <label for="position">{FILING_FIELDS.position}</label>
        <input
          id="position"
          name="position"
          type="text"
          required
          maxLength={MAX_POSITION_LENGTH}
          value={values.position}
        />
        <p>{`用人单位：${v.employer.name}（${v.employer.code}）`}</p>
        <p>
          <button type="submit">填报</button>
        </p>
      </form>
      <h2>相关从业人员环保信用承诺书（附件5）</h2>
      <p>承诺书由从业人员本人签署纸质文本，本单位登记后，系统保存承诺书全文及其 SHA-256，登记后不可更改。</p>
      {letters.map((p) => (
        <section aria-labelledby={`letter-${p.filing.residentId}`}>
          <h3 id={`letter-${p.filing.residentId}`}>{`${p.filing.name} 的信用承诺书`}</h3>
          <LetterText text={p.letter!.text} labelledBy={`letter-${p.filing.residentId}`} />
          <dl class="facts">
            <dt>签署人</dt>
            <dd>{p.letter!.signerName}</dd>
            <dt>登记时间</dt>
            <dd>{chineseDateTime(p.letter!.signedAt)}</dd>
            <dt>承诺书文本 SHA-256</dt>
            <dd>
              <code>{p.letter!.textHash}</code>
            </dd>
          </dl>
        </section>
      ))}
      <p>
        <a href="/portal">返回我的环保信用</a>
      </p>
    </>,
    o.status ?? 200,
  );
};

const doneNotice = (q: Readonly<Record<string, string>>) => {
  const text = q.done ? DONE[q.done] : undefined;
  return text ? (
    <p class="notice ok" role="status">
      {text}
    </p>
  ) : undefined;
};

/** `GET /portal/practitioners`. */
export const practitionersPage = async (ctx: PortalContext): Promise<WebResponse> => {
  const self = selfOf(ctx);
  if (self === null) return ctx.refuse({ status: 'forbidden' });
  const found = await ctx.deps.portal.practitioners.file.view(ctx.caller, self);
  if (found.status === 'notFound') return ctx.render(TITLE, <NotRegistered />);
  if (found.status !== 'ok') return ctx.refuse(found);
  return page(ctx, found.value, { notice: doneNotice(ctx.req.query) });
};

/** Shows the page again with the refusal (and the values typed, so nothing is lost). */
const again = async (
  ctx: PortalContext,
  refusal: { issues?: readonly InputIssue[]; message?: string },
  values: FormValues,
  status: number,
) => {
  const self = selfOf(ctx)!;
  const view = await ctx.deps.portal.practitioners.file.view(ctx.caller, self);
  if (view.status !== 'ok') return ctx.refuse(view);
  const notice = refusal.issues ? (
    <RefusalMessage refusal={{ status: 'invalid', issues: refusal.issues }} />
  ) : (
    <RefusalMessage refusal={{ status: 'conflict', code: 'PRACTITIONER_FILED', message: refusal.message ?? '' }} />
  );
  return page(ctx, view.value, { notice, values, status });
};

/** `POST /portal/practitioners`: files one practitioner. */
export const postPractitioner = async (ctx: PortalContext): Promise<WebResponse> => {
  const self = selfOf(ctx);
  if (self === null) return ctx.refuse({ status: 'forbidden' });
  const f = ctx.req.form;
  const values = { name: f.name ?? '', residentId: f.residentId ?? '', position: f.position ?? '' };
  const out = await ctx.deps.portal.practitioners.file.file(ctx.caller, self, values);
  if (out.status === 'ok') return redirect(`${PRACTITIONERS_PATH}?done=filed`);
  if (out.status === 'notFound') return ctx.render(TITLE, <NotRegistered />, 404);
  if (out.status === 'invalid') return again(ctx, { issues: out.issues }, values, 400);
  if (out.status === 'conflict') return again(ctx, { message: out.message }, values, 409);
  return ctx.refuse(out);
};

/** `POST /portal/practitioners/letter`: records a practitioner's signed Annex 5 letter, once. */
export const postPractitionerLetter = async (ctx: PortalContext): Promise<WebResponse> => {
  const self = selfOf(ctx);
  if (self === null) return ctx.refuse({ status: 'forbidden' });
  const out = await ctx.deps.portal.practitioners.file.recordLetter(ctx.caller, self, ctx.req.form.residentId ?? '');
  if (out.status === 'ok') return redirect(`${PRACTITIONERS_PATH}?done=letter`);
  if (out.status === 'notFound') return ctx.refuse(out, '没有该从业人员的填报');
  if (out.status === 'invalid') return again(ctx, { issues: out.issues }, EMPTY, 400);
  if (out.status === 'conflict') return again(ctx, { message: out.message }, EMPTY, 409);
  return ctx.refuse(out);
};
