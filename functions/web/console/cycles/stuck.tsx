import type { OutboxEntry, StuckEntry } from '../../../ports/store.ts';
import type { WebDeps } from '../../deps.ts';
import type { PageContext } from '../../router.ts';
import { chineseDateTime, kindName, leagueName } from '../../ui/format.ts';
import { CsrfField } from '../../ui/layout.tsx';

/** Records that could not be applied (docs/ingestion.md "A stuck claim"): their cause, and a re-drive. */

const ENTRY_NAMES: Record<OutboxEntry, string> = {
  created: '新信用记录',
  rectifiedOn: '整改完成',
  revokedOn: '撤销',
};

const subjectText = (e: StuckEntry) => `${kindName(e.subject.kind)} ${e.subject.id}`;

/** A column of the list, on the page and in its workbook (the shape of `XlsxColumn`). */
interface StuckColumn {
  readonly header: string;
  /** Width in characters, in the workbook. */
  readonly width?: number;
  value(e: StuckEntry): string | number;
}

export const STUCK_COLUMNS: readonly StuckColumn[] = [
  { header: '事件编号', width: 28, value: (e) => e.key.eventId },
  { header: '变更类型', width: 12, value: (e) => ENTRY_NAMES[e.key.entry] },
  { header: '评价对象', width: 34, value: subjectText },
  { header: '盟市', width: 12, value: (e) => leagueName(e.league) },
  { header: '来源', width: 18, value: (e) => e.source },
  { header: '尝试次数', width: 10, value: (e) => e.attempts },
  { header: '原因', width: 60, value: (e) => e.error },
  { header: '搁置时间', width: 20, value: (e) => chineseDateTime(e.since) },
];

const StuckTable = ({ list, csrf }: { list: readonly StuckEntry[]; csrf: string }) => (
  <div class="table-wrap">
    <table>
      <caption>{`未能入库的记录（共 ${list.length} 条）`}</caption>
      <thead>
        <tr>
          {STUCK_COLUMNS.map((c) => (
            <th scope="col">{c.header}</th>
          ))}
          <th scope="col">操作</th>
        </tr>
      </thead>
      <tbody>
        {list.map((e) => (
          <tr>
            {STUCK_COLUMNS.map((c) => (
              <td>{String(c.value(e))}</td>
            ))}
            <td>
              <form
                method="post"
                action={`/console/stuck/${encodeURIComponent(e.key.eventId)}/redrive`}
                class="inline"
                data-confirm={`确定将事件 ${e.key.eventId} 重新入库吗？请先确认已排除上述原因。`}
              >
                <CsrfField token={csrf} />
                <button type="submit" aria-label={`重新入库 ${e.key.eventId}`}>
                  重新入库
                </button>
              </form>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  </div>
);

const redrivenText = (q: Readonly<Record<string, string>>): string | null =>
  q.redriven && /^[A-Za-z0-9._:-]{1,128}$/.test(q.redriven)
    ? `事件 ${q.redriven} 已重新入库（${/^\d{1,3}$/.test(q.n ?? '') ? q.n : '若干'} 条），处理结果稍后可在评价对象的信用记录中查看。`
    : null;

/** `/console/stuck`: the records set aside, those of the caller's jurisdiction. */
export const stuckPage = async (ctx: PageContext<WebDeps>) => {
  const r = await ctx.deps.console.cycleConsole.listStuck.execute(ctx.caller);
  const done = redrivenText(ctx.req.query);
  return ctx.render(
    '未能入库的记录',
    <>
      {done ? (
        <p class="notice ok" role="status">
          {done}
        </p>
      ) : null}
      <p>以下信用记录多次处理失败，已暂停处理。排除原因（如评价对象信息有误、系统故障）后，点击“重新入库”再次处理。</p>
      <p>
        <a class="button secondary" href="/exports/console/stuck">
          导出 Excel
        </a>
      </p>
      {r.value.length === 0 ? (
        <p class="notice">没有未能入库的记录。</p>
      ) : (
        <StuckTable list={r.value} csrf={ctx.csrf} />
      )}
    </>,
  );
};
