import type { ScoredResult } from '../../../../domain/evaluation/result.ts';
import {
  DISPUTED_TEXT,
  GRADE_DEPENDS_TEXT,
  gradeDependsOnDispute,
  MAX_OBJECTION_FILES,
  MAX_OBJECTION_REASONS_LENGTH,
  objectionIdShown,
  PRE_GRADE,
  REVIEW_OUTCOME_NAMES,
} from '../../../../domain/objections/objection.ts';
import { maskResidentId } from '../../../../domain/participants/practitionerFiling.ts';
import type { InputIssue } from '../../../../domain/validation.ts';
import type { OnBehalf } from '../../../objections/confirmingSubject.ts';
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
const PRACTITIONER_TITLE = '确认从业人员环境信息和预评结果';

/**
 * Whose confirmation a page shows: the signed-in unit's own (`/portal/confirmation`), or a
 * practitioner's its employer filed (Art 18(4); `params` name the practitioner and the year).
 */
export interface ConfirmationTarget {
  readonly base: string;
  readonly params: Readonly<Record<string, string>>;
  readonly onBehalf?: OnBehalf;
}

const OWN: ConfirmationTarget = { base: CONFIRMATION_PATH, params: {} };

/** The page's address with its own parameters, then `rest` (e.g. `filed=…`). */
export const confirmationUrl = (t: ConfirmationTarget, rest: string): string =>
  `${t.base}?${Object.entries(t.params)
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}&`)
    .join('')}${rest}`;
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

export const confirmationPage = (ctx: PortalContext): Promise<WebResponse> => showConfirmation(ctx, OWN);

/** `GET`: the confirmation of the target, with the evidence files uploaded so far. */
export const showConfirmation = async (ctx: PortalContext, target: ConfirmationTarget): Promise<WebResponse> => {
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
  return page(ctx, self, target, { files, records: [], preGrade: false, reasons: '', issues });
};

/** The contract's field names as the form labels them. */
const FIELD_LABELS: Readonly<Record<string, string>> = {
  records: '有异议的信用信息',
  reasons: '异议理由',
  evidenceFiles: '证明材料文件',
};
const named = (i: InputIssue): InputIssue => ({ path: FIELD_LABELS[i.path] ?? i.path, message: i.message });

export const postObjection = (ctx: PortalContext): Promise<WebResponse> => objectTo(ctx, OWN);

/** `POST …/object`: the objection, filed for the target. */
export const objectTo = async (ctx: PortalContext, target: ConfirmationTarget): Promise<WebResponse> => {
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
  const year = target.onBehalf?.year ?? Number(f.year);
  if (!Number.isInteger(year))
    return ctx.refuse({ status: 'invalid', issues: [{ path: '年度', message: '年度无效' }] });
  for (const key of state.files) {
    const problem = await checkStoredEvidence(ctx, self, key);
    if (problem !== null)
      return page(
        ctx,
        self,
        target,
        { ...state, files: state.files.filter((k) => k !== key), issues: [{ path: '', message: problem }] },
        400,
      );
  }
  const out = await ctx.deps.portal.objections.file.execute(
    ctx.caller,
    { year, kind: target.onBehalf ? 'practitioner' : self.kind },
    { records: state.records, preGrade: state.preGrade, reasons: state.reasons, evidenceFiles: state.files },
    target.onBehalf?.residentId,
  );
  if (out.status === 'ok')
    return redirect(confirmationUrl(target, `filed=${encodeURIComponent(out.value.objection.id)}`));
  if (out.status === 'invalid') return page(ctx, self, target, { ...state, issues: out.issues.map(named) }, 400);
  return ctx.refuse(out, '提出异议');
};

export const postConfirm = (ctx: PortalContext): Promise<WebResponse> => confirmFor(ctx, OWN);

/** `POST …/confirm`: 确认无误 for the target. */
export const confirmFor = async (ctx: PortalContext, target: ConfirmationTarget): Promise<WebResponse> => {
  const self = selfOf(ctx);
  if (self === null) return ctx.refuse({ status: 'forbidden' });
  const year = target.onBehalf?.year ?? Number(ctx.req.form.year);
  if (!Number.isInteger(year))
    return ctx.refuse({ status: 'invalid', issues: [{ path: '年度', message: '年度无效' }] });
  const out = await ctx.deps.portal.objections.confirmation.confirm(ctx.caller, year, target.onBehalf?.residentId);
  if (out.status !== 'ok') return ctx.refuse(out, '确认无误');
  return redirect(confirmationUrl(target, 'confirmed=1'));
};

/** The parameters that name the target, posted with the forms (the unit's own page has none). */
const ParamFields = ({ target }: { target: ConfirmationTarget }) => (
  <>
    {Object.entries(target.params)
      .filter(([name]) => name !== 'year')
      .map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
  </>
);

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
      <section class="card" aria-label={`异议 ${objectionIdShown(o.id)}`}>
        <dl class="facts">
          <dt>异议编号</dt>
          <dd>{objectionIdShown(o.id)}</dd>
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

/** A practitioner's pre-grade in Art 13's words: 环保失信个人, or none found. */
const dishonestText = (r: { readonly dishonest?: boolean | null } | null): string =>
  !r || r.dishonest === null || r.dishonest === undefined
    ? '暂不评定'
    : r.dishonest
      ? '预评结果为环保失信个人'
      : '预评结果为未发现环保失信行为';

const page = async (
  ctx: PortalContext,
  self: SubjectRef,
  target: ConfirmationTarget,
  s: FormState,
  status = 200,
): Promise<WebResponse> => {
  const forPractitioner = target.onBehalf !== undefined;
  const title = forPractitioner ? PRACTITIONER_TITLE : TITLE;
  const out = await ctx.deps.portal.objections.confirmation.execute(ctx.caller, target.onBehalf);
  if (out.status !== 'ok') return ctx.refuse(out, title);
  const v: ConfirmationView = out.value;
  if (!v.cycle) return ctx.render(title, <p class="notice">本年度评价周期尚未开始。</p>, status);
  const r = v.result;
  const items: readonly ShownItem[] = r ? r.items : [];
  const scored = r && r.subject.kind !== 'practitioner' ? (r as unknown as ScoredResult) : null;
  const practitioner = r && r.subject.kind === 'practitioner' ? (r as { dishonest?: boolean | null }) : null;
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
    (files, param) => confirmationUrl(target, `${files.length ? `files=${files.join(',')}&` : ''}type=${param}`),
  );
  const filed = ctx.req.query.filed;
  const shown = ctx.render(
    title,
    <>
      {forPractitioner ? (
        <p>
          <span class="tag">{`从业人员：${v.name}`}</span>
          {` 公民身份号码 ${maskResidentId(v.self.id)}。依据《办法》第十八条第四项，由填报该从业人员的本单位代为确认或提出异议。`}
        </p>
      ) : null}
      {filed ? (
        <p class="notice ok" role="status">
          异议已提交（异议编号 {objectionIdShown(filed)}），生态环境部门将在规定期限内复核并通知复核结果。
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
      ) : practitioner ? (
        <p class="summary">
          <strong>{dishonestText(practitioner)}</strong>
          {depends ? <span class="tag">{GRADE_DEPENDS_TEXT}</span> : null}
        </p>
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

      {v.window.open && !v.confirmation && v.self.kind !== 'enterprise' ? (
        <form method="post" action={`${target.base}/confirm`} data-confirm="确认上述环境信息和预评结果无误吗？">
          <CsrfField token={ctx.csrf} />
          <input type="hidden" name="year" value={String(v.cycle.year)} />
          <ParamFields target={target} />
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
          <form method="post" action={`${target.base}/object`}>
            <CsrfField token={ctx.csrf} />
            <input type="hidden" name="year" value={String(v.cycle.year)} />
            <ParamFields target={target} />
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
                  <label for={`record-${n}`}>
                    {/* Annex 3: practitioners' records carry no points; they are counted (Art 13). */}
                    {practitioner
                      ? `${i.wording}（${i.eventId}）`
                      : `${i.wording}（${i.eventId}，${pointsText(i.points)} 分）`}
                  </label>
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

      <h2>{forPractitioner ? '该从业人员的异议' : '我的异议'}</h2>
      {v.objections.length === 0 ? (
        <p class="muted">未提出异议。</p>
      ) : (
        <ObjectionList objections={v.objections} wording={wording} />
      )}
      <p>
        <a href="/portal/notices">查看通知</a>
        {forPractitioner ? (
          <>
            {' | '}
            <a href="/portal/practitioners">返回相关从业人员填报</a>
          </>
        ) : null}
      </p>
    </>,
    status,
  );
  return allowingUpload(shown, upload);
};
