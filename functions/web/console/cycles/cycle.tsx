import { ACT_NAMES, ACTS, type Act } from '../../../../domain/cycles/definitions.ts';
import type { CycleView } from '../../../cycles/cycleView.ts';
import type { WebDeps } from '../../deps.ts';
import type { PageContext } from '../../router.ts';
import { chineseDate, leagueName } from '../../ui/format.ts';
import { CsrfField } from '../../ui/layout.tsx';
import {
  articleText,
  cycleTitle,
  DueText,
  deadlineName,
  jurisdictionText,
  offerConfirm,
  offerText,
  stageName,
} from './parts.tsx';
import type { ActOffer, ConsoleCycle } from './readConsoleCycle.ts';

export const SCHEDULE_NAMES: Record<string, string> = { scheduled: '计时中', fired: '已届满', cancelled: '已办结' };

const Deadlines = ({ c, league, label }: { c: ConsoleCycle; league: string | null; label: string }) => {
  const rows = c.view.deadlines.filter((d) => d.league === league).sort((a, b) => a.on.localeCompare(b.on));
  if (rows.length === 0) return <p class="muted">暂无期限。</p>;
  return (
    <div class="table-wrap">
      <table aria-label={`${label}的期限`}>
        <thead>
          <tr>
            <th scope="col">期限</th>
            <th scope="col">截止日期</th>
            <th scope="col">状态</th>
            <th scope="col">依据</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((d) => (
            <tr>
              <td>{deadlineName(d.id, d.stage, d.type)}</td>
              <td>
                <DueText
                  on={d.on}
                  provisional={d.provisional}
                  left={d.schedule === 'scheduled' ? c.workingDaysLeft[d.id] : undefined}
                />
              </td>
              <td>{SCHEDULE_NAMES[d.schedule] ?? d.schedule}</td>
              <td>{articleText(d.article)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
};

const Alerts = ({ c, responsible }: { c: ConsoleCycle; responsible: string }) => {
  const alerts = c.view.alerts.filter((a) => a.responsible === responsible);
  return alerts.length === 0 ? null : (
    <ul>
      {alerts.map((a) => (
        <li class="overdue">
          {`逾期提醒：${a.stage === 'OBJECTION' ? '异议复核' : `“${stageName(a.stage)}”`}应于${chineseDate(a.limitOn)}前完成（${articleText(a.article)}），已逾期 ${a.overdueByWorkingDays} 个工作日`}
        </li>
      ))}
    </ul>
  );
};

const ActForm = ({ o, year, kind, csrf, n }: { o: ActOffer; year: number; kind: string; csrf: string; n: number }) => {
  const noteId = `act-${n}-note`;
  return (
    <form method="post" action={`/console/cycles/${year}/${kind}/acts`} class="act" data-confirm={offerConfirm(o)}>
      <CsrfField token={csrf} />
      <input type="hidden" name="act" value={o.act} />
      {o.league ? <input type="hidden" name="league" value={o.league} /> : null}
      {o.caseId ? <input type="hidden" name="caseId" value={o.caseId} /> : null}
      {o.asksCaseId ? (
        <span>
          <label for={`act-${n}-case`}>异议案件编号</label>
          <input
            id={`act-${n}-case`}
            name="caseId"
            required
            maxLength={64}
            pattern="[A-Za-z0-9._:\-]{1,64}"
            size={16}
          />{' '}
        </span>
      ) : null}
      <button type="submit" aria-describedby={noteId}>
        {`${ACT_NAMES[o.act]}${o.caseId ? `（${o.caseId}）` : ''}`}
      </button>{' '}
      <span id={noteId} class="act-note">
        {offerText(o)}
      </span>
    </form>
  );
};

const Acts = ({ c, league, csrf }: { c: ConsoleCycle; league: string | null; csrf: string }) => {
  const offers = c.offers.map((o, n) => ({ o, n })).filter(({ o }) => o.league === league);
  return (
    <>
      <h3>{league === null ? '自治区可办理的程序' : '可办理的程序'}</h3>
      {offers.length === 0 ? (
        <p class="muted">当前没有您可以办理的程序。</p>
      ) : (
        offers.map(({ o, n }) => <ActForm o={o} n={n} year={c.view.year} kind={c.view.kind} csrf={csrf} />)
      )}
    </>
  );
};

const Objections = ({ objections }: { objections: CycleView['objections'] }) =>
  objections.length === 0 ? null : (
    <ul>
      {objections.map((o) => (
        <li>
          {`异议 ${o.caseId}：${chineseDate(o.receivedOn)}受理，${o.status === 'reviewed' ? `${chineseDate(o.reviewedOn ?? '')}复核完毕` : '待复核'}`}
        </li>
      ))}
    </ul>
  );

export const CyclePageView = ({ c, csrf, recorded }: { c: ConsoleCycle; csrf: string; recorded: string | null }) => (
  <>
    <p>
      <a href="/console">返回工作台</a>{' '}
      <a class="button secondary" href={`/exports/console/cycles/${c.view.year}/${c.view.kind}`}>
        导出 Excel
      </a>
    </p>
    {recorded ? (
      <p class="notice ok" role="status">
        {recorded}
      </p>
    ) : null}
    {c.view.leagues.map((l) => (
      <section class="card" id={`league-${l.league}`} aria-labelledby={`league-${l.league}-h`}>
        <h2 id={`league-${l.league}-h`}>{leagueName(l.league)}</h2>
        <p>
          当前阶段：<strong>{l.stage === 'DONE' ? '盟市阶段已完成（已报送自治区）' : l.stageName}</strong>
          {l.openedOn ? `（${chineseDate(l.openedOn)}起）` : ''}
        </p>
        {c.view.kind === 'practitioner' ? null : (
          <p>
            <a href={`/console/participants/${c.view.year}/${c.view.kind}?league=${l.league}`}>
              {`${leagueName(l.league)}参评名单`}
            </a>
          </p>
        )}
        <Alerts c={c} responsible={l.league} />
        <Deadlines c={c} league={l.league} label={leagueName(l.league)} />
        <Objections objections={c.view.objections.filter((o) => o.league === l.league)} />
        <Acts c={c} league={l.league} csrf={csrf} />
      </section>
    ))}
    <section class="card" id="region" aria-labelledby="region-h">
      <h2 id="region-h">自治区阶段</h2>
      <p>
        当前阶段：<strong>{c.view.region.stageName ?? '尚未开始（待各盟市报送）'}</strong>
      </p>
      <Alerts c={c} responsible="150000" />
      <Deadlines c={c} league={null} label="自治区" />
      <Acts c={c} league={null} csrf={csrf} />
    </section>
  </>
);

/** The notice after an act was recorded (the redirect's query names it). */
const recordedText = (query: Readonly<Record<string, string>>): string | null => {
  const act = query.recorded;
  if (!act || !(ACTS as readonly string[]).includes(act)) return null;
  const league = query.league && /^\d{6}$/.test(query.league) ? query.league : null;
  return `已记录“${ACT_NAMES[act as Act]}”（${jurisdictionText(league)}）。新的阶段和期限见下。`;
};

/** `/console/cycles/{year}/{kind}`: one cycle, its leagues' stages and deadlines, and the acts to record. */
export const cyclePage = async (ctx: PageContext<WebDeps>, year: number, kind: CycleView['kind']) => {
  const r = await ctx.deps.console.cycleConsole.readCycle.execute(ctx.caller, year, kind);
  if (r.status === 'notFound') return ctx.refuse(r, '未找到该评价周期');
  if (r.status !== 'ok') return ctx.refuse(r);
  return ctx.render(
    `${cycleTitle(year, kind)}周期`,
    <CyclePageView c={r.value} csrf={ctx.csrf} recorded={recordedText(ctx.req.query)} />,
  );
};
