import { FILING_STATUS_NAMES, type FilingStatus } from '../../../../domain/filing/filing.ts';
import { LEAGUE_CODES } from '../../../../domain/identifiers/leagues.ts';
import {
  CATEGORY_NAMES,
  COLUMNS,
  columnName,
  EMPLOYER_KIND_NAMES,
} from '../../../../domain/participants/importList.ts';
import {
  BASES_OF_KIND,
  BASIS_ORDINALS,
  basisText,
  INCLUSION_BASES,
} from '../../../../domain/participants/participant.ts';
import type { ParticipantListView } from '../../../participants/participantLists.ts';
import type { ParticipantAudit, ParticipantListRef } from '../../../ports/participants.ts';
import type { VoluntaryApplication } from '../../../ports/voluntary.ts';
import type { Invalid, Refusal } from '../../../shared/errors.ts';
import type { WebDeps } from '../../deps.ts';
import { redirect } from '../../http/response.ts';
import type { PageContext } from '../../router.ts';
import { AgencyCategoriesFieldset } from '../../ui/fields.tsx';
import { leagueOptions, SelectFilter } from '../../ui/filters.tsx';
import { chineseDateTime, leagueName } from '../../ui/format.ts';
import { CsrfField } from '../../ui/layout.tsx';
import { RefusalMessage } from '../../ui/refusal.tsx';
import { FilingsSection } from './filingsSection.tsx';
import { codeShown, detailText, exportPath, listPath, listRefOf, listTitle } from './listRef.ts';
import { rowOfRef, rowRefOf } from './rowRef.ts';

type Ctx = PageContext<WebDeps>;

const ACTION_NAMES: Record<ParticipantAudit['action'], string> = {
  'participants.imported': '导入名单',
  'participant.added': '添加参评单位',
  'participant.removed': '移除参评单位',
  'practitioner.declined': '不列入用人单位填报的从业人员',
};

/** The column of an entry's sites, categories or employer. */
const DETAIL_COLUMN = {
  enterprise: COLUMNS.sites,
  agency: COLUMNS.categories,
  practitioner: COLUMNS.employer,
} as const;

const countText = (q: Readonly<Record<string, string>>): string | null =>
  q.added === undefined ? null : `导入完成：新增 ${q.added}，更新 ${q.changed ?? 0}，未变 ${q.unchanged ?? 0}。`;

const DONE: Record<string, string> = {
  listed: '已将该从业人员列入参评名单。',
  notListed: '已将该从业人员记为未列入参评名单。',
  added: '已添加参评单位。',
  removed: '已移除参评单位。',
  accepted: '已接受自愿参加申请，该单位已列入参评名单。',
  declined: '已不予接受自愿参加申请。',
};

const LeaguePicker = ({ list }: { list: ParticipantListRef }) => (
  <search>
    <form method="get" action={`/console/participants/${list.year}/${list.kind}`} class="filters">
      <SelectFilter name="league" label="盟市" options={leagueOptions(LEAGUE_CODES)} selected={list.league} />
      <button type="submit">查看</button>
    </form>
  </search>
);

const ReasonField = ({ id, confirmed }: { id: string; confirmed: boolean }) => (
  <>
    <label for={id}>{confirmed ? '理由（名单已确定，必填）' : '理由（可不填）'}</label>
    <textarea id={id} name="why" maxLength={500} required={confirmed} />
  </>
);

/**
 * Art 18(6): a practitioner's row is named in forms by an opaque reference, never by the resident ID
 * (the region's staff see it masked); units are named by their public codes.
 */
const rowIdOf = (ctx: Ctx, list: ParticipantListRef, code: string): string =>
  list.kind === 'practitioner' ? rowRefOf(ctx.signer, list, [code]) : code;

const RowField = ({ ctx, list, code }: { ctx: Ctx; list: ParticipantListRef; code: string }) =>
  list.kind === 'practitioner' ? (
    <input type="hidden" name="ref" value={rowIdOf(ctx, list, code)} />
  ) : (
    <input type="hidden" name="code" value={code} />
  );

const Entries = ({
  ctx,
  list,
  view,
  filing,
}: {
  ctx: Ctx;
  list: ParticipantListRef;
  view: ParticipantListView;
  /** Art 20: each participant's 填报情况, once the league notified its participants. */
  filing: ReadonlyMap<string, FilingStatus>;
}) => (
  <div class="table-wrap">
    <table>
      <caption>
        {list.kind === 'practitioner'
          ? `参评从业人员（共 ${view.entries.length} 人）`
          : `参评单位（共 ${view.entries.length} 家）`}
      </caption>
      <thead>
        <tr>
          <th scope="col">{columnName(list.kind, 'code')}</th>
          <th scope="col">{columnName(list.kind, 'name')}</th>
          <th scope="col">{COLUMNS.basis}</th>
          <th scope="col">{DETAIL_COLUMN[list.kind]}</th>
          <th scope="col">填报情况</th>
          <th scope="col">操作</th>
        </tr>
      </thead>
      <tbody>
        {view.entries.map((e) => (
          <tr>
            <td>{codeShown(ctx, e)}</td>
            <td>{e.name}</td>
            <td>{basisText(e.basis)}</td>
            <td>{detailText(e) || '—'}</td>
            <td>{filing.has(e.code) ? FILING_STATUS_NAMES[filing.get(e.code)!] : '—'}</td>
            <td>
              <form
                method="post"
                action={listPath(list).replace('?', '/remove?')}
                class="inline"
                data-confirm={`确定将“${e.name}”移出参评名单吗？`}
              >
                <CsrfField token={ctx.csrf} />
                <RowField ctx={ctx} list={list} code={e.code} />
                {view.confirmed ? <ReasonField id={`why-${rowIdOf(ctx, list, e.code)}`} confirmed /> : null}
                <button type="submit" class="secondary" aria-label={`移除 ${e.name}`}>
                  移除
                </button>
              </form>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  </div>
);

const AddForm = ({
  ctx,
  list,
  confirmed,
  v,
}: {
  ctx: Ctx;
  list: ParticipantListRef;
  confirmed: boolean;
  /** The values of a form refused, shown again. */
  v: Readonly<Record<string, string>>;
}) => (
  <form method="post" action={listPath(list).replace('?', '/add?')}>
    <CsrfField token={ctx.csrf} />
    <label for="code">{columnName(list.kind, 'code')}</label>
    <input id="code" name="code" maxLength={18} size={24} required value={v.code ?? ''} />
    <label for="name">{columnName(list.kind, 'name')}</label>
    <input id="name" name="name" maxLength={200} required value={v.name ?? ''} />
    <label for="basis">{COLUMNS.basis}（第六条）</label>
    <select id="basis" name="basis">
      {BASES_OF_KIND[list.kind].map((b) => (
        <option value={b} selected={v.basis === b}>
          {`${BASIS_ORDINALS[b]}${INCLUSION_BASES[b]}`}
        </option>
      ))}
    </select>
    {list.kind === 'practitioner' ? (
      <>
        <label for="employer">{COLUMNS.employer}</label>
        <input id="employer" name="employer" maxLength={18} size={24} required value={v.employer ?? ''} />
        <label for="employerKind">{COLUMNS.employerKind}</label>
        <select id="employerKind" name="employerKind">
          {(['agency', 'enterprise'] as const).map((k) => (
            <option value={k} selected={v.employerKind === k}>
              {EMPLOYER_KIND_NAMES[k]}
            </option>
          ))}
        </select>
      </>
    ) : list.kind === 'enterprise' ? (
      <>
        <label for="sites">{COLUMNS.sites}（如“P001:60%；P002:40%”，合计100%，可不填）</label>
        <input id="sites" name="sites" size={40} value={v.sites ?? ''} />
      </>
    ) : (
      <AgencyCategoriesFieldset
        legend={`${COLUMNS.categories}（附件2 机构分类，至少一项）`}
        checked={(c) => (v.categories ?? '').split('；').includes(c)}
      />
    )}
    <ReasonField id="why-add" confirmed={confirmed} />
    <p>
      <button type="submit">添加</button>
    </p>
  </form>
);

const ImportForm = ({ ctx, list, confirmed }: { ctx: Ctx; list: ParticipantListRef; confirmed: boolean }) => (
  <form
    method="post"
    enctype="multipart/form-data"
    action={`${exportPath(list, 'import')}?${new URLSearchParams({ league: list.league, _csrf: ctx.csrf }).toString()}`}
  >
    <label for="file">名单文件（.xlsx，按导入模板填写）</label>
    <input id="file" name="file" type="file" required accept=".xlsx" />
    <ReasonField id="why-import" confirmed={confirmed} />
    <p>
      <button type="submit">导入</button>
    </p>
  </form>
);

/** Art 6(8): the pending applications to join this list of one's own accord, each to accept or decline. */
const Applications = ({
  ctx,
  list,
  pending,
  confirmed,
}: {
  ctx: Ctx;
  list: ParticipantListRef;
  pending: readonly VoluntaryApplication[];
  confirmed: boolean;
}) => (
  <div class="table-wrap">
    <table>
      <caption>{`待处理的自愿参加申请（共 ${pending.length} 份）`}</caption>
      <thead>
        <tr>
          <th scope="col">{COLUMNS.code}</th>
          <th scope="col">{COLUMNS.name}</th>
          {list.kind === 'agency' ? <th scope="col">{COLUMNS.categories}</th> : null}
          <th scope="col">申请时间</th>
          <th scope="col">接受</th>
          <th scope="col">不予接受</th>
        </tr>
      </thead>
      <tbody>
        {pending.map((a) => (
          <tr>
            <td>{a.code}</td>
            <td>{a.name}</td>
            {list.kind === 'agency' ? (
              <td>{(a.categories ?? []).map((c) => CATEGORY_NAMES[c]).join('；') || '—'}</td>
            ) : null}
            <td>{chineseDateTime(a.appliedAt)}</td>
            <td>
              <form method="post" action={listPath(list).replace('?', '/voluntary/accept?')} class="inline">
                <CsrfField token={ctx.csrf} />
                <input type="hidden" name="code" value={a.code} />
                {confirmed ? <ReasonField id={`why-accept-${a.code}`} confirmed /> : null}
                <button type="submit" aria-label={`接受 ${a.name}`}>
                  接受
                </button>
              </form>
            </td>
            <td>
              <form method="post" action={listPath(list).replace('?', '/voluntary/decline?')} class="inline">
                <CsrfField token={ctx.csrf} />
                <input type="hidden" name="code" value={a.code} />
                <label for={`why-decline-${a.code}`}>{`不予接受 ${a.name} 的理由（必填）`}</label>
                <textarea id={`why-decline-${a.code}`} name="why" maxLength={500} required />
                <button type="submit" class="secondary" aria-label={`不予接受 ${a.name}`}>
                  不予接受
                </button>
              </form>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  </div>
);

const Trail = ({ ctx, list, audit }: { ctx: Ctx; list: ParticipantListRef; audit: readonly ParticipantAudit[] }) => (
  <div class="table-wrap">
    <table>
      <caption>名单变更记录</caption>
      <thead>
        <tr>
          <th scope="col">时间</th>
          <th scope="col">操作</th>
          <th scope="col">内容</th>
          <th scope="col">理由</th>
        </tr>
      </thead>
      <tbody>
        {[...audit].reverse().map((a) => (
          <tr>
            <td>{chineseDateTime(a.at)}</td>
            <td>{`${ACTION_NAMES[a.action]}${a.afterConfirmation ? '（名单确定后）' : ''}`}</td>
            <td>
              {a.action === 'participants.imported'
                ? `新增 ${a.what.added ?? 0}，更新 ${a.what.changed ?? 0}，未变 ${a.what.unchanged ?? 0}`
                : codeShown(ctx, { kind: list.kind, code: String(a.what.code ?? ''), league: list.league })}
            </td>
            <td>{a.why ?? '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  </div>
);

export const renderListPage = async (
  ctx: Ctx,
  list: ParticipantListRef,
  problem?: Invalid,
  values: Readonly<Record<string, string>> = {},
) => {
  const [out, applications, filings, filingStatus] = await Promise.all([
    ctx.deps.console.participants.lists.read(ctx.caller, list),
    ctx.deps.console.voluntary.decisions.pending(ctx.caller, list),
    ctx.deps.console.practitioners.decisions.filed(ctx.caller, list),
    ctx.deps.console.filing.statuses.execute(ctx.caller, list),
  ]);
  if (out.status !== 'ok') return ctx.refuse(out);
  if (applications.status !== 'ok') return ctx.refuse(applications);
  if (filings.status !== 'ok') return ctx.refuse(filings);
  const view = out.value;
  const q = ctx.req.query;
  const done = countText(q) ?? (q.done ? DONE[q.done] : undefined);
  return ctx.render(
    listTitle(list, leagueName(list.league)),
    <>
      {ctx.session?.claims.role === 'region' ? <LeaguePicker list={list} /> : null}
      {done ? (
        <p class="notice ok" role="status">
          {done}
        </p>
      ) : null}
      {problem ? <RefusalMessage refusal={problem} /> : null}
      <p class="notice">
        {view.confirmed
          ? '本盟市参评名单已确定（确定参评名单）：此后修改名单须填写理由，并记入变更记录。'
          : '参评名单尚未确定：修改记入变更记录。'}
      </p>
      <p>
        <a class="button secondary" href={`${exportPath(list, 'template')}?league=${list.league}`}>
          下载导入模板
        </a>{' '}
        <a
          class="button secondary"
          href={`/exports/console/participants/${list.year}/${list.kind}?league=${list.league}`}
        >
          导出 Excel
        </a>
      </p>
      {view.entries.length === 0 ? (
        <p class="notice">{list.kind === 'practitioner' ? '名单中还没有参评从业人员。' : '名单中还没有参评单位。'}</p>
      ) : (
        <Entries
          ctx={ctx}
          list={list}
          view={view}
          filing={filingStatus.status === 'ok' ? filingStatus.value : new Map()}
        />
      )}
      {list.kind === 'practitioner' ? (
        <FilingsSection ctx={ctx} list={list} filings={filings.value} confirmed={view.confirmed} />
      ) : null}
      <h2>自愿参加申请</h2>
      {applications.value.length === 0 ? (
        <p>暂无待处理的自愿参加申请。</p>
      ) : (
        <Applications ctx={ctx} list={list} pending={applications.value} confirmed={view.confirmed} />
      )}
      <h2>导入名单</h2>
      <p>整份文件先全部检查：有任何一行有误，则列出全部问题，不保存任何内容。同一文件重复导入不会改变名单。</p>
      <ImportForm ctx={ctx} list={list} confirmed={view.confirmed} />
      <h2>{list.kind === 'practitioner' ? '添加参评从业人员' : '添加参评单位'}</h2>
      <AddForm ctx={ctx} list={list} confirmed={view.confirmed} v={values} />
      <h2>变更记录</h2>
      {view.audit.length === 0 ? <p>暂无变更。</p> : <Trail ctx={ctx} list={list} audit={view.audit} />}
    </>,
    problem ? 400 : 200,
  );
};

/** `GET /console/participants/{year}/{kind}?league=`: a league's list of participants of a cycle. */
export const participantListPage = async (ctx: Ctx) => {
  const ref = listRefOf(ctx);
  if (!('ok' in ref)) return ctx.refuse(ref);
  return renderListPage(ctx, ref.list);
};

/** `POST /console/participants/{year}/{kind}/add?league=`: one entry, checked as a row of an import. */
export const postAddParticipant = async (ctx: Ctx) => {
  const ref = listRefOf(ctx);
  if (!('ok' in ref)) return ctx.refuse(ref);
  const f = ctx.req.form;
  const cells = {
    code: f.code ?? '',
    name: f.name ?? '',
    league: ref.list.league,
    basis: f.basis ?? '',
    sites: f.sites ?? '',
    categories: (ctx.req.formAll.categories ?? []).join('；'),
    employer: f.employer ?? '',
    employerKind: f.employerKind ?? '',
  };
  const out = await ctx.deps.console.participants.lists.add(ctx.caller, ref.list, cells, f.why ?? '');
  if (out.status === 'invalid') return renderListPage(ctx, ref.list, out, cells);
  if (out.status !== 'ok') return ctx.refuse(out);
  return redirect(listPath(ref.list, { done: 'added' }));
};

/** The code a remove form names: a unit's code as posted, a practitioner's resolved from its row reference. */
const codeOfRow = async (ctx: Ctx, list: ParticipantListRef): Promise<string | Refusal> => {
  const f = ctx.req.form;
  if (f.ref === undefined) return f.code ?? '';
  const view = await ctx.deps.console.participants.lists.read(ctx.caller, list);
  if (view.status !== 'ok') return view;
  const entry = rowOfRef(ctx.signer, list, f.ref, view.value.entries, (e) => [e.code]);
  return entry === null ? { status: 'notFound' } : entry.code;
};

/** `POST /console/participants/{year}/{kind}/remove?league=`: one entry out of the list. */
export const postRemoveParticipant = async (ctx: Ctx) => {
  const ref = listRefOf(ctx);
  if (!('ok' in ref)) return ctx.refuse(ref);
  const code = await codeOfRow(ctx, ref.list);
  if (typeof code !== 'string') return ctx.refuse(code);
  const out = await ctx.deps.console.participants.lists.remove(ctx.caller, ref.list, code, ctx.req.form.why ?? '');
  if (out.status === 'invalid') return renderListPage(ctx, ref.list, out);
  if (out.status === 'notFound') return ctx.refuse(out, '该单位不在参评名单中');
  if (out.status !== 'ok') return ctx.refuse(out);
  return redirect(listPath(ref.list, { done: 'removed' }));
};

/** `POST /console/participants/{year}/{kind}/voluntary/{accept|decline}?league=`: decides an application (Art 6(8)). */
const decideApplication = (decision: 'accept' | 'decline') => async (ctx: Ctx) => {
  const ref = listRefOf(ctx);
  if (!('ok' in ref)) return ctx.refuse(ref);
  const out = await ctx.deps.console.voluntary.decisions[decision](
    ctx.caller,
    ref.list,
    ctx.req.form.code ?? '',
    ctx.req.form.why ?? '',
  );
  if (out.status === 'invalid') return renderListPage(ctx, ref.list, out);
  if (out.status === 'notFound') return ctx.refuse(out, '没有该单位的自愿参加申请');
  if (out.status !== 'ok') return ctx.refuse(out);
  return redirect(listPath(ref.list, { done: decision === 'accept' ? 'accepted' : 'declined' }));
};

export const postAcceptApplication = decideApplication('accept');
export const postDeclineApplication = decideApplication('decline');
