import type { SubjectContext } from '../../domain/evaluation/evaluateSubject.ts';
import { DEFAULT_OPTIONS, type EvaluationOptions } from '../../domain/evaluation/options.ts';
import { residentIdCheckCharacter } from '../../domain/identifiers/residentId.ts';
import { usccCheckCharacter } from '../../domain/identifiers/uscc.ts';
import { type CreditRecord, type CreditRecordInput, toCreditRecord } from '../../domain/records/creditRecord.ts';
import type { ReportEntry } from '../../domain/reports/reportEntry.ts';
import type { Agency, Enterprise, Practitioner } from '../../domain/subjects/subject.ts';

/** A valid USCC from a number (Inner Mongolia, 91 = enterprise registered by market regulation). */
export const uscc = (n: number, division = '150100'): string => {
  const body = `91${division}MA${String(n).padStart(7, '0')}`;
  return body + usccCheckCharacter(body);
};

/** A valid resident ID number born 1990-01-01 plus n days' worth of sequence. */
export const residentId = (n: number, division = '150203'): string => {
  const body = `${division}19900101${String(n % 1000).padStart(3, '0')}`;
  return body + residentIdCheckCharacter(body);
};

export const ENTERPRISE_ID = uscc(1);
export const AGENCY_ID = uscc(2, '150200');

let seq = 0;
/** A record in the domain's shape; fields not given take test defaults (a fine of 50,000 yuan). */
export const record = (over: Partial<CreditRecordInput> & { rule: string }): CreditRecord =>
  toCreditRecord({
    eventId: over.eventId ?? `T-${++seq}`,
    subject: over.subject ?? { kind: 'enterprise', id: ENTERPRISE_ID },
    occurredOn: '2026-03-01',
    department: '150100-EEB',
    league: '150100',
    ...(over.rule === 'ENF_FINE' && over.fineYuan === undefined ? { fineYuan: 50_000 } : {}),
    ...over,
  });

export const enterprise = (over: Partial<Enterprise> = {}): Enterprise => ({
  kind: 'enterprise',
  id: ENTERPRISE_ID,
  name: '呼和浩特市测试化工有限公司',
  league: '150100',
  ...over,
});

export const agency = (over: Partial<Agency> = {}): Agency => ({
  kind: 'agency',
  id: AGENCY_ID,
  name: '包头市测试环境监测有限公司',
  league: '150200',
  categories: ['monitoring'],
  ...over,
});

export const practitioner = (n: number, over: Partial<Practitioner> = {}): Practitioner => ({
  kind: 'practitioner',
  id: residentId(n),
  employer: { kind: 'agency', id: AGENCY_ID },
  ...over,
});

/** A league report's entry for an A-grade enterprise, undisputed and not suspended; `over` names it and varies the rest. */
export const leagueReportEntry = (
  over: Pick<ReportEntry, 'code' | 'name' | 'score'> & Partial<ReportEntry>,
): ReportEntry => ({
  kind: 'enterprise',
  grade: 'A',
  gradeName: '环保诚信单位',
  directD: null,
  blacklistProposed: false,
  suspended: false,
  disputedRecords: [],
  preGradeDisputed: false,
  gradeDependsOnDispute: false,
  ...over,
});

export const context = (
  over: {
    year?: number;
    asOf?: string;
    options?: Partial<EvaluationOptions>;
    clients?: CreditRecord[];
    history?: SubjectContext['history'];
  } = {},
): SubjectContext => {
  const clients = new Map((over.clients ?? []).map((r) => [r.eventId, r]));
  return {
    period: {
      year: over.year ?? 2026,
      asOf: over.asOf ?? '2027-03-31',
      options: { ...DEFAULT_OPTIONS, ...over.options },
    },
    clientOf: (id) => clients.get(id),
    history: over.history ?? [],
  };
};
