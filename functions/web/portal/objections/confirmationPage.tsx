import type { ScoredResult } from '../../../../domain/evaluation/result.ts';
import {
  DISPUTED_TEXT,
  GRADE_DEPENDS_TEXT,
  gradeDependsOnDispute,
  MAX_OBJECTION_FILES,
  MAX_OBJECTION_REASONS_LENGTH,
  PRE_GRADE,
  REVIEW_OUTCOME_NAMES,
} from '../../../../domain/objections/objection.ts';
import type { InputIssue } from '../../../../domain/validation.ts';
import type { ConfirmationView, ObjectionWithLimit } from '../../../objections/readConfirmation.ts';
import type { SubjectRef } from '../../../ports/store.ts';
import { redirect, type WebResponse } from '../../http/response.ts';
import { chineseDate, chineseDateTime, pointsText, scoreText } from '../../ui/format.ts';
import { CsrfField } from '../../ui/layout.tsx';
import { Plate } from '../../ui/plate.tsx';
import { RefusalMessage } from '../../ui/refusal.tsx';
import { type ShownItem, stateText } from '../../ui/result.tsx';
import { type Column, DataTable } from '../../ui/table.tsx';
import { isOwnEvidenceKey } from '../evidence.ts';
import { allowingUpload, checkStoredEvidence, EvidenceUploadCard, prepareEvidenceUpload } from '../evidenceUpload.tsx';
import { type PortalContext, selfOf } from '../self.ts';

/**
 * `/portal/confirmation`: the participant's confirmation of its environmental information and
 * pre-grade (Art 17(3), 18(4)): its records with points and its pre-grade as the domain evaluates
 * them, the objection deadline, 确认无误, or 提出异议 (records or 预评等级整体, reasons, evidence files
 * uploaded first, one by one, as for a repair application); then its objections' status and outcome.
 */
export const CONFIRMATION_PATH = '/portal/confirmation';
const TITLE = '确认环境信息和预评结果';
const ARTICLE_TEXT: Readonly<Record<string, string>> = {
  'Art 16(3)': '第十六条第三项，公示期间',
  'Art 17(3)': '第十七条第三项',
  'Art 18(4)': '第十八条第四项',
};

const filesOf = (text: string | undefined): string[] => (text ? text.split(',').filter((k) => k.length > 0) : []);

interface FormState {
  readonly files: readonly string[];
  readonly records: readonly string[];
  readonly preGrade: boolean;
  readonly reasons: string;
  readonly issues: readonly InputIssue[];
}

export const confirmationPage = async (ctx: PortalContext): Promise<WebResponse> => {
  const self = selfOf(ctx);
  if (self === null) return ctx.refuse({ status: 'forbidden' });
  const files = filesOf(ctx.req.query.files).filter((k) => isOwnEvidenceKey(self, k));
  const issues: InputIssue[] = [];
  const uploaded = ctx.req.query.key;
  if (uploaded !== undefined && !files.includes(uploaded)) {
    const problem = await checkStoredEvidence(ctx, self, uploaded);
    if (problem === null) files.push(uploaded);
    else issues.push({ path: '', message: problem });
  }
  return page(ctx, self, { files, records: [], preGrade: false, reasons: '', issues });
};

/** The contract's field names as the form labels them. */
const FIELD_LABELS: Readonly<Record<string, string>> = {
  records: '有异议的信用信息',
  reasons: '异议理由',
  evidenceFiles: '证明材料文件',
};
const named = (i: InputIssue): InputIssue => ({ path: FIELD_LABELS[i.path] ?? i.path, message: i.message });

export const postObjection = async (ctx: PortalContext): Promise<WebResponse> => {
  const self = selfOf(ctx);
  if (self === null) return ctx.refuse({ status: 'forbidden' });
  const f = ctx.req.form;
  const state: FormState = {
    files: [...(ctx.req.formAll.evidenceFiles ?? [])],
    records: [...(ctx.req.formAll.records ?? [])].filter((r) => r !== PRE_GRADE),
    preGrade: (ctx.req.formAll.records ?? []).includes(PRE_GRADE),
    reasons: f.reasons ?? '',
    issues: [],
  };
  const year = Number(f.year);
  if (!Number.isInteger(year))
    return ctx.refuse({ status: 'invalid', issues: [{ path: '年度', message: '年度无效' }] });
  for (const key of state.files) {
    const problem = await checkStoredEvidence(ctx, self, key);
    if (problem !== null)
      return page(
        ctx,
        self,
        { ...state, files: state.files.filter((k) => k !== key), issues: [{ path: '', message: problem }] },
        400,
      );
  }
  const out = await ctx.deps.portal.objections.file.execute(
    ctx.caller,
    { year, kind: self.kind },
    { records: state.records, preGrade: state.preGrade, reasons: state.reasons, evidenceFiles: state.files },
  );
  if (out.status === 'ok') return redirect(`${CONFIRMATION_PATH}?filed=${encodeURIComponent(out.value.objection.id)}`);
  if (out.status === 'invalid') return page(ctx, self, { ...state, issues: out.issues.map(named) }, 400);
  return ctx.refuse(out, '提出异议');
};

export const postConfirm = async (ctx: PortalContext): Promise<WebResponse> => {
  const self = selfOf(ctx);
  if (self === null) return ctx.refuse({ status: 'forbidden' });
  const year = Number(ctx.req.form.year);
  if (!Number.isInteger(year))
    return ctx.refuse({ status: 'invalid', issues: [{ path: '年度', message: '年度无效' }] });
  const out = await ctx.deps.portal.objections.confirmation.confirm(ctx.caller, year);
  if (out.status !== 'ok') return ctx.refuse(out, '确认无误');
  return redirect(`${CONFIRMATION_PATH}?confirmed=1`);
};

const recordColumns = (disputed: ReadonlySet<string>): Column<ShownItem>[] => [
  { header: '信息编号', class: 'nowrap', cell: (i) => i.eventId },
  { header: '发生日期', class: 'nowrap', cell: (i) => chineseDate(i.occurredOn) },
  { header: '评价内容', cell: (i) => i.wording },
  { header: '分值', class: 'num nowrap', cell: (i) => pointsText(i.points) },
  {
    header: '状态',
    cell: (i) => (
      <>
        {stateText(i)}
        {disputed.has(i.eventId) ? <span class="tag">{DISPUTED_TEXT}</span> : null}
      </>
    ),
  },
];

const ObjectionList = ({
  objections,
  wording,
}: {
  objections: readonly ObjectionWithLimit[];
  wording: (id: string) => string;
}) => (
  <>
    {objections.map((o) => (
      <section class="card" aria-label={`异议 ${o.id}`}>
        <dl class="facts">
          <dt>异议编号</dt>
          <dd>{o.id}</dd>
          <dt>提出日期</dt>
          <dd>{chineseDate(o.filedOn)}</dd>
          <dt>异议内容</dt>
          <dd>{[...o.records.map(wording), ...(o.preGrade ? ['预评等级整体'] : [])].join('；')}</dd>
          <dt>异议理由</dt>
          <dd>{o.reasons}</dd>
          <dt>证明材料</dt>
          <dd>{o.evidenceFiles.length === 0 ? '无' : `${o.evidenceFiles.length} 个文件`}</dd>
          <dt>状态</dt>
          <dd>
            {o.status === 'open'
              ? `复核中${o.reviewBy ? `（复核期限：${chineseDate(o.reviewBy.on)}）` : ''}`
              : `已复核（${o.reviewedAt ? chineseDate(o.reviewedAt.slice(0, 10)) : ''}）`}
          </dd>
        </dl>
        {o.status === 'reviewed' ? (
          <DataTable
            name={{ caption: '复核结果' }}
            columns={[
              { header: '异议事项', cell: (r) => (r.target === PRE_GRADE ? '预评等级整体' : wording(r.target)) },
              { header: '复核结论', cell: (r) => REVIEW_OUTCOME_NAMES[r.outcome] },
              { header: '理由', cell: (r) => r.reasons },
            ]}
            rows={o.reviews}
          />
        ) : null}
      </section>
    ))}
  </>
);

const page = async (ctx: PortalContext, self: SubjectRef, s: FormState, status = 200): Promise<WebResponse> => {
  const out = await ctx.deps.portal.objections.confirmation.execute(ctx.caller);
  if (out.status !== 'ok') return ctx.refuse(out, TITLE);
  const v: ConfirmationView = out.value;
  if (!v.cycle) return ctx.render(TITLE, <p class="notice">本年度评价周期尚未开始。</p>, status);
  const r = v.result;
  const items: readonly ShownItem[] = r ? r.items : [];
  const scored = r && r.subject.kind !== 'practitioner' ? (r as unknown as ScoredResult) : null;
  const wording = (id: string) => {
    const item = items.find((i) => i.eventId === id);
    return item ? `${item.wording}（${id}）` : id;
  };
  const depends = gradeDependsOnDispute(
    v.objections,
    items.filter((i) => i.state === 'counted').map((i) => i.eventId),
  );
  const upload = await prepareEvidenceUpload(
    ctx,
    self,
    s.files,
    v.window.open && s.files.length < MAX_OBJECTION_FILES,
    (files, param) => `${CONFIRMATION_PATH}?${files.length ? `files=${files.join(',')}&` : ''}type=${param}`,
  );
  const filed = ctx.req.query.filed;
  const shown = ctx.render(
    TITLE,
    <>
      {filed ? (
        <p class="notice ok" role="status">
          异议已提交（异议编号 {filed}），生态环境部门将在规定期限内复核并通知复核结果。
        </p>
      ) : null}
      {ctx.req.query.confirmed ? (
        <p class="notice ok" role="status">
          已确认环境信息和预评结果无误。
        </p>
      ) : null}
      <dl class="facts">
        <dt>评价年度</dt>
        <dd>{`${v.cycle.year}年度`}</dd>
        <dt>异议期限</dt>
        <dd>
          {v.window.open
            ? `${chineseDate(v.window.closesOn)}前（含当日）可以提出异议（${ARTICLE_TEXT[v.window.article] ?? v.window.article}）`
            : v.window.reason}
        </dd>
        <dt>确认情况</dt>
        <dd>{v.confirmation ? `已确认无误（${chineseDateTime(v.confirmation.confirmedAt)}）` : '尚未确认'}</dd>
      </dl>

      <h2>预评结果</h2>
      {scored ? (
        <div class="summary">
          <Plate grade={scored.grade} size="large" />
          <span>
            得分 <span class="score">{scoreText(scored.score)}</span> 分
          </span>
          {depends ? <span class="tag">{GRADE_DEPENDS_TEXT}</span> : null}
        </div>
      ) : (
        <p class="muted">暂无预评结果。</p>
      )}
      {items.length === 0 ? (
        <p class="muted">本年度没有计入评价的信用信息。</p>
      ) : (
        <DataTable
          name={{ caption: `${v.cycle.year}年度环境信息（信用信息）明细` }}
          columns={recordColumns(v.disputed)}
          rows={items}
        />
      )}

      {v.window.open && !v.confirmation && self.kind !== 'enterprise' ? (
        <form method="post" action={`${CONFIRMATION_PATH}/confirm`} data-confirm="确认上述环境信息和预评结果无误吗？">
          <CsrfField token={ctx.csrf} />
          <input type="hidden" name="year" value={String(v.cycle.year)} />
          <p>
            <button type="submit">确认无误</button>
          </p>
        </form>
      ) : null}

      {v.window.open ? (
        <>
          <h2>提出异议</h2>
          {s.issues.length > 0 ? <RefusalMessage refusal={{ status: 'invalid', issues: s.issues }} /> : null}
          <h3 id="files-title">证明材料（请先上传，再填写异议）</h3>
          {s.files.length === 0 ? (
            <p>尚未上传证明材料。</p>
          ) : (
            <ul aria-labelledby="files-title">
              {s.files.map((_k, n) => (
                <li>证明材料 {n + 1}</li>
              ))}
            </ul>
          )}
          <EvidenceUploadCard upload={upload} full={`每项异议最多上传${MAX_OBJECTION_FILES}个证明材料文件。`} />
          <form method="post" action={`${CONFIRMATION_PATH}/object`}>
            <CsrfField token={ctx.csrf} />
            <input type="hidden" name="year" value={String(v.cycle.year)} />
            {s.files.map((k) => (
              <input type="hidden" name="evidenceFiles" value={k} />
            ))}
            <fieldset>
              <legend>有异议的信用信息</legend>
              {items.map((i, n) => (
                <div>
                  <input
                    id={`record-${n}`}
                    name="records"
                    type="checkbox"
                    value={i.eventId}
                    checked={s.records.includes(i.eventId)}
                  />{' '}
                  <label for={`record-${n}`}>{`${i.wording}（${i.eventId}，${pointsText(i.points)} 分）`}</label>
                </div>
              ))}
              <div>
                <input id="record-grade" name="records" type="checkbox" value={PRE_GRADE} checked={s.preGrade} />{' '}
                <label for="record-grade">预评等级整体</label>
              </div>
            </fieldset>
            <label for="reasons">异议理由</label>
            <textarea id="reasons" name="reasons" required maxLength={MAX_OBJECTION_REASONS_LENGTH}>
              {s.reasons}
            </textarea>
            <p>
              <button type="submit">提出异议</button>
            </p>
          </form>
        </>
      ) : null}

      <h2>我的异议</h2>
      {v.objections.length === 0 ? (
        <p class="muted">未提出异议。</p>
      ) : (
        <ObjectionList objections={v.objections} wording={wording} />
      )}
      <p>
        <a href="/portal/notices">查看通知</a>
      </p>
    </>,
    status,
  );
  return allowingUpload(shown, upload);
};
