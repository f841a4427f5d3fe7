import type { InputIssue } from '../../../../domain/validation.ts';
import type { CalendarLoaded } from '../../../cycles/loadCalendar.ts';
import { authorize } from '../../../shared/policy.ts';
import type { WebDeps } from '../../deps.ts';
import type { PageContext } from '../../router.ts';
import { chineseDate, chineseDateTime, kindName, leagueName } from '../../ui/format.ts';
import { CsrfField } from '../../ui/layout.tsx';
import { RefusalMessage } from '../../ui/refusal.tsx';
import { CALENDAR_FIELDS, calendarRequestOf } from './calendarForm.ts';
import type { CalendarList, CalendarYear } from './listCalendars.ts';
import { movedDeadlineName } from './parts.tsx';

const days = (list: CalendarYear['holidays']) =>
  list.length === 0 ? '无' : list.map((d) => `${chineseDate(d.date)} ${d.name}`).join('；');

const YearsTable = ({ years }: { years: CalendarList['years'] }) => (
  <div class="table-wrap">
    <table>
      <caption>已采用的国务院节假日安排</caption>
      <thead>
        <tr>
          <th scope="col">年度</th>
          <th scope="col">来源</th>
          <th scope="col" class="num">
            放假天数
          </th>
          <th scope="col" class="num">
            调休上班天数
          </th>
          <th scope="col">载入</th>
        </tr>
      </thead>
      <tbody>
        {years.map((y) => (
          <tr>
            <td>
              <details>
                <summary>{`${y.year}年`}</summary>
                <p>{`放假：${days(y.holidays)}`}</p>
                <p>{`调休上班：${days(y.workdays)}`}</p>
              </details>
            </td>
            <td>{y.source === 'builtIn' ? '系统内置' : '已载入'}</td>
            <td class="num">{String(y.holidays.length)}</td>
            <td class="num">{String(y.workdays.length)}</td>
            <td>{y.loadedAt ? `${chineseDateTime(y.loadedAt)}（${y.loadedBy ?? ''}）` : '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  </div>
);

const LoadForm = ({
  csrf,
  values,
  issues,
}: {
  csrf: string;
  values: Readonly<Record<string, string>>;
  issues: readonly InputIssue[];
}) => (
  <section class="card" aria-labelledby="load-h">
    <h2 id="load-h">载入一年的节假日安排</h2>
    <p>
      国务院办公厅公布次年节假日安排后，按通知逐行填写。每行一项：“日期 名称”，连续多日可写作“2027-02-05~2027-02-11
      春节”。未载入官方安排的年度按周一至周五计算工作日，期限标为“暂定”。
    </p>
    {issues.length > 0 ? <RefusalMessage refusal={{ status: 'invalid', issues }} /> : null}
    <form
      method="post"
      action="/console/calendars"
      data-confirm="确定载入该年度节假日安排吗？按工作日计算的暂定期限将重新计算，已排定的期限随之调整。"
    >
      <CsrfField token={csrf} />
      <label for="cal-year">年度</label>
      <input
        id="cal-year"
        name="year"
        inputMode="numeric"
        pattern="\d{4}"
        size={6}
        required
        value={values.year ?? ''}
      />
      <label for="cal-holidays">{`${CALENDAR_FIELDS.holidays}（每行一项）`}</label>
      <textarea id="cal-holidays" name="holidays" rows={8} placeholder="2027-01-01 元旦">
        {values.holidays ?? ''}
      </textarea>
      <label for="cal-workdays">{`${CALENDAR_FIELDS.workdays}（每行一项，均为周六或周日）`}</label>
      <textarea id="cal-workdays" name="workdays" rows={4} placeholder="2027-02-20 春节调休上班">
        {values.workdays ?? ''}
      </textarea>
      <p>
        <button type="submit">载入节假日安排</button>{' '}
        <span class="muted">
          载入后，按工作日计算的暂定期限将重新计算，已排定的期限随之调整，并列出调整了哪些期限。
        </span>
      </p>
    </form>
  </section>
);

const calendarsView = (
  ctx: PageContext<WebDeps>,
  list: CalendarList,
  values = {},
  issues: readonly InputIssue[] = [],
) => (
  <>
    <p>
      <a href="/console">返回工作台</a>
    </p>
    <p>工作日按国务院办公厅公布的节假日安排计算（放假日不计，调休上班日计入）。</p>
    <YearsTable years={list.years} />
    <p class="muted">
      {`${(list.years[0]?.year ?? 0) + 1}年起尚无官方安排：按周一至周五计算工作日，据此计算的期限标为“暂定”，载入当年安排后重新计算。`}
    </p>
    {list.mayLoad ? <LoadForm csrf={ctx.csrf} values={values} issues={issues} /> : null}
  </>
);

/** `/console/calendars`: the official calendars in use. */
export const calendarsPage = async (ctx: PageContext<WebDeps>) => {
  const r = await ctx.deps.console.cycleConsole.calendars.execute(ctx.caller);
  if (r.status !== 'ok') return ctx.refuse(r);
  return ctx.render('节假日安排', calendarsView(ctx, r.value));
};

/** A cycle as the calendar's result names it (`CYCLE#2025#agency`) → `2025年度第三方服务机构`. */
const cycleName = (name: string) => {
  const [, year, kind] = name.split('#');
  return `${year}年度${kindName(kind ?? '')}`;
};

const MovedView = ({ loaded }: { loaded: CalendarLoaded }) => (
  <>
    <p class="notice ok" role="status">{`已载入${loaded.year}年节假日安排。`}</p>
    {loaded.moved.length === 0 ? (
      <p>没有期限因此调整。</p>
    ) : (
      <div class="table-wrap">
        <table>
          <caption>{`因载入${loaded.year}年节假日安排而调整的期限`}</caption>
          <thead>
            <tr>
              <th scope="col">评价周期</th>
              <th scope="col">期限</th>
              <th scope="col">原截止日期</th>
              <th scope="col">新截止日期</th>
            </tr>
          </thead>
          <tbody>
            {loaded.moved.map((m) => (
              <tr>
                <td>{cycleName(m.cycle)}</td>
                <td>{`${movedDeadlineName(m.id)}${m.id.includes('@') ? `（${leagueName(m.id.slice(m.id.indexOf('@') + 1, m.id.indexOf('@') + 7))}）` : ''}`}</td>
                <td>{chineseDate(m.from)}</td>
                <td>{`${chineseDate(m.to)}${m.provisional ? '（暂定）' : ''}`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    )}
    <p>
      <a href="/console/calendars">返回节假日安排</a>
    </p>
  </>
);

/** `POST /console/calendars` (the region): loads a year's calendar and shows what it moved. */
export const loadCalendarPage = async (ctx: PageContext<WebDeps>) => {
  const may = authorize(ctx.caller, 'calendar.load');
  if (!may.ok) return ctx.refuse(may.refusal, '仅自治区生态环境厅可载入节假日安排');
  const req = calendarRequestOf(ctx.req.form);
  const r = req.ok
    ? await ctx.deps.console.cycleConsole.loadCalendar.execute(may.claims, req.year, req.body)
    : { status: 'invalid' as const, issues: req.issues };
  if (r.status === 'ok') return ctx.render('节假日安排已载入', <MovedView loaded={r.value} />);
  const list = await ctx.deps.console.cycleConsole.calendars.execute(ctx.caller);
  if (list.status !== 'ok') return ctx.refuse(list);
  return ctx.render('节假日安排', calendarsView(ctx, list.value, ctx.req.form, r.issues), 400);
};
