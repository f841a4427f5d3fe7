import { SUBJECT_KINDS } from '../../../../domain/catalogue/kinds.ts';
import type { Grade } from '../../../../domain/evaluation/grade.ts';
import type { WebDeps } from '../../deps.ts';
import type { PageContext } from '../../router.ts';
import { GradeDistributionChart, ProgressChart } from '../../ui/charts.tsx';
import { chineseDate, GRADES, kindName, leagueName, workingDaysLeftText } from '../../ui/format.ts';
import { CsrfField } from '../../ui/layout.tsx';
import { articleText, cycleTitle, deadlineName, jurisdictionText, stageName } from './parts.tsx';
import type { Dashboard, DashboardCycle, LeagueProgress } from './readDashboard.ts';

const progressText = (p: LeagueProgress): string =>
  p.finished
    ? `本周期已完成（${stageName(p.stage)}）`
    : p.waiting
      ? '已报送，等待其他盟市报送'
      : `${p.regionStage ? '自治区：' : ''}${stageName(p.stage)}`;

const CycleCard = ({ c }: { c: DashboardCycle }) => {
  const id = `cycle-${c.year}-${c.kind}`;
  return (
    <section class="card" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{cycleTitle(c.year, c.kind)}</h2>
      <p>
        <a href={`/console/cycles/${c.year}/${c.kind}`}>{`查看并办理${c.year}年度${kindName(c.kind)}评价周期`}</a>
      </p>
      <ProgressChart
        id={`${id}-progress`}
        title={`${cycleTitle(c.year, c.kind)}：各盟市进度（已完成阶段数/全部阶段数）`}
        rows={c.progress.map((p) => ({
          label: leagueName(p.league),
          done: p.done,
          of: p.of,
          now: progressText(p),
          overdue: p.overdue,
        }))}
      />
      <h3>临近的期限</h3>
      {c.deadlines.length === 0 ? (
        <p class="muted">暂无待到期的期限。</p>
      ) : (
        <div class="table-wrap">
          <table aria-label={`${cycleTitle(c.year, c.kind)}临近的期限`}>
            <thead>
              <tr>
                <th scope="col">期限</th>
                <th scope="col">办理单位</th>
                <th scope="col">截止日期</th>
                <th scope="col">剩余工作日</th>
                <th scope="col">依据</th>
              </tr>
            </thead>
            <tbody>
              {c.deadlines.map((d) => (
                <tr>
                  <td>{deadlineName(d.id, d.stage, d.type)}</td>
                  <td>{jurisdictionText(d.league)}</td>
                  <td>{`${chineseDate(d.on)}${d.provisional ? '（暂定）' : ''}`}</td>
                  <td class={d.workingDaysLeft < 0 ? 'overdue' : undefined}>
                    {workingDaysLeftText(d.workingDaysLeft)}
                  </td>
                  <td>{articleText(d.article)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h3>逾期提醒</h3>
      {c.alerts.length === 0 ? (
        <p class="muted">没有逾期事项。</p>
      ) : (
        <ul>
          {c.alerts.map((a) => (
            <li class="overdue">
              {`${jurisdictionText(a.league)}：“${stageName(a.stage)}”应于${chineseDate(a.limitOn)}前完成（${articleText(a.article)}），已逾期 ${a.overdueByWorkingDays} 个工作日`}
            </li>
          ))}
        </ul>
      )}
      <h3>可能无法按期完成的固定日期</h3>
      {c.atRisk.length === 0 ? (
        <p class="muted">按当前进度，各固定日期均可按期完成。</p>
      ) : (
        <ul>
          {c.atRisk.map((r) => (
            <li>
              {`${jurisdictionText(r.league)}：“${stageName(r.stage)}”须于${chineseDate(r.on)}前（${articleText(r.article)}），按法定期间依次办理最早${r.plannedOn ? `于${chineseDate(r.plannedOn)}` : ''}完成，超出 ${r.atRiskBy} 个工作日`}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
};

const OpenCycleForm = ({ csrf, year }: { csrf: string; year: number }) => (
  <section class="card" aria-labelledby="open-cycle-h">
    <h2 id="open-cycle-h">开启评价周期</h2>
    <form
      method="post"
      action="/console/cycles"
      class="filters"
      data-confirm="确定开启该评价周期吗？开启后十二个盟市进入“确定参评名单”阶段，并排定各固定日期。"
    >
      <CsrfField token={csrf} />
      <div>
        <label for="open-kind">评价对象类型</label>
        <select id="open-kind" name="kind">
          {SUBJECT_KINDS.map((k) => (
            <option value={k}>{kindName(k)}</option>
          ))}
        </select>
      </div>
      <div>
        <label for="open-year">评价年度</label>
        <input id="open-year" name="year" inputMode="numeric" pattern="\d{4}" size={6} value={String(year)} required />
      </div>
      <button type="submit">开启评价周期</button>
    </form>
    <p class="muted">
      开启后，十二个盟市均进入“确定参评名单”阶段，并按《暂行办法》第十六至十八条排定次年的各固定日期（如确定名单、报送、公示、公布的期限）。
    </p>
  </section>
);

const Grades = ({ g, today }: { g: Dashboard['grades']; today: string }) => {
  const thisYear = Number(today.slice(0, 4));
  return (
    <section aria-labelledby="grades-h">
      <h2 id="grades-h">{`${g.year}年度实时评价结果等级分布`}</h2>
      <form method="get" action="/console" class="filters">
        <div>
          <label for="grade-year">年度</label>
          <select id="grade-year" name="year">
            {[thisYear, thisYear - 1, thisYear - 2].map((y) => (
              <option value={String(y)} selected={y === g.year}>{`${y}年度`}</option>
            ))}
          </select>
        </div>
        <button type="submit" class="secondary">
          查看
        </button>
      </form>
      {g.byKind.map(({ kind, rows }) => {
        const unrated = rows.reduce((s, r) => s + (r.counts.NONE ?? 0), 0);
        return (
          <>
            <h3>{kindName(kind)}</h3>
            <GradeDistributionChart
              id={`grades-${kind}`}
              title={`${kindName(kind)}（${g.year}年度实时结果）`}
              rows={rows.map((r) => ({
                label: leagueName(r.league),
                counts: Object.fromEntries(GRADES.map((x) => [x, r.counts[x] ?? 0])) as Record<Grade, number>,
              }))}
            />
            {unrated > 0 ? <p class="muted">{`另有 ${unrated} 家${kindName(kind)}暂不评级。`}</p> : null}
          </>
        );
      })}
      <p class="muted">实时结果随信用记录变化，尚未公布；已公布的结果见“评价结果名单”。</p>
    </section>
  );
};

export const DashboardView = ({ d, csrf }: { d: Dashboard; csrf: string }) => (
  <>
    <p>
      {`今天是${chineseDate(d.today)}。`}
      <a href="/console/calendars">节假日安排</a> · <a href="/console/stuck">未能入库的记录</a>
    </p>
    {d.cycles.length === 0 ? <p class="notice">暂无进行中的评价周期。</p> : null}
    {d.cycles.map((c) => (
      <CycleCard c={c} />
    ))}
    {d.mayOpen ? <OpenCycleForm csrf={csrf} year={Number(d.today.slice(0, 4))} /> : null}
    <Grades g={d.grades} today={d.today} />
  </>
);

/** `/console`: the bureau's dashboard. */
export const dashboardPage = async (ctx: PageContext<WebDeps>) => {
  const yearText = ctx.req.query.year;
  if (yearText !== undefined && !/^\d{4}$/.test(yearText))
    return ctx.refuse({ status: 'invalid', issues: [{ path: 'year', message: '年度须为四位数字' }] });
  const r = await ctx.deps.console.cycleConsole.dashboard.execute(
    ctx.caller,
    yearText === undefined ? undefined : Number(yearText),
  );
  if (r.status !== 'ok') return ctx.refuse(r);
  return ctx.render('工作台', <DashboardView d={r.value} csrf={ctx.csrf} />);
};
