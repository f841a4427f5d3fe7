import { GRADE_NAMES, type Grade } from '../../../domain/evaluation/grade.ts';
import { GRADES } from './format.ts';

/**
 * Charts drawn on the server as SVG: accessible (a `title` and `desc`, `role="img"`), printable, with
 * the numbers written next to the bars so the chart never depends on colour alone.
 */

export interface GradeCounts {
  readonly label: string;
  readonly counts: Readonly<Record<Grade, number>>;
}

/** Stacked horizontal bars: one row per league (or kind), the share of each grade, counts written. */
export const GradeDistributionChart = ({
  id,
  title,
  rows,
}: {
  id: string;
  title: string;
  rows: readonly GradeCounts[];
}) => {
  const rowHeight = 28;
  const labelWidth = 110;
  const barWidth = 420;
  const height = rows.length * rowHeight + 40;
  const summary = rows.map((r) => `${r.label}：${GRADES.map((g) => `${g} ${r.counts[g]} 家`).join('，')}`).join('；');
  return (
    <figure class="chart">
      <svg
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        viewBox={`0 0 ${labelWidth + barWidth + 60} ${height}`}
        width="100%"
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{summary || '暂无数据'}</desc>
        {rows.map((r, i) => {
          const total = GRADES.reduce((s, g) => s + r.counts[g], 0);
          let x = labelWidth;
          const y = i * rowHeight + 4;
          return (
            <g>
              <text x={labelWidth - 8} y={y + 17} text-anchor="end" class="chart-label">
                {r.label}
              </text>
              {GRADES.map((g) => {
                const w = total === 0 ? 0 : (r.counts[g] / total) * barWidth;
                const bar = (
                  <g>
                    <rect x={x} y={y} width={w} height={rowHeight - 8} class={`bar-${g}`}>
                      <title>{`${GRADE_NAMES[g]}（${g}）：${r.counts[g]} 家`}</title>
                    </rect>
                    {w >= 22 ? (
                      <text x={x + w / 2} y={y + 15} text-anchor="middle" class="bar-text">
                        {`${g}${r.counts[g]}`}
                      </text>
                    ) : null}
                  </g>
                );
                x += w;
                return bar;
              })}
              <text x={labelWidth + barWidth + 6} y={y + 15} class="chart-label">
                {`共${total}`}
              </text>
            </g>
          );
        })}
        <g transform={`translate(${labelWidth}, ${rows.length * rowHeight + 14})`}>
          {GRADES.map((g, i) => (
            <g transform={`translate(${i * 105}, 0)`}>
              <rect width="12" height="12" class={`bar-${g}`} />
              <text x="16" y="11" class="chart-legend">{`${g} ${GRADE_NAMES[g]}`}</text>
            </g>
          ))}
        </g>
      </svg>
    </figure>
  );
};

export interface ScorePoint {
  readonly year: number;
  readonly score: number | null;
  readonly grade: Grade | null;
}

/** A subject's score over the years: a line with each year's score and grade written at its point. */
export const ScoreHistoryChart = ({
  id,
  title,
  points,
}: {
  id: string;
  title: string;
  points: readonly ScorePoint[];
}) => {
  const width = 520;
  const height = 200;
  const left = 40;
  const step = points.length > 1 ? (width - left - 40) / (points.length - 1) : 0;
  const yOf = (s: number) => 20 + (1 - Math.max(0, Math.min(100, s)) / 100) * (height - 60);
  const drawn = points.map((p, i) => ({ ...p, x: left + 20 + i * step }));
  const line = drawn
    .filter((p) => p.score !== null)
    .map((p) => `${p.x},${yOf(p.score!)}`)
    .join(' ');
  return (
    <figure class="chart">
      <svg role="img" aria-labelledby={`${id}-title ${id}-desc`} viewBox={`0 0 ${width} ${height}`} width="100%">
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>
          {points.map((p) => `${p.year}年：${p.score ?? '无'}分 ${p.grade ?? ''}`).join('；') || '暂无数据'}
        </desc>
        {[100, 95, 75, 60].map((s) => (
          <g>
            <line x1={left} x2={width - 10} y1={yOf(s)} y2={yOf(s)} class="grid" />
            <text x={left - 6} y={yOf(s) + 4} text-anchor="end" class="chart-legend">
              {String(s)}
            </text>
          </g>
        ))}
        <polyline points={line} class="history-line" fill="none" />
        {drawn.map((p) => (
          <g>
            {p.score !== null ? <circle cx={p.x} cy={yOf(p.score)} r="4" class={`dot-${p.grade ?? 'none'}`} /> : null}
            {p.score !== null ? (
              <text x={p.x} y={yOf(p.score) - 9} text-anchor="middle" class="chart-label">
                {`${p.score} ${p.grade ?? ''}`}
              </text>
            ) : null}
            <text x={p.x} y={height - 12} text-anchor="middle" class="chart-legend">
              {`${p.year}年`}
            </text>
          </g>
        ))}
      </svg>
    </figure>
  );
};

export interface ProgressRow {
  readonly label: string;
  /** Stages done of all stages. */
  readonly done: number;
  readonly of: number;
  /** What the row is at now, written after the bar. */
  readonly now: string;
  readonly overdue?: boolean;
}

/** Cycle progress per league: a bar of stages done, the current stage written beside it. */
export const ProgressChart = ({ id, title, rows }: { id: string; title: string; rows: readonly ProgressRow[] }) => {
  const rowHeight = 26;
  const labelWidth = 110;
  const barWidth = 260;
  return (
    <figure class="chart">
      <svg
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        viewBox={`0 0 ${labelWidth + barWidth + 260} ${rows.length * rowHeight + 8}`}
        width="100%"
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{rows.map((r) => `${r.label}：${r.now}（${r.done}/${r.of}）`).join('；')}</desc>
        {rows.map((r, i) => {
          const y = i * rowHeight + 4;
          return (
            <g>
              <text x={labelWidth - 8} y={y + 15} text-anchor="end" class="chart-label">
                {r.label}
              </text>
              <rect x={labelWidth} y={y} width={barWidth} height={rowHeight - 10} class="track" />
              <rect
                x={labelWidth}
                y={y}
                width={r.of === 0 ? 0 : (r.done / r.of) * barWidth}
                height={rowHeight - 10}
                class={r.overdue ? 'progress-overdue' : 'progress'}
              />
              <text x={labelWidth + barWidth + 8} y={y + 13} class="chart-label">
                {`${r.now}${r.overdue ? '（已逾期）' : ''}`}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
};
