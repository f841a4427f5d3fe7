import type { ComponentChildren } from 'preact';
import { WARNING_STATUS_NAMES } from '../../../../domain/warnings/warning.ts';
import type { StoredEvidence } from '../../../ports/evidenceStore.ts';
import type { WarningView } from '../../../warnings/warningPorts.ts';
import { EVIDENCE_TYPE_NAMES, isEvidenceType } from '../../portal/evidence.ts';
import { chineseDate, chineseDateTime, workingDaysLeftText } from '../../ui/format.ts';
import { EvidenceLink } from '../evidence/links.tsx';

/** The pieces the console's and the portal's warning pages share: the deadline, the status, the reports. */

export const StatusText = ({ v }: { v: WarningView }) => (
  <span class={v.status === 'expired' ? 'overdue' : undefined}>{WARNING_STATUS_NAMES[v.status]}</span>
);

/** The deadline with the working days left (I12); marked once passed. */
export const DeadlineText = ({ v }: { v: WarningView }) =>
  v.status === 'confirmed' ? (
    <>{chineseDate(v.doc.deadline)}</>
  ) : (
    <span class={v.workingDaysLeft < 0 ? 'overdue' : undefined}>
      {chineseDate(v.doc.deadline)}（{v.workingDaysLeft < 0 ? '已逾期' : workingDaysLeftText(v.workingDaysLeft)}）
    </span>
  );

export const WarningFacts = ({ v, children }: { v: WarningView; children?: ComponentChildren }) => (
  <dl class="facts">
    <dt>信息编号</dt>
    <dd>{v.doc.eventId}</dd>
    <dt>被预警单位</dt>
    <dd>
      {v.doc.subjectName}（{v.doc.subject.id}）
    </dd>
    <dt>失信行为</dt>
    <dd>{v.wording}</dd>
    <dt>发现（发生）日期</dt>
    <dd>{chineseDate(v.doc.occurredOn)}</dd>
    {v.doc.description ? (
      <>
        <dt>发现的问题</dt>
        <dd class="pre">{v.doc.description}</dd>
      </>
    ) : null}
    <dt>整改要求</dt>
    <dd class="pre">{v.doc.rectificationRequired || '见执法平台下达的信用预警通知'}</dd>
    <dt>预警通知日期</dt>
    <dd>{chineseDate(v.doc.issuedOn)}</dd>
    <dt>整改期限</dt>
    <dd>
      <DeadlineText v={v} />
    </dd>
    <dt>未按期整改的后果</dt>
    <dd>自发生之日起计入评价（{v.deduction}）</dd>
    <dt>状态</dt>
    <dd>
      <StatusText v={v} />
    </dd>
    {children}
  </dl>
);

const sizeText = (bytes: number): string =>
  bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;

export const fileText = (d: StoredEvidence | null): string =>
  d
    ? `${isEvidenceType(d.contentType) ? EVIDENCE_TYPE_NAMES[d.contentType] : '文件'}，${sizeText(d.size)}`
    : '文件已不存在';

/** The unit's reports and the bureau's decisions, oldest first. */
export const History = ({ v, files }: { v: WarningView; files: ReadonlyMap<string, StoredEvidence | null> }) => {
  const rows = [
    ...v.doc.reports.map((r) => ({ at: r.at, el: <Report r={r} files={files} /> })),
    ...v.doc.decisions.map((d) => ({
      at: d.at,
      el: (
        <>
          <strong>{d.decision === 'confirmed' ? '生态环境局确认整改完成' : '生态环境局认定整改不到位'}</strong>
          {d.reasons ? <p class="pre">理由：{d.reasons}</p> : null}
        </>
      ),
    })),
  ].sort((a, b) => a.at.localeCompare(b.at));
  if (rows.length === 0) return <p class="muted">尚未报告整改情况。</p>;
  return (
    <ol>
      {rows.map((r) => (
        <li>
          <span class="muted">{chineseDateTime(r.at)}</span> {r.el}
        </li>
      ))}
    </ol>
  );
};

const Report = ({
  r,
  files,
}: {
  r: WarningView['doc']['reports'][number];
  files: ReadonlyMap<string, StoredEvidence | null>;
}) => (
  <>
    <strong>单位报告整改完成（整改完成日期：{chineseDate(r.rectifiedOn)}）</strong>
    <p class="pre">{r.text}</p>
    {r.evidenceFiles.length > 0 ? (
      <ul>
        {r.evidenceFiles.map((k, n) => (
          <li>
            证明材料 {n + 1}：{fileText(files.get(k) ?? null)}{' '}
            {files.get(k) ? <EvidenceLink fileKey={k} n={n + 1} /> : null}
          </li>
        ))}
      </ul>
    ) : (
      <p class="muted">未附证明材料。</p>
    )}
  </>
);

/** Every evidence file of the warning's reports, described. */
export const describeFiles = async (
  v: WarningView,
  describe: (key: string) => Promise<StoredEvidence | null>,
): Promise<Map<string, StoredEvidence | null>> => {
  const keys = v.doc.reports.flatMap((r) => r.evidenceFiles);
  return new Map(await Promise.all(keys.map(async (k) => [k, await describe(k)] as const)));
};
