import { EMPLOYER_KIND_NAMES } from '../../../../domain/participants/importList.ts';
import { BASES_OF_KIND, BASIS_ORDINALS, INCLUSION_BASES } from '../../../../domain/participants/participant.ts';
import { FILING_STATUS_NAMES } from '../../../../domain/participants/practitionerFiling.ts';
import type { ParticipantListRef } from '../../../ports/participants.ts';
import type { PractitionerFiling } from '../../../ports/practitionerFilings.ts';
import type { WebDeps } from '../../deps.ts';
import type { PageContext } from '../../router.ts';
import { chineseDateTime } from '../../ui/format.ts';
import { CsrfField } from '../../ui/layout.tsx';
import { codeShown, listPath } from './listRef.ts';
import { rowRefOf } from './rowRef.ts';

type Ctx = PageContext<WebDeps>;

/** What names a filing within its list: its employer and the practitioner. */
export const filingFields = (f: Pick<PractitionerFiling, 'employer' | 'residentId'>): readonly string[] => [
  f.employer.kind,
  f.employer.code,
  f.residentId,
];

/** The hidden field naming a filing in a form: an opaque reference, never the resident ID (Art 18(6)). */
const FilingField = ({ fileRef }: { fileRef: string }) => <input type="hidden" name="filing" value={fileRef} />;

const Decide = ({
  ctx,
  list,
  f,
  confirmed,
}: {
  ctx: Ctx;
  list: ParticipantListRef;
  f: PractitionerFiling;
  confirmed: boolean;
}) => {
  const id = rowRefOf(ctx.signer, list, filingFields(f));
  return (
    <>
      <form method="post" action={listPath(list).replace('?', '/filings/list?')} class="inline">
        <CsrfField token={ctx.csrf} />
        <FilingField fileRef={id} />
        <label for={`basis-${id}`}>{`${f.name} 的纳入依据`}</label>
        <select id={`basis-${id}`} name="basis">
          {BASES_OF_KIND.practitioner.map((b) => (
            <option value={b}>{`${BASIS_ORDINALS[b]}${INCLUSION_BASES[b]}`}</option>
          ))}
        </select>
        {confirmed ? (
          <>
            <label for={`why-list-${id}`}>{`列入 ${f.name} 的理由（名单已确定，必填）`}</label>
            <textarea id={`why-list-${id}`} name="why" maxLength={500} required />
          </>
        ) : null}
        <button type="submit" aria-label={`列入 ${f.name}`}>
          列入
        </button>
      </form>
      <form method="post" action={listPath(list).replace('?', '/filings/decline?')} class="inline">
        <CsrfField token={ctx.csrf} />
        <FilingField fileRef={id} />
        <label for={`why-decline-${id}`}>{`不列入 ${f.name} 的理由（必填）`}</label>
        <textarea id={`why-decline-${id}`} name="why" maxLength={500} required />
        <button type="submit" class="secondary" aria-label={`不列入 ${f.name}`}>
          不列入
        </button>
      </form>
    </>
  );
};

/**
 * Art 18(1): the practitioners the service buyers of this league filed, to list or decline. A
 * decided filing shows its outcome (and why it was not listed).
 */
export const FilingsSection = ({
  ctx,
  list,
  filings,
  confirmed,
}: {
  ctx: Ctx;
  list: ParticipantListRef;
  filings: readonly PractitionerFiling[];
  confirmed: boolean;
}) => (
  <>
    <h2>用人单位填报的从业人员</h2>
    <p>依据《办法》第十八条（一），购买服务方填报相关从业人员的基本信息，由盟市生态环境局汇总后确定参评从业人员。</p>
    {filings.length === 0 ? (
      <p>暂无用人单位填报的从业人员。</p>
    ) : (
      <div class="table-wrap">
        <table>
          <caption>{`用人单位填报的从业人员（待确认 ${filings.filter((f) => f.status === 'pending').length} 人）`}</caption>
          <thead>
            <tr>
              <th scope="col">姓名</th>
              <th scope="col">公民身份号码</th>
              <th scope="col">岗位或职务</th>
              <th scope="col">用人单位</th>
              <th scope="col">填报时间</th>
              <th scope="col">状态</th>
              <th scope="col">处理</th>
            </tr>
          </thead>
          <tbody>
            {filings.map((f) => (
              <tr>
                <td>{f.name}</td>
                <td>{codeShown(ctx, { kind: 'practitioner', code: f.residentId, league: f.league })}</td>
                <td>{f.position}</td>
                <td>{`${f.employer.name}（${EMPLOYER_KIND_NAMES[f.employer.kind]}，${f.employer.code}）`}</td>
                <td>{chineseDateTime(f.filedAt)}</td>
                <td>{FILING_STATUS_NAMES[f.status]}</td>
                <td>
                  {f.status === 'pending' ? (
                    <Decide ctx={ctx} list={list} f={f} confirmed={confirmed} />
                  ) : (
                    (f.reason ?? '—')
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    )}
  </>
);
