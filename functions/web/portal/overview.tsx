import { legalDateOfInstant } from '../../../domain/dates.ts';
import type { PendingItem, ScoredResult } from '../../../domain/evaluation/result.ts';
import type { LookupBody } from '../../lookup/lookupScore.ts';
import type { WebResponse } from '../http/response.ts';
import { chineseDate, kindName, leagueName, pointsText, scoreText } from '../ui/format.ts';
import { Plate } from '../ui/plate.tsx';
import { ItemsTable, itemColumns, MeasuresList, NotesList } from '../ui/result.tsx';
import { type Column, DataTable } from '../ui/table.tsx';
import { type PortalContext, selfOf } from './self.ts';
import type { CommitmentView } from './viewCommitment.ts';

/**
 * `/portal`: the participant's own live score and grade with every reason (the catalogue's wording,
 * points, article, state), its pending credit warnings (Art 22) with their deadlines, and the
 * measures its grade brings (Art 29–31). The score lookup authorises the caller: a participant
 * sees only itself.
 */
export const portalHome = async (ctx: PortalContext): Promise<WebResponse> => {
  const self = selfOf(ctx);
  if (self === null) return ctx.refuse({ status: 'forbidden' });
  const found = await ctx.deps.portal.lookupScore.execute(ctx.caller, self);
  if (found.status === 'notFound')
    return ctx.render(
      '我的环保信用',
      <p class="notice">暂无本单位的环保信用信息。生态环境部门登记或报送信用信息后，将在此显示评价结果。</p>,
    );
  if (found.status !== 'ok') return ctx.refuse(found);
  const letter = await ctx.deps.portal.commitments.view.execute(ctx.caller, self);
  return ctx.render(
    '我的环保信用',
    <Overview r={found.body} commitment={letter.status === 'ok' ? letter.value : null} />,
  );
};

/** The reasons as the participant reads them: the record's number first, carried-over deductions marked (I6). */
const REASON_COLUMNS = [
  itemColumns.eventId('信息编号', 'nowrap'),
  itemColumns.occurredOn('发生日期', 'nowrap'),
  itemColumns.wording({ carriedOverTag: '以前年度未整改' }),
  itemColumns.points('num nowrap'),
  itemColumns.article('依据', 'nowrap'),
  itemColumns.state('状态', { class: 'nowrap' }),
];

/** A credit warning (Art 22) or a record awaiting its client's (I4), with what decides whether it counts. */
const PENDING_COLUMNS: readonly Column<PendingItem>[] = [
  { header: '信息编号', cell: (p) => p.eventId },
  { header: '评价内容', cell: (p) => p.wording },
  { header: '拟扣分值', class: 'num', cell: (p) => pointsText(p.points) },
  {
    header: '整改期限',
    cell: (p) =>
      p.state === 'warning' && p.deadline
        ? `${chineseDate(p.deadline)}前完成整改的，不予扣分（第二十二条）`
        : '待委托单位的信用信息报送后计分',
  },
];

/** Whether the year's commitment letter (Annex 4) is signed, with the way to it. */
const CommitmentStatus = ({ c }: { c: CommitmentView }) => (
  <p>
    {c.signed
      ? `${c.year}年度信用承诺书：已签署（${chineseDate(legalDateOfInstant(c.signed.signedAt))}）。`
      : `${c.year}年度信用承诺书：未签署。`}{' '}
    <a href="/portal/commitment">{c.signed ? '查看信用承诺书' : '签署信用承诺书'}</a>
  </p>
);

const Overview = ({ r, commitment }: { r: LookupBody; commitment: CommitmentView | null }) => {
  const scored = r.subject.kind === 'practitioner' ? null : (r as unknown as ScoredResult);
  return (
    <>
      <section class="card" aria-labelledby="summary-title">
        <h2 id="summary-title">
          {r.subject.name ?? r.subject.id}（{kindName(r.subject.kind)}）
        </h2>
        <dl class="facts">
          <dt>统一社会信用代码</dt>
          <dd>{r.subject.id}</dd>
          {scored ? (
            <>
              <dt>所属盟市</dt>
              <dd>{leagueName(scored.subject.league)}</dd>
            </>
          ) : null}
          <dt>评价年度</dt>
          <dd>{r.year}年</dd>
          <dt>评价基准日</dt>
          <dd>{chineseDate(r.asOf)}</dd>
        </dl>
        {scored ? (
          <div class="summary">
            <Plate grade={scored.grade} size="large" />
            <span>
              当前得分 <span class="score">{scoreText(scored.score)}</span> 分
            </span>
            {r.status === 'live' ? (
              <span class="tag">实时评分，以公布结果为准</span>
            ) : (
              <span class="tag">已公布结果</span>
            )}
          </div>
        ) : null}
        {r.suspended ? <p class="notice">{r.suspended.reason}</p> : null}
        {scored?.blacklisted ? <p class="notice error">已列入环保信用黑名单。</p> : null}
        <p>
          <a href="/portal/repairs">查看信用修复申请</a>
        </p>
        <p>
          <a href="/portal/participation">自愿参加环保信用评价</a>
        </p>
        {commitment ? <CommitmentStatus c={commitment} /> : null}
      </section>

      <h2 id="reasons-title">评分依据（本年度信用信息）</h2>
      <ItemsTable
        items={r.items}
        name={{ labelledBy: 'reasons-title' }}
        columns={REASON_COLUMNS}
        empty={<p>本年度没有计入评价的信用信息，按满分100分计。</p>}
      />

      <h2 id="pending-title">信用预警</h2>
      {r.pending.length === 0 ? (
        <p>没有未到整改期限的信用预警。</p>
      ) : (
        <DataTable name={{ labelledBy: 'pending-title' }} columns={PENDING_COLUMNS} rows={r.pending} bare />
      )}

      <MeasuresList measures={r.measures} title="激励和约束措施" level="h2" typeTags empty="暂无。" />
      <NotesList notes={r.noteDetails} level="h2" />
    </>
  );
};
