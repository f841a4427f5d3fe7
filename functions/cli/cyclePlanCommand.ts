import type { Writable } from 'node:stream';
import { SUBJECT_KIND_NAMES, SUBJECT_KINDS } from '../../domain/catalogue/kinds.ts';
import { type CycleKind, STAGE_NAMES } from '../../domain/cycles/definitions.ts';
import { type CyclePlan, planCycle } from '../../domain/cycles/plan.ts';
import { parseOptions } from './args.ts';
import { loadCalendars, requireDate, requireInteger } from './calendarOptions.ts';
import { UsageError, writeChunk } from './io.ts';

/**
 * `ecocredit cycle plan --kind KIND --year Y [--notice DATE] [--calendar FILE]... [--format json|table]`
 * (docs/api.md §5): the planned deadlines of a cycle, with the fixed dates at risk.
 */
export const runCyclePlan = async (args: readonly string[], out: Writable): Promise<void> => {
  const { values } = parseOptions(args, {
    kind: { type: 'string' },
    year: { type: 'string' },
    notice: { type: 'string' },
    calendar: { type: 'string', multiple: true },
    format: { type: 'string' },
  });
  const kind = values.kind;
  if (!kind || !(SUBJECT_KINDS as readonly string[]).includes(kind))
    throw new UsageError('--kind 须为 enterprise、agency 或 practitioner');
  const year = requireInteger(values.year, '--year', 2000, 2999);
  const notice = values.notice === undefined ? undefined : requireDate(values.notice, '--notice');
  const format = values.format ?? 'json';
  if (format !== 'json' && format !== 'table') throw new UsageError('--format 须为 json 或 table');
  const plan = planCycle(kind as CycleKind, year, loadCalendars(values.calendar ?? []), notice);
  await writeChunk(out, format === 'json' ? `${JSON.stringify(plan)}\n` : planTable(plan));
};

/** The plan for a person, in Chinese: one line per deadline, the fixed dates at risk marked. */
export const planTable = (plan: CyclePlan): string => {
  const rows = plan.deadlines.map((d) => [
    d.id,
    STAGE_NAMES[d.stage],
    d.on,
    d.type === 'fixed' ? '法定日期' : '工作日期限',
    d.article,
    d.provisional ? '暂定' : '',
    d.type === 'fixed' ? (d.atRiskBy > 0 ? `超出${d.atRiskBy}个工作日（按计划${d.plannedOn}完成）` : '可按期完成') : '',
  ]);
  const header = ['期限', '阶段', '日期', '类型', '依据', '暂定', '可行性'];
  const width = (s: string) => [...s].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e7f ? 2 : 1), 0);
  const cols = header.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i]!))));
  const line = (r: string[]) =>
    r
      .map((c, i) => c + ' '.repeat(cols[i]! - width(c)))
      .join('  ')
      .trimEnd();
  const atRisk = plan.deadlines.filter((d) => d.atRiskBy > 0);
  return [
    `${plan.year}年度${SUBJECT_KIND_NAMES[plan.kind]}环保信用评价周期计划（通知日 ${plan.notice}）`,
    '',
    line(header),
    line(cols.map((w) => '-'.repeat(w))),
    ...rows.map(line),
    '',
    atRisk.length === 0
      ? '各法定日期均可按期完成。'
      : `注意：按法定期限顺序推算，${atRisk.length}个法定日期存在逾期风险；系统不会缩短任何法定期限。`,
    '',
  ].join('\n');
};
