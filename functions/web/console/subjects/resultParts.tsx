import type { ScoredResult, SubjectResult } from '../../../../domain/evaluation/evaluateSubject.ts';
import type { PractitionerResult } from '../../../../domain/evaluation/result.ts';
import { chineseDate, pointsText, scoreText } from '../../ui/format.ts';
import { Plate } from '../../ui/plate.tsx';
import { ItemsTable, itemColumns, MeasuresList, NotesList, SitesTable } from '../../ui/result.tsx';
import { PENDING_NAMES } from './labels.ts';

/** A result as the console explains it: the grade, every record's points and state, warnings, repairs, notes, measures. */
type Shown = Omit<SubjectResult, 'status'>;

/** The result as an enterprise's or agency's (score, grade, sites), or null for a practitioner's. */
export const scoredOf = (r: Shown): Omit<ScoredResult, 'status'> | null =>
  r.subject.kind === 'practitioner' ? null : (r as unknown as Omit<ScoredResult, 'status'>);
export const practitionerOf = (r: Shown): Omit<PractitionerResult, 'status'> | null =>
  r.subject.kind === 'practitioner' ? (r as unknown as Omit<PractitionerResult, 'status'>) : null;

/** The grade (or a practitioner's rating) and the score, in one line. */
export const ResultSummary = ({ result: shown }: { result: Shown }) => {
  const result = scoredOf(shown);
  const p = practitionerOf(shown);
  return result ? (
    <div class="summary">
      <Plate grade={result.grade} size="large" />
      <span>
        得分 <span class="score">{scoreText(result.score)}</span> 分
      </span>
      {result.blacklisted ? <span class="tag">列入环保不良名单（第十九条）</span> : null}
      {result.suspended ? <span class="tag">暂停评价：{result.suspended.reason}</span> : null}
    </div>
  ) : (
    <div class="summary">
      <strong>
        {p?.dishonest ? '环保失信个人（第十三条）' : p?.dishonest === null ? '暂停评价' : '未评定为环保失信个人'}
      </strong>
      <span>计入的失信信息 {p?.records ?? 0} 条</span>
    </div>
  );
};

/** The year's reasons, as the console lists them: every column, the site and the state of each record. */
const ITEM_COLUMNS = [
  itemColumns.occurredOn(),
  itemColumns.wording({ site: true }),
  itemColumns.points(),
  itemColumns.article(),
  itemColumns.state('状态', { carriedOverNote: '（上年未整改，结转计入）' }),
  itemColumns.eventId('事件编号'),
];

export const PendingList = ({ result }: { result: Shown }) =>
  result.pending.length === 0 ? null : (
    <>
      <h3>待定的信用信息</h3>
      <ul>
        {result.pending.map((p) => (
          <li>
            {p.wording}（{pointsText(p.points)} 分，{PENDING_NAMES[p.state]}
            {p.deadline ? `，整改期限${chineseDate(p.deadline)}` : ''}）<span class="muted"> {p.eventId}</span>
          </li>
        ))}
      </ul>
    </>
  );

export const RepairList = ({ result }: { result: Shown }) =>
  result.repair.length === 0 ? null : (
    <>
      <h3>信用修复条件</h3>
      <ul>
        {result.repair.map((r) => {
          const wording = result.items.find((i) => i.eventId === r.eventId)?.wording ?? r.eventId;
          return (
            <li>
              {wording}：
              {r.eligible
                ? `最早可于${chineseDate(r.earliestOn)}申请信用修复（${
                    r.waitMonths === 0 ? '整改完成后即可修复' : `整改完成后${r.waitMonths}个月`
                  }，第二十七条${r.impactEliminationRequired ? '，须不良影响基本消除' : ''}）`
                : r.reason}
              <span class="muted"> {r.eventId}</span>
            </li>
          );
        })}
      </ul>
    </>
  );

/** Every part of a result's explanation, in reading order. */
export const Explanation = ({ result }: { result: Shown }) => {
  const scored = scoredOf(result);
  return (
    <>
      <ResultSummary result={result} />
      <p class="muted">评价基准日：{chineseDate(result.asOf)}</p>
      {scored?.sites && scored.sites.length > 1 ? (
        <SitesTable sites={scored.sites} caption="各厂址得分（第十六条第二项）" weights />
      ) : null}
      <ItemsTable
        items={result.items}
        name={{ caption: `${result.year}年度信用信息明细` }}
        columns={ITEM_COLUMNS}
        empty={<p class="muted">本年度没有计入评价的信用信息。</p>}
      />
      <PendingList result={result} />
      <RepairList result={result} />
      <NotesList notes={result.noteDetails} level="h3" ids />
      <MeasuresList measures={result.measures} title="适用的激励或约束措施" level="h3" />
    </>
  );
};
