import { SUBJECT_KINDS } from '../../../../domain/catalogue/kinds.ts';
import { MAX_DEPARTMENT_LENGTH, MAX_SUMMARY_LENGTH } from '../../../../domain/records/bounds.ts';
import type { InputIssue } from '../../../../domain/validation.ts';
import type { RecordProvenance } from '../../../supplement/supplementRecords.ts';
import type { WebDeps } from '../../deps.ts';
import { redirect, type WebResponse } from '../../http/response.ts';
import type { PageContext } from '../../router.ts';
import { chineseDateTime, kindName, leagueName } from '../../ui/format.ts';
import { CsrfField } from '../../ui/layout.tsx';
import { RefusalMessage } from '../../ui/refusal.tsx';
import { DataTable } from '../../ui/table.tsx';

type Ctx = PageContext<WebDeps>;

/**
 * `/console/supplement`: in SUPPLEMENT a league bureau adds a record from another source, naming the
 * department that produced it (Art 17(2), 18(2) "谁产生、谁补充、谁核实"); the subject page shows each
 * record's 信息产生部门 / 补充 / 核实 and verifies it (`Provenance`).
 */
const TITLE = '补充信用信息';
const FIELD_LABELS: Readonly<Record<string, string>> = {
  rule: '评价指标代码',
  occurredOn: '发生日期',
  department: '信息产生部门',
  fineYuan: '罚款金额（元）',
  summary: '事实摘要',
  'subject.id': '代码',
};
const named = (i: InputIssue): InputIssue => ({ path: FIELD_LABELS[i.path] ?? i.path, message: i.message });

export const supplementPage = async (
  ctx: Ctx,
  issues: readonly InputIssue[] = [],
  status = 200,
): Promise<WebResponse> => {
  const f = { ...ctx.req.query, ...ctx.req.form };
  return ctx.render(
    TITLE,
    <>
      <p>
        在“补充、归集、核实信息”阶段，可补充其他部门产生的信用信息（第十七条第二项、第十八条第二项：谁产生、谁补充、谁核实）。
      </p>
      {issues.length > 0 ? <RefusalMessage refusal={{ status: 'invalid', issues }} /> : null}
      <form method="post" action="/console/supplement">
        <CsrfField token={ctx.csrf} />
        <label for="kind">评价对象类型</label>
        <select id="kind" name="kind">
          {SUBJECT_KINDS.map((k) => (
            <option value={k} selected={(f.kind ?? 'agency') === k}>
              {kindName(k)}
            </option>
          ))}
        </select>
        <label for="id">代码（统一社会信用代码或公民身份号码）</label>
        <input id="id" name="id" required value={f.id ?? ''} />
        <label for="rule">评价指标代码</label>
        <input id="rule" name="rule" required value={f.rule ?? ''} />
        <label for="occurredOn">发生日期</label>
        <input id="occurredOn" name="occurredOn" type="date" required value={f.occurredOn ?? ''} />
        <label for="department">信息产生部门</label>
        <input
          id="department"
          name="department"
          required
          maxLength={MAX_DEPARTMENT_LENGTH}
          value={f.department ?? ''}
        />
        <label for="fineYuan">罚款金额（元）</label>
        <input id="fineYuan" name="fineYuan" inputMode="decimal" value={f.fineYuan ?? ''} />
        <label for="summary">事实摘要</label>
        <textarea id="summary" name="summary" maxLength={MAX_SUMMARY_LENGTH}>
          {f.summary ?? ''}
        </textarea>
        <p>
          <button type="submit">补充信用信息</button>
        </p>
      </form>
    </>,
    status,
  );
};

export const postSupplement = async (ctx: Ctx): Promise<WebResponse> => {
  const f = ctx.req.form;
  const fine = (f.fineYuan ?? '').trim();
  const fineYuan = fine === '' ? null : Number(fine);
  if (fineYuan !== null && (!Number.isFinite(fineYuan) || fineYuan < 0))
    return supplementPage(ctx, [{ path: '罚款金额（元）', message: '罚款金额须为不小于0的数字' }], 400);
  const summary = (f.summary ?? '').trim();
  const kind = f.kind ?? '';
  const id = (f.id ?? '').trim();
  const out = await ctx.deps.console.objections.supplement.supplement(ctx.caller, {
    subject: { kind, id },
    rule: (f.rule ?? '').trim(),
    occurredOn: (f.occurredOn ?? '').trim(),
    department: f.department ?? '',
    fineYuan,
    summary: summary === '' ? null : summary,
  });
  if (out.status === 'ok')
    return redirect(
      `/console/subjects/${kind}/${encodeURIComponent(id)}?supplemented=${encodeURIComponent(out.value.eventId)}`,
    );
  if (out.status === 'invalid') return supplementPage(ctx, out.issues.map(named), 400);
  return ctx.refuse(out, TITLE);
};

export const postVerify = async (ctx: Ctx): Promise<WebResponse> => {
  const f = ctx.req.form;
  const kind = f.kind ?? '';
  const id = f.id ?? '';
  const out = await ctx.deps.console.objections.supplement.verify(ctx.caller, kind, id, f.eventId ?? '');
  if (out.status !== 'ok') return ctx.refuse(out, '核实信用信息');
  return redirect(
    `/console/subjects/${kind}/${encodeURIComponent(id)}?verified=${encodeURIComponent(out.value.eventId)}`,
  );
};

/** 信息产生部门 / 补充 / 核实 of each record of a subject, with a 核实 button for those not verified. */
export const Provenance = ({
  rows,
  subject,
  csrf,
}: {
  rows: readonly RecordProvenance[];
  subject: { readonly kind: string; readonly id: string };
  csrf: string;
}) =>
  rows.length === 0 ? null : (
    <DataTable
      name={{ caption: '信息来源与核实（谁产生、谁补充、谁核实）' }}
      columns={[
        { header: '事件编号', cell: (r: RecordProvenance) => r.eventId },
        { header: '信息产生部门', cell: (r) => r.department },
        {
          header: '补充',
          cell: (r) => (r.supplementedBy ? `${leagueName(r.supplementedBy)}生态环境局补充` : `报送来源 ${r.source}`),
        },
        {
          header: '核实',
          cell: (r) =>
            r.verified ? (
              `已核实（${chineseDateTime(r.verified.verifiedAt)}）`
            ) : (
              <form method="post" action="/console/supplement/verify">
                <CsrfField token={csrf} />
                <input type="hidden" name="kind" value={subject.kind} />
                <input type="hidden" name="id" value={subject.id} />
                <input type="hidden" name="eventId" value={r.eventId} />
                <button type="submit" class="secondary" aria-label={`核实 ${r.eventId}`}>
                  核实
                </button>
              </form>
            ),
        },
      ]}
      rows={rows}
    />
  );
