import { legalDateOfInstant } from '../../../domain/dates.ts';
import { MAX_SUMMARY_LENGTH } from '../../../domain/records/bounds.ts';
import type { InputIssue } from '../../../domain/validation.ts';
import type { StoredEvidence } from '../../ports/evidenceStore.ts';
import type { SubjectRef } from '../../ports/store.ts';
import { MAX_EVIDENCE_FILES } from '../../repairs/contracts.ts';
import { redirect, type WebResponse } from '../http/response.ts';
import { chineseDate } from '../ui/format.ts';
import { CsrfField } from '../ui/layout.tsx';
import { RefusalMessage } from '../ui/refusal.tsx';
import { EVIDENCE_TYPE_NAMES, isEvidenceType, isOwnEvidenceKey } from './evidence.ts';
import { allowingUpload, checkStoredEvidence, EvidenceUploadCard, prepareEvidenceUpload } from './evidenceUpload.tsx';
import { type PortalContext, refusalOfRepair, selfOf } from './self.ts';

/**
 * `/portal/repairs/apply?eventId=…`: applying to repair one rectified deduction (Art 23 ¶2, 27).
 * The evidence files are uploaded one by one first (straight to storage: the store's upload form),
 * each coming back here with its key; the application then names them. The ApplyForRepair use case
 * decides; its refusals are shown in its words.
 */
const APPLY_PATH = '/portal/repairs/apply';

interface Target {
  readonly eventId: string;
  readonly wording: string;
  readonly earliestOn: string;
  readonly impactEliminationRequired: boolean;
}

/** The record to repair as the live result describes it, or why it cannot be applied for now. */
const targetOf = async (ctx: PortalContext, self: SubjectRef, eventId: string): Promise<Target | string | null> => {
  const found = await ctx.deps.portal.lookupScore.execute(ctx.caller, self);
  if (found.status !== 'ok') return null;
  const item = found.body.repair.find((r) => r.eventId === eventId);
  if (!item) return null;
  if (!item.eligible) return item.reason;
  if (legalDateOfInstant(ctx.now) < item.earliestOn) return `该信用信息自${chineseDate(item.earliestOn)}起可申请修复。`;
  return {
    eventId,
    wording: found.body.items.find((i) => i.eventId === eventId)?.wording ?? '',
    earliestOn: item.earliestOn,
    impactEliminationRequired: item.impactEliminationRequired,
  };
};

const filesOf = (text: string | undefined): string[] => (text ? text.split(',').filter((k) => k.length > 0) : []);

export const applyPage = async (ctx: PortalContext): Promise<WebResponse> => {
  const self = selfOf(ctx);
  if (self === null) return ctx.refuse({ status: 'forbidden' });
  const eventId = ctx.req.query.eventId ?? '';
  const target = await targetOf(ctx, self, eventId);
  if (target === null) return ctx.refuse({ status: 'notFound' }, '无法申请修复');
  if (typeof target === 'string') return ctx.render('申请信用修复', <p class="notice">{target}</p>);
  const files = filesOf(ctx.req.query.files).filter((k) => isOwnEvidenceKey(self, k));
  const issues: InputIssue[] = [];
  // A file just uploaded (the store sends the browser back with its key): checked by its content.
  const uploaded = ctx.req.query.key;
  if (uploaded !== undefined && !files.includes(uploaded)) {
    const problem = await checkStoredEvidence(ctx, self, uploaded);
    if (problem === null) files.push(uploaded);
    else issues.push({ path: '', message: problem });
  }
  return applyForm(ctx, self, target, { files, issues, evidence: '', impactEliminated: false });
};

export const submitApplication = async (ctx: PortalContext): Promise<WebResponse> => {
  const self = selfOf(ctx);
  if (self === null) return ctx.refuse({ status: 'forbidden' });
  const f = ctx.req.form;
  const eventId = f.eventId ?? '';
  const files = [...(ctx.req.formAll.evidenceFiles ?? [])];
  const values = { files, evidence: f.evidence ?? '', impactEliminated: f.impactEliminated === 'on' };
  const target = await targetOf(ctx, self, eventId);
  if (target === null || typeof target === 'string') {
    // Not (or no longer) open for repair here: the use case says why, in its words.
    const outcome = await ctx.deps.portal.applyForRepair.execute(ctx.caller, self, {
      eventId,
      evidence: values.evidence,
    });
    if (outcome.status === 'refused') return ctx.render('申请信用修复', <RefusalList reasons={outcome.reasons} />, 422);
    if (outcome.status === 'ok') return redirect(`/portal/repairs?applied=${encodeURIComponent(eventId)}`);
    return ctx.refuse(refusalOfRepair(outcome));
  }
  for (const key of files) {
    const problem = await checkStoredEvidence(ctx, self, key);
    if (problem !== null)
      return applyForm(
        ctx,
        self,
        target,
        {
          ...values,
          files: files.filter((k) => k !== key),
          issues: [{ path: '', message: problem }],
        },
        400,
      );
  }
  const outcome = await ctx.deps.portal.applyForRepair.execute(ctx.caller, self, {
    eventId,
    evidence: values.evidence,
    ...(values.impactEliminated ? { impactEliminated: true } : {}),
    ...(files.length > 0 ? { evidenceFiles: files } : {}),
  });
  switch (outcome.status) {
    case 'ok':
      return redirect(`/portal/repairs?applied=${encodeURIComponent(eventId)}`);
    case 'invalid':
      return applyForm(ctx, self, target, { ...values, issues: outcome.issues.map(named) }, 400);
    case 'refused':
      return applyForm(ctx, self, target, { ...values, issues: [], reasons: outcome.reasons }, 422);
    default:
      return ctx.refuse(refusalOfRepair(outcome));
  }
};

/** The contract's field names as the form labels them. */
const FIELD_LABELS: Readonly<Record<string, string>> = {
  evidence: '整改情况及证据',
  impactEliminated: '不良影响已消除',
  evidenceFiles: '证明材料文件',
  eventId: '信息编号',
};
const named = (i: InputIssue): InputIssue => {
  const field = i.path.split(/[.[]/)[0] ?? '';
  return FIELD_LABELS[field] ? { path: FIELD_LABELS[field], message: i.message } : i;
};

const RefusalList = ({ reasons }: { reasons: readonly string[] }) => (
  <div class="notice error" role="alert">
    <p>不符合信用修复条件：</p>
    <ul>
      {reasons.map((r) => (
        <li>{r}</li>
      ))}
    </ul>
  </div>
);

interface FormState {
  readonly files: readonly string[];
  readonly issues: readonly InputIssue[];
  readonly reasons?: readonly string[];
  readonly evidence: string;
  readonly impactEliminated: boolean;
}

const applyForm = async (
  ctx: PortalContext,
  self: SubjectRef,
  target: Target,
  s: FormState,
  status = 200,
): Promise<WebResponse> => {
  const described = await Promise.all(s.files.map((k) => ctx.deps.portal.evidence.describe(k)));
  const upload = await prepareEvidenceUpload(
    ctx,
    self,
    s.files,
    s.files.length < MAX_EVIDENCE_FILES,
    (files, param) =>
      `${APPLY_PATH}?eventId=${encodeURIComponent(target.eventId)}${files.length ? `&files=${files.join(',')}` : ''}&type=${param}`,
  );
  const page = ctx.render(
    '申请信用修复',
    <>
      <dl class="facts">
        <dt>信息编号</dt>
        <dd>{target.eventId}</dd>
        <dt>评价内容</dt>
        <dd>{target.wording}</dd>
        <dt>最早可申请日期</dt>
        <dd>{chineseDate(target.earliestOn)}</dd>
      </dl>
      {s.reasons ? <RefusalList reasons={s.reasons} /> : null}
      {s.issues.length > 0 ? <RefusalMessage refusal={{ status: 'invalid', issues: s.issues }} /> : null}

      <h2 id="files-title">证明材料</h2>
      {s.files.length === 0 ? (
        <p>尚未上传证明材料。</p>
      ) : (
        <ul aria-labelledby="files-title">
          {described.map((d: StoredEvidence | null, n) => (
            <li>
              证明材料 {n + 1}：{d && isEvidenceType(d.contentType) ? EVIDENCE_TYPE_NAMES[d.contentType] : '文件'}，
              {d ? sizeText(d.size) : '—'}
            </li>
          ))}
        </ul>
      )}
      <EvidenceUploadCard upload={upload} full={`每份申请最多上传${MAX_EVIDENCE_FILES}个证明材料文件。`} />

      <h2>申请内容</h2>
      <form method="post" action={APPLY_PATH}>
        <CsrfField token={ctx.csrf} />
        <input type="hidden" name="eventId" value={target.eventId} />
        {s.files.map((k) => (
          <input type="hidden" name="evidenceFiles" value={k} />
        ))}
        <label for="evidence">整改情况及证据</label>
        <textarea id="evidence" name="evidence" required maxLength={MAX_SUMMARY_LENGTH}>
          {s.evidence}
        </textarea>
        {target.impactEliminationRequired ? (
          <label for="impactEliminated">
            <input id="impactEliminated" name="impactEliminated" type="checkbox" checked={s.impactEliminated} />{' '}
            不良影响已消除（扣50分及以上的信用信息须消除不良影响，第二十七条）
          </label>
        ) : null}
        <p>
          <button type="submit">提交修复申请</button>
        </p>
      </form>
    </>,
    status,
  );
  return allowingUpload(page, upload);
};

const sizeText = (bytes: number): string =>
  bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
