import { legalDateOfInstant, minDate } from '../../../../domain/dates.ts';
import type { InputIssue } from '../../../../domain/validation.ts';
import type { WarningStatus } from '../../../../domain/warnings/warning.ts';
import type { SubjectRef } from '../../../ports/store.ts';
import { MAX_EVIDENCE_FILES, MAX_WARNING_TEXT } from '../../../warnings/contracts.ts';
import type { WarningView } from '../../../warnings/warningPorts.ts';
import {
  DeadlineText,
  describeFiles,
  fileText,
  History,
  StatusText,
  WarningFacts,
} from '../../console/warnings/parts.tsx';
import { redirect, type WebResponse } from '../../http/response.ts';
import { chineseDate } from '../../ui/format.ts';
import { CsrfField } from '../../ui/layout.tsx';
import { RefusalMessage } from '../../ui/refusal.tsx';
import { isOwnEvidenceKey } from '../evidence.ts';
import { allowingUpload, checkStoredEvidence, EvidenceUploadCard, prepareEvidenceUpload } from '../evidenceUpload.tsx';
import { type PortalContext, selfOf } from '../self.ts';

/**
 * The unit's credit warnings (Art 22, docs/warnings.md): `/portal/warnings` lists them with the
 * deadline, the working days left and what to do; `/portal/warnings/{eventId}` shows one and takes
 * the rectification report, with evidence files uploaded one by one first (as a repair application's)
 * and coming back to `/portal/warnings/report?eventId=…` with their keys.
 */
export const REPORT_PATH = '/portal/warnings/report';

const TODO: Readonly<Record<WarningStatus, string>> = {
  open: '请在整改期限内完成整改，并报告整改情况及证明材料。',
  insufficient: '生态环境局认定整改不到位：请在整改期限内继续整改后再次报告。',
  reported: '已报告整改，等待生态环境局确认。',
  confirmed: '已确认整改完成，该信息在评价期内不予扣分。',
  expired: '整改期限已过且未经确认，该信息自发生之日起扣分；完成整改后可申请信用修复。',
};

const actionText = (v: WarningView): string =>
  v.status === 'open' || v.status === 'insufficient' ? '报告整改' : '查看';

const warningPath = (eventId: string) => `/portal/warnings/${encodeURIComponent(eventId)}`;

export const portalWarningsPage = async (ctx: PortalContext): Promise<WebResponse> => {
  const self = selfOf(ctx);
  if (self === null) return ctx.refuse({ status: 'forbidden' });
  const out = await ctx.deps.portal.creditWarnings.list.ofUnit(ctx.caller, self);
  if (out.status !== 'ok') return ctx.refuse(out, '信用预警');
  const rows = out.value.warnings;
  return ctx.render(
    '信用预警',
    <>
      <p>生态环境局下达信用预警后，在要求的期限内完成有效整改并经确认的，在评价期内不予扣分（第二十二条）。</p>
      {rows.length === 0 ? (
        <p class="notice">没有信用预警。</p>
      ) : (
        <div class="table-wrap">
          <table>
            <caption>{`我的信用预警（共 ${rows.length} 件）`}</caption>
            <thead>
              <tr>
                <th scope="col">失信行为</th>
                <th scope="col">预警通知日期</th>
                <th scope="col">整改期限</th>
                <th scope="col">状态</th>
                <th scope="col">需要做什么</th>
                <th scope="col">操作</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((v: WarningView) => (
                <tr>
                  <td>{v.wording}</td>
                  <td class="nowrap">{chineseDate(v.doc.issuedOn)}</td>
                  <td>
                    <DeadlineText v={v} />
                  </td>
                  <td>
                    <StatusText v={v} />
                  </td>
                  <td>{TODO[v.status]}</td>
                  <td>
                    <a href={warningPath(v.doc.eventId)} aria-label={`${actionText(v)} ${v.doc.eventId}`}>
                      {actionText(v)}
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>,
  );
};

interface FormState {
  readonly files: readonly string[];
  readonly issues: readonly InputIssue[];
  readonly rectifiedOn: string;
  readonly text: string;
  readonly refusal?: string;
}

const filesOf = (text: string | undefined): string[] => (text ? text.split(',').filter((k) => k.length > 0) : []);

const FIELD_LABELS: Readonly<Record<string, string>> = {
  rectifiedOn: '整改完成日期',
  text: '整改情况',
  evidenceFiles: '证明材料文件',
  eventId: '信息编号',
};
const named = (issues: readonly InputIssue[]): InputIssue[] =>
  issues.map((i) => ({ path: FIELD_LABELS[i.path.split(/[.[]/)[0] ?? ''] ?? i.path, message: i.message }));

/** `/portal/warnings/{eventId}` (and the upload's way back, `/portal/warnings/report?eventId=…`). */
export const portalWarningPage = async (ctx: PortalContext): Promise<WebResponse> => {
  const self = selfOf(ctx);
  if (self === null) return ctx.refuse({ status: 'forbidden' });
  const eventId = ctx.params.eventId ?? ctx.req.query.eventId ?? '';
  const files = filesOf(ctx.req.query.files).filter((k) => isOwnEvidenceKey(self, k));
  const issues: InputIssue[] = [];
  const uploaded = ctx.req.query.key;
  if (uploaded !== undefined && !files.includes(uploaded)) {
    const problem = await checkStoredEvidence(ctx, self, uploaded);
    if (problem === null) files.push(uploaded);
    else issues.push({ path: '', message: problem });
  }
  return page(ctx, eventId, {
    files,
    issues,
    rectifiedOn: ctx.req.query.rectifiedOn ?? '',
    text: '',
  });
};

export const postRectificationReport = async (ctx: PortalContext): Promise<WebResponse> => {
  const self = selfOf(ctx);
  if (self === null) return ctx.refuse({ status: 'forbidden' });
  const f = ctx.req.form;
  const eventId = f.eventId ?? '';
  const files = [...(ctx.req.formAll.evidenceFiles ?? [])];
  const state = { files, issues: [], rectifiedOn: f.rectifiedOn ?? '', text: (f.text ?? '').replaceAll('\r\n', '\n') };
  for (const key of files) {
    const problem = await checkStoredEvidence(ctx, self, key);
    if (problem !== null)
      return page(
        ctx,
        eventId,
        { ...state, files: files.filter((k) => k !== key), issues: [{ path: '', message: problem }] },
        400,
      );
  }
  const out = await ctx.deps.portal.creditWarnings.report.execute(ctx.caller, {
    eventId,
    rectifiedOn: state.rectifiedOn,
    text: state.text,
    evidenceFiles: files,
  });
  if (out.status === 'ok') return redirect(`${warningPath(eventId)}?reported=1`);
  if (out.status === 'invalid') return page(ctx, eventId, { ...state, issues: out.issues }, 400);
  if (out.status === 'conflict') return page(ctx, eventId, { ...state, refusal: out.message }, 409);
  return ctx.refuse(out, '信用预警');
};

const page = async (ctx: PortalContext, eventId: string, s: FormState, status = 200): Promise<WebResponse> => {
  const self = selfOf(ctx)!;
  const out = await ctx.deps.portal.creditWarnings.read.execute(ctx.caller, eventId);
  if (out.status !== 'ok') return ctx.refuse(out, '信用预警');
  const v = out.value;
  const files = await describeFiles(v, (k) => ctx.deps.portal.evidence.describe(k));
  const canReport = v.status === 'open' || v.status === 'insufficient';
  const form = canReport ? await reportForm(ctx, self, v, s) : null;
  const rendered = ctx.render(
    '信用预警',
    <>
      <p>
        <a href="/portal/warnings">返回信用预警列表</a>
      </p>
      {ctx.req.query.reported ? (
        <p class="notice ok" role="status">
          整改情况已报告，请等待生态环境局确认。
        </p>
      ) : null}
      {s.refusal ? (
        <RefusalMessage refusal={{ status: 'conflict', code: 'WARNING_STATE', message: s.refusal }} />
      ) : null}
      <WarningFacts v={v}>
        <dt>需要做什么</dt>
        <dd>{TODO[v.status]}</dd>
      </WarningFacts>
      <p>
        <a href={`/portal/notices/warning-${encodeURIComponent(v.doc.eventId)}`}>查看信用预警通知书</a>
      </p>
      <h2>整改报告与处理</h2>
      <History v={v} files={files} />
      {form?.element ?? null}
    </>,
    status,
  );
  return form ? allowingUpload(rendered, form.upload) : rendered;
};

const reportForm = async (ctx: PortalContext, self: SubjectRef, v: WarningView, s: FormState) => {
  const described = await Promise.all(s.files.map((k) => ctx.deps.portal.evidence.describe(k)));
  const upload = await prepareEvidenceUpload(
    ctx,
    self,
    s.files,
    s.files.length < MAX_EVIDENCE_FILES,
    (files, param) =>
      `${REPORT_PATH}?eventId=${encodeURIComponent(v.doc.eventId)}${files.length ? `&files=${files.join(',')}` : ''}&type=${param}`,
  );
  const today = legalDateOfInstant(ctx.now);
  const element = (
    <section class="card" aria-labelledby="report-title">
      <h2 id="report-title">报告整改情况</h2>
      {s.issues.length > 0 ? <RefusalMessage refusal={{ status: 'invalid', issues: named(s.issues) }} /> : null}
      <h3 id="files-title">证明材料</h3>
      {s.files.length === 0 ? (
        <p>尚未上传证明材料。</p>
      ) : (
        <ul aria-labelledby="files-title">
          {described.map((d, n) => (
            <li>
              证明材料 {n + 1}：{fileText(d)}
            </li>
          ))}
        </ul>
      )}
      <EvidenceUploadCard upload={upload} full={`每次报告最多上传${MAX_EVIDENCE_FILES}个证明材料文件。`} />
      <form method="post" action={REPORT_PATH} data-confirm="确认提交整改报告？">
        <CsrfField token={ctx.csrf} />
        <input type="hidden" name="eventId" value={v.doc.eventId} />
        {s.files.map((k) => (
          <input type="hidden" name="evidenceFiles" value={k} />
        ))}
        <label for="rectifiedOn">整改完成日期（不晚于整改期限 {chineseDate(v.doc.deadline)}）</label>
        <input
          id="rectifiedOn"
          name="rectifiedOn"
          type="date"
          value={s.rectifiedOn}
          min={v.doc.occurredOn}
          max={minDate(v.doc.deadline, today)}
          required
        />
        <label for="text">整改情况</label>
        <textarea id="text" name="text" required maxLength={MAX_WARNING_TEXT}>
          {s.text}
        </textarea>
        <p>
          <button type="submit">提交整改报告</button>
        </p>
      </form>
    </section>
  );
  return { element, upload };
};
