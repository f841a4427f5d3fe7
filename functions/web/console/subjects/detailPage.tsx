import { ruleByCode } from '../../../../domain/catalogue/catalogue.ts';
import type { AuditEntry } from '../../../ports/store.ts';
import type { WebDeps } from '../../deps.ts';
import type { PageContext } from '../../router.ts';
import { ScoreHistoryChart } from '../../ui/charts.tsx';
import { chineseDate, chineseDateTime, kindName, leagueName, REPAIR_STATUS_NAMES } from '../../ui/format.ts';
import { DisputedNotice } from '../objections/disputed.tsx';
import { Provenance } from '../objections/supplementPage.tsx';
import { AGENCY_CATEGORY_NAMES, AUDIT_ACTIONS, fieldName, named } from './labels.ts';
import { subjectPath } from './listPage.tsx';
import { Explanation } from './resultParts.tsx';
import type { SubjectDetail } from './subjectDetail.ts';

/** `/console/subjects/{kind}/{id}`: a subject's profile, live result and explanation, history, repairs and audit trail. */

/** Who acted, in words: a bureau, a reporting source, the system. */
export const actorText = (actor: string): string => {
  const [type, role, unit, person] = actor.split(':');
  if (type === 'staff') {
    const who =
      role === 'region'
        ? '自治区生态环境厅'
        : role === 'league'
          ? `${leagueName(unit)}生态环境局`
          : `${unit ?? ''}（本单位）`;
    return person ? `${who}（${person}）` : who;
  }
  if (type === 'webhook') return `报送来源 ${role ?? ''}`;
  if (type === 'system') return '系统';
  return actor;
};

const brief = (v: unknown, key?: string): string => {
  if (v === null || v === undefined) return '无';
  if (key === 'league' && typeof v === 'string') return leagueName(v);
  if (key === 'rule' && typeof v === 'string') return ruleByCode(v)?.wording ?? v;
  if (key === 'categories' && Array.isArray(v))
    return v.map((c) => AGENCY_CATEGORY_NAMES[String(c)] ?? String(c)).join('、');
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return String(v);
  const text = JSON.stringify(v);
  return text.length > 120 ? `${text.slice(0, 117)}…` : text;
};

/** What an entry changed: a profile's changed fields before → after, otherwise its facts. */
export const whatText = (e: AuditEntry): string => {
  const what = e.what as { before?: Record<string, unknown> | null; after?: Record<string, unknown> };
  if (what.after && typeof what.after === 'object') {
    const before = what.before ?? {};
    const changed = Object.keys({ ...before, ...what.after }).filter(
      (k) => k !== 'kind' && k !== 'id' && JSON.stringify(before[k]) !== JSON.stringify(what.after![k]),
    );
    const changes =
      changed.map((k) => `${fieldName(k)}：${brief(before[k], k)} → ${brief(what.after![k], k)}`).join('；') ||
      '无变化';
    // A unit nobody registered is registered from the year's list of participants (Art 16(1), 17(1), 18(1)).
    return (what as { from?: string }).from === 'participantList' ? `依参评名单登记：${changes}` : changes;
  }
  return Object.entries(e.what)
    .map(([k, v]) => `${fieldName(k)}：${brief(v, k)}`)
    .join('；');
};

const Profile = ({ d }: { d: SubjectDetail }) => {
  const s = d.profile.subject;
  return (
    <dl class="facts">
      <dt>类型</dt>
      <dd>{kindName(s.kind)}</dd>
      <dt>{s.kind === 'practitioner' ? '公民身份号码' : '统一社会信用代码'}</dt>
      <dd>{s.id}</dd>
      <dt>盟市</dt>
      <dd>{leagueName('league' in s ? s.league : null)}</dd>
      <dt>登记状态</dt>
      <dd>
        {d.profile.registration === 'registered' ? '已登记' : '未登记（由报送的信用信息自动生成，请完善登记信息）'}（第
        {d.profile.version}版，{chineseDateTime(d.profile.updatedAt)}）
      </dd>
      {s.kind === 'enterprise' ? (
        <>
          <dt>厂址</dt>
          <dd>
            {(s.sites ?? []).length === 0
              ? '未登记厂址'
              : (s.sites ?? [])
                  .map(
                    (x) =>
                      `${x.siteId}${x.name ? ` ${x.name}` : ''}${x.outputShare == null ? '' : `（产量占比 ${Math.round(x.outputShare * 10000) / 100}%）`}`,
                  )
                  .join('；')}
          </dd>
        </>
      ) : null}
      {s.kind === 'agency' ? (
        <>
          <dt>机构类别</dt>
          <dd>{s.categories.map((c) => AGENCY_CATEGORY_NAMES[c] ?? c).join('；')}</dd>
        </>
      ) : null}
      {s.kind === 'practitioner' ? (
        <>
          <dt>工作单位</dt>
          <dd>{s.employer ? `${kindName(s.employer.kind)} ${s.employer.id}` : '无'}</dd>
        </>
      ) : null}
      {s.suspended ? (
        <>
          <dt>暂停评价</dt>
          <dd>{s.suspended.reason}</dd>
        </>
      ) : null}
      {s.reportedLate ? (
        <>
          <dt>报送情况</dt>
          <dd>未按时如实报送环境信息（第三十二条）</dd>
        </>
      ) : null}
    </dl>
  );
};

const Repairs = ({ d }: { d: SubjectDetail }) =>
  d.repairs.length === 0 ? (
    <p class="muted">没有信用修复申请。</p>
  ) : (
    <div class="table-wrap">
      <table>
        <caption>信用修复申请</caption>
        <thead>
          <tr>
            <th scope="col">申请日期</th>
            <th scope="col">申请修复的信用信息</th>
            <th scope="col">核实期限</th>
            <th scope="col">状态</th>
            <th scope="col">理由</th>
          </tr>
        </thead>
        <tbody>
          {d.repairs.map((a) => (
            <tr>
              <td>{chineseDate(a.appliedOn)}</td>
              <td>{a.eventId}</td>
              <td>{chineseDate(a.verifyBy.on)}</td>
              <td>
                {a.status === 'pending' ? (
                  <a href={`/console/repairs/${a.subject.kind}/${encodeURIComponent(a.subject.id)}/${a.id}`}>
                    {a.overdue ? '待核实（已逾期）' : '待核实'}
                  </a>
                ) : (
                  `${REPAIR_STATUS_NAMES[a.status]}（${a.decidedOn ? chineseDate(a.decidedOn) : ''}）`
                )}
              </td>
              <td>{a.reason ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );

const Audit = ({ entries }: { entries: readonly AuditEntry[] }) =>
  entries.length === 0 ? (
    <p class="muted">暂无操作记录。</p>
  ) : (
    <div class="table-wrap">
      <table>
        <caption>操作记录（谁在何时因何修改了什么）</caption>
        <thead>
          <tr>
            <th scope="col">时间</th>
            <th scope="col">操作人</th>
            <th scope="col">操作</th>
            <th scope="col">内容</th>
            <th scope="col">原因</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr>
              <td>{chineseDateTime(e.at)}</td>
              <td>{actorText(e.actor)}</td>
              <td>{AUDIT_ACTIONS[e.action] ?? e.action}</td>
              <td>{whatText(e)}</td>
              <td>{e.why ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );

/** Art 16(1), 17(1): whether the year's result will be published, as the league's list decides it. */
const ListedNotice = ({ d }: { d: SubjectDetail }) =>
  d.listed === null ? null : d.listed.onList ? (
    <p class="muted">{`已列入${leagueName(d.listed.league)}${d.year}年度参评名单。`}</p>
  ) : (
    <p class="notice" role="note">
      {`未列入${leagueName(d.listed.league)}${d.year}年度参评名单：该年度评价结果不予公布（第十六条第一项、第十七条第一项）。`}
      <a href={`/console/participants/${d.year}/${d.ref.kind}?league=${d.listed.league}`}>查看参评名单</a>
    </p>
  );

export const subjectDetailPage = async (ctx: PageContext<WebDeps>) => {
  const out = await ctx.deps.console.subjects.detail.execute(
    ctx.caller,
    ctx.params.kind!,
    ctx.params.id!,
    ctx.req.query.year || undefined,
  );
  if (out.status !== 'ok') return ctx.refuse(named(out));
  const d = out.value;
  const disputed = await ctx.deps.console.objections.list.disputedOf(ctx.caller, d.ref);
  const provenance = await ctx.deps.console.objections.supplement.provenance(ctx.caller, d.ref);
  const path = subjectPath(d.ref);
  const saved = ctx.req.query.saved;
  return ctx.render(
    d.profile.subject.name ?? d.ref.id,
    <>
      {saved ? (
        <p class="notice ok" role="status">
          已保存（第{saved}版）。评价结果将按新的登记信息重新计算。
        </p>
      ) : null}
      <p>
        <a class="button" href={`${path}/edit`}>
          编辑登记信息
        </a>{' '}
        <a class="button secondary" href={`/console/what-if?kind=${d.ref.kind}&id=${encodeURIComponent(d.ref.id)}`}>
          评分模拟
        </a>
      </p>
      <h2>登记信息</h2>
      <Profile d={d} />
      <h2>{`${d.year}年度实时评价结果`}</h2>
      <nav aria-label="评价年度">
        {d.years.map((y) =>
          y === d.year ? (
            <strong class="tag" aria-current="page">{`${y}年`}</strong>
          ) : (
            <a class="tag" href={`${path}?year=${y}`}>{`${y}年`}</a>
          ),
        )}
      </nav>
      <ListedNotice d={d} />
      <DisputedNotice disputed={disputed} items={d.result?.items ?? []} />
      {d.result ? <Explanation result={d.result} /> : <p class="notice">该年度暂无评价结果。</p>}
      <Provenance rows={provenance} subject={d.ref} csrf={ctx.csrf} />
      <h2>历年得分</h2>
      {d.history.length === 0 ? (
        <p class="muted">暂无历年评价结果。</p>
      ) : (
        <>
          <ScoreHistoryChart
            id="score-history"
            title={`${d.profile.subject.name ?? d.ref.id}历年得分`}
            points={d.history}
          />
          <p class="muted">
            {d.history.map((p) => `${p.year}年${p.source === 'published' ? '（已公布）' : '（实时）'}`).join('、')}
          </p>
        </>
      )}
      <h2>信用修复申请</h2>
      <Repairs d={d} />
      <h2>操作记录</h2>
      <Audit entries={d.audit} />
    </>,
  );
};
