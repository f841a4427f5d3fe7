import { legalDateOfInstant } from '../../../domain/dates.ts';
import type { RepairItem } from '../../../domain/evaluation/result.ts';
import type { WebResponse } from '../http/response.ts';
import { chineseDate, REPAIR_STATUS_NAMES } from '../ui/format.ts';
import { type PortalContext, refusalOfRepair, selfOf } from './self.ts';

/**
 * `/portal/repairs`: the participant's repair applications with their state and verification limit
 * (Art 23 ¶2: 20 working days), and its rectified deductions that may be repaired (Art 27): each
 * with the earliest date, its button disabled before it (as on 信用中国).
 */
export const portalRepairs = async (ctx: PortalContext): Promise<WebResponse> => {
  const self = selfOf(ctx);
  if (self === null) return ctx.refuse({ status: 'forbidden' });
  const listed = await ctx.deps.portal.listRepairs.execute(ctx.caller, self);
  if (listed.status !== 'ok')
    return listed.status === 'refused' ? ctx.refuse({ status: 'forbidden' }) : ctx.refuse(refusalOfRepair(listed));
  const found = await ctx.deps.portal.lookupScore.execute(ctx.caller, self);
  if (found.status !== 'ok' && found.status !== 'notFound') return ctx.refuse(found);
  const result = found.status === 'ok' ? found.body : null;
  const wordingOf = new Map(result?.items.map((i) => [i.eventId, i.wording]) ?? []);
  const applications = [...listed.value].sort((a, b) =>
    a.appliedOn < b.appliedOn ? 1 : a.appliedOn > b.appliedOn ? -1 : 0,
  );
  const pendingFor = new Set(applications.filter((a) => a.status === 'pending').map((a) => a.eventId));
  const today = legalDateOfInstant(ctx.now);
  const applied = ctx.req.query.applied;
  return ctx.render(
    '信用修复',
    <>
      {applied ? (
        <p class="notice ok" role="status">
          信息编号为 {applied} 的信用修复申请已提交，请等待盟市生态环境局核实。
        </p>
      ) : null}
      <h2 id="eligible-title">可申请修复的信用信息</h2>
      <p class="muted">
        已完成整改的扣分信息，自整改完成之日起满规定期限后可申请信用修复（第二十七条）；修复申请由所属盟市生态环境局在20个工作日内核实（第二十三条）。
      </p>
      <Eligible items={result?.repair ?? []} wordingOf={wordingOf} pendingFor={pendingFor} today={today} />
      <h2 id="applications-title">我的修复申请</h2>
      {applications.length === 0 ? (
        <p>尚未提交信用修复申请。</p>
      ) : (
        <div class="table-wrap">
          <table aria-labelledby="applications-title">
            <thead>
              <tr>
                <th scope="col">信息编号</th>
                <th scope="col">评价内容</th>
                <th scope="col">申请日期</th>
                <th scope="col">状态</th>
                <th scope="col">核实期限</th>
                <th scope="col">证明材料</th>
                <th scope="col">理由</th>
              </tr>
            </thead>
            <tbody>
              {applications.map((a) => (
                <tr>
                  <td class="nowrap">{a.eventId}</td>
                  <td>{wordingOf.get(a.eventId) ?? ''}</td>
                  <td class="nowrap">{chineseDate(a.appliedOn)}</td>
                  <td>
                    {REPAIR_STATUS_NAMES[a.status]}
                    {a.overdue && a.status === 'pending' ? <span class="overdue">（已超过核实期限）</span> : null}
                  </td>
                  <td>{a.status === 'pending' ? `${chineseDate(a.verifyBy.on)}前` : chineseDate(a.decidedOn ?? '')}</td>
                  <td>{a.evidenceFiles?.length ? `${a.evidenceFiles.length} 个文件` : '无'}</td>
                  <td>{a.reason ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>,
  );
};

const Eligible = ({
  items,
  wordingOf,
  pendingFor,
  today,
}: {
  items: readonly RepairItem[];
  wordingOf: ReadonlyMap<string, string>;
  pendingFor: ReadonlySet<string>;
  today: string;
}) =>
  items.length === 0 ? (
    <p>当前没有可申请修复的信用信息。</p>
  ) : (
    <div class="table-wrap">
      <table aria-labelledby="eligible-title">
        <thead>
          <tr>
            <th scope="col">信息编号</th>
            <th scope="col">评价内容</th>
            <th scope="col">最早可申请日期</th>
            <th scope="col">操作</th>
          </tr>
        </thead>
        <tbody>
          {items.map((i) => (
            <tr>
              <td class="nowrap">{i.eventId}</td>
              <td>{wordingOf.get(i.eventId) ?? ''}</td>
              <td class="nowrap">{i.eligible ? chineseDate(i.earliestOn) : '—'}</td>
              <td>
                {!i.eligible ? (
                  i.reason
                ) : pendingFor.has(i.eventId) ? (
                  '已申请，待核实'
                ) : (
                  <ApplyButton eventId={i.eventId} earliestOn={i.earliestOn} today={today} />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );

/** The apply button: disabled before the earliest date, with the sentence saying from when. */
const ApplyButton = ({ eventId, earliestOn, today }: { eventId: string; earliestOn: string; today: string }) => {
  const open = today >= earliestOn;
  const hint = `hint-${eventId.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  return (
    <form method="get" action="/portal/repairs/apply" class="inline">
      <input type="hidden" name="eventId" value={eventId} />
      <button
        type="submit"
        disabled={!open}
        aria-describedby={open ? undefined : hint}
        aria-label={`申请修复 ${eventId}`}
      >
        申请修复
      </button>
      {open ? null : (
        <span id={hint} class="muted">
          {' '}
          自{chineseDate(earliestOn)}起可申请修复
        </span>
      )}
    </form>
  );
};
