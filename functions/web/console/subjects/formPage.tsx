import { SUBJECT_KINDS, type SubjectKind } from '../../../../domain/catalogue/kinds.ts';
import { JURISDICTION_CODES } from '../../../../domain/identifiers/leagues.ts';
import type { Refusal } from '../../../shared/errors.ts';
import type { WebDeps } from '../../deps.ts';
import { redirect } from '../../http/response.ts';
import type { PageContext } from '../../router.ts';
import { AgencyCategoriesFieldset } from '../../ui/fields.tsx';
import { kindName, leagueName } from '../../ui/format.ts';
import { CsrfField } from '../../ui/layout.tsx';
import { RefusalMessage } from '../../ui/refusal.tsx';
import { named } from './labels.ts';
import { subjectPath } from './listPage.tsx';
import {
  bodyOfValues,
  EXTRA_SITE_ROWS,
  emptyValues,
  kindOf,
  type SubjectFormValues,
  valuesOfForm,
  valuesOfSubject,
} from './subjectForm.ts';

/** `/console/subjects/new` and `/console/subjects/{kind}/{id}/edit`: register or edit a subject (Art 16(1), 17(1), 18(1)). */

const ID_LABEL: Record<SubjectKind, string> = {
  enterprise: '统一社会信用代码',
  agency: '统一社会信用代码',
  practitioner: '公民身份号码',
};

const SiteRows = ({ v }: { v: SubjectFormValues }) => {
  const rows = [...v.sites, ...Array.from({ length: EXTRA_SITE_ROWS }, () => ({ siteId: '', name: '', share: '' }))];
  return (
    <fieldset>
      <legend>厂址（每个排污许可证一个厂址）及产量占比（第十六条第二项）</legend>
      <div class="table-wrap">
        <table>
          <caption>厂址列表（空行不保存；需要更多行时，保存后再次编辑）</caption>
          <thead>
            <tr>
              <th scope="col">序号</th>
              <th scope="col">厂址编号（排污许可证编号）</th>
              <th scope="col">厂址名称</th>
              <th scope="col">产量占比（%）</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((s, i) => (
              <tr>
                <td>{i + 1}</td>
                <td>
                  <label for={`siteId${i}`} class="visually-hidden">{`第${i + 1}行 厂址编号`}</label>
                  <input id={`siteId${i}`} name={`siteId${i}`} value={s.siteId} maxLength={64} />
                </td>
                <td>
                  <label for={`siteName${i}`} class="visually-hidden">{`第${i + 1}行 厂址名称`}</label>
                  <input id={`siteName${i}`} name={`siteName${i}`} value={s.name} maxLength={200} />
                </td>
                <td>
                  <label for={`share${i}`} class="visually-hidden">{`第${i + 1}行 产量占比（%）`}</label>
                  <input id={`share${i}`} name={`share${i}`} value={s.share} inputMode="decimal" size={8} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </fieldset>
  );
};

const SubjectFormView = ({
  v,
  action,
  csrf,
  isNew,
}: {
  v: SubjectFormValues;
  action: string;
  csrf: string;
  isNew: boolean;
}) => (
  <form method="post" action={action}>
    <CsrfField token={csrf} />
    <input type="hidden" name="version" value={String(v.version)} />
    <input type="hidden" name="kind" value={v.kind} />
    <p>
      类型：<strong>{kindName(v.kind)}</strong>
      {isNew ? null : `　${ID_LABEL[v.kind]}：${v.id}　（第${v.version}版）`}
    </p>
    {isNew ? (
      <>
        <label for="id">{ID_LABEL[v.kind]}</label>
        <input id="id" name="id" value={v.id} maxLength={18} size={24} required />
      </>
    ) : null}
    <label for="name">{v.kind === 'practitioner' ? '姓名（可不填）' : '名称'}</label>
    <input id="name" name="name" value={v.name} maxLength={200} size={40} required={v.kind !== 'practitioner'} />
    <label for="league">{v.kind === 'practitioner' ? '盟市（可不填）' : '盟市'}</label>
    <select id="league" name="league">
      {v.kind === 'practitioner' ? <option value="">未确定</option> : null}
      {JURISDICTION_CODES.map((c) => (
        <option value={c} selected={v.league === c}>
          {leagueName(c)}
        </option>
      ))}
    </select>
    {v.kind === 'enterprise' ? <SiteRows v={v} /> : null}
    {v.kind === 'agency' ? (
      <AgencyCategoriesFieldset
        legend="机构类别（附件2 机构分类指标，至少一项）"
        checked={(c) => v.categories.includes(c)}
      />
    ) : null}
    {v.kind === 'practitioner' ? (
      <fieldset>
        <legend>工作单位</legend>
        <label for="employerKind">工作单位类型</label>
        <select id="employerKind" name="employerKind">
          <option value="" selected={v.employerKind === ''}>
            无
          </option>
          <option value="enterprise" selected={v.employerKind === 'enterprise'}>
            企事业单位
          </option>
          <option value="agency" selected={v.employerKind === 'agency'}>
            第三方服务机构
          </option>
        </select>
        <label for="employerId">工作单位统一社会信用代码</label>
        <input id="employerId" name="employerId" value={v.employerId} maxLength={18} size={24} />
      </fieldset>
    ) : null}
    <fieldset>
      <legend>评价状态</legend>
      <div>
        <input type="checkbox" id="suspended" name="suspended" checked={v.suspended} />{' '}
        <label for="suspended" class="inline-label">
          因涉嫌环境犯罪被立案侦查，暂停本年度评价
        </label>
      </div>
      <label for="suspendedReason">暂停评价原因</label>
      <textarea id="suspendedReason" name="suspendedReason" maxLength={500}>
        {v.suspendedReason}
      </textarea>
      <div>
        <input type="checkbox" id="reportedLate" name="reportedLate" checked={v.reportedLate} />{' '}
        <label for="reportedLate" class="inline-label">
          未按时如实报送环境信息（第三十二条，不享受激励措施）
        </label>
      </div>
    </fieldset>
    <label for="why">{isNew ? '登记说明（可不填）' : '修改原因'}</label>
    <textarea id="why" name="why" maxLength={500} required={!isNew}>
      {v.why}
    </textarea>
    <p>
      <button type="submit">{isNew ? '登记' : '保存修改'}</button>
    </p>
  </form>
);

const leagueOfCaller = (ctx: PageContext<WebDeps>): string =>
  ctx.session?.claims.role === 'league' ? (ctx.session.claims.league ?? '') : '';

const KindLinks = ({ current }: { current: SubjectKind }) => (
  <nav aria-label="选择主体类型">
    <p>
      {SUBJECT_KINDS.map((k) =>
        k === current ? (
          <strong class="tag" aria-current="page">
            {kindName(k)}
          </strong>
        ) : (
          <a class="tag" href={`/console/subjects/new?kind=${k}`}>
            {kindName(k)}
          </a>
        ),
      )}
    </p>
  </nav>
);

const formPage = (
  ctx: PageContext<WebDeps>,
  v: SubjectFormValues,
  isNew: boolean,
  refusal: Refusal | null,
  status = 200,
) => {
  const action = isNew ? '/console/subjects/new' : `${subjectPath(v)}/edit`;
  return ctx.render(
    isNew ? '登记评价对象' : `编辑登记信息：${v.name || v.id}`,
    <>
      {isNew ? (
        <KindLinks current={v.kind} />
      ) : (
        <p>
          <a href={subjectPath(v)}>返回该主体</a>
        </p>
      )}
      {refusal ? <RefusalMessage refusal={refusal} /> : null}
      {refusal?.status === 'conflict' && !isNew ? (
        <p>
          <a href={`${subjectPath(v)}/edit`}>重新打开编辑页面</a>
        </p>
      ) : null}
      <SubjectFormView v={v} action={action} csrf={ctx.csrf} isNew={isNew} />
    </>,
    status,
  );
};

export const newSubjectPage = async (ctx: PageContext<WebDeps>) => {
  const kind = ctx.req.query.kind === undefined ? 'enterprise' : kindOf(ctx.req.query.kind);
  if (kind === null)
    return ctx.refuse({
      status: 'invalid',
      issues: [{ path: '主体类型', message: '主体类型须为企事业单位、第三方服务机构或相关从业人员' }],
    });
  return formPage(ctx, emptyValues(kind, leagueOfCaller(ctx)), true, null);
};

export const editSubjectPage = async (ctx: PageContext<WebDeps>) => {
  const out = await ctx.deps.console.subjects.detail.execute(ctx.caller, ctx.params.kind!, ctx.params.id!);
  if (out.status !== 'ok') return ctx.refuse(named(out));
  const { profile } = out.value;
  return formPage(ctx, valuesOfSubject(profile.subject, profile.version), false, null);
};

const save = async (ctx: PageContext<WebDeps>, kind: SubjectKind, id: string, isNew: boolean) => {
  const v = valuesOfForm(kind, id, ctx.req.form, ctx.req.formAll);
  const { body, issues } = bodyOfValues(v);
  if (issues.length > 0) return formPage(ctx, v, isNew, named({ status: 'invalid', issues }), 400);
  const out = await ctx.deps.console.subjects.save.execute(ctx.caller, { kind, id }, body, v.version, v.why || null);
  if (out.status === 'ok') return redirect(`${subjectPath({ kind, id })}?saved=${out.value.profile.version}`);
  if (out.status === 'invalid') return formPage(ctx, v, isNew, named(out), 400);
  if (out.status === 'conflict') return formPage(ctx, v, isNew, out, 409);
  return ctx.refuse(out);
};

export const postNewSubject = async (ctx: PageContext<WebDeps>) => {
  const kind = kindOf(ctx.req.form.kind);
  if (kind === null)
    return ctx.refuse({
      status: 'invalid',
      issues: [{ path: '主体类型', message: '主体类型须为企事业单位、第三方服务机构或相关从业人员' }],
    });
  return save(ctx, kind, (ctx.req.form.id ?? '').trim(), true);
};

export const postEditSubject = async (ctx: PageContext<WebDeps>) => {
  const kind = kindOf(ctx.params.kind);
  if (kind === null)
    return ctx.refuse({
      status: 'invalid',
      issues: [{ path: '主体类型', message: '主体类型须为企事业单位、第三方服务机构或相关从业人员' }],
    });
  return save(ctx, kind, ctx.params.id!, false);
};
