import { CATALOGUE } from '../domain/catalogue/catalogue.ts';
import { addDays } from '../domain/dates.ts';
import { LEAGUE_CODES } from '../domain/identifiers/leagues.ts';
import { usccCheckCharacter } from '../domain/identifiers/uscc.ts';
import { residentIdCheckCharacter } from '../domain/identifiers/residentId.ts';
import { type CreditRecord, type CreditRecordInput, toCreditRecord } from '../domain/records/creditRecord.ts';
import type { Subject } from '../domain/subjects/subject.ts';

/**
 * A realistic, deterministic data set for benchmarks and demos: enterprises with one to three
 * sites, agencies, practitioners employed by agencies; records spread over two years with fines,
 * cases with several measures, warnings, rectifications, revocations and client references.
 */
export interface DataSet {
  readonly subjects: Subject[];
  readonly records: CreditRecord[];
}

/** Small deterministic PRNG (mulberry32), so every run measures the same data. */
export const prng = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const usccFor = (n: number, league: string, series = 'MA'): string => {
  const body = `91${league}${series}${String(n).padStart(7, '0')}`;
  return body + usccCheckCharacter(body);
};
/** Unique for any n: a birth date per 900 people, a sequence number within it. */
const residentFor = (n: number, league: string): string => {
  const birth = addDays('1960-01-01', Math.floor(n / 900)).replaceAll('-', '');
  const body = `${league.slice(0, 4)}03${birth}${String(100 + (n % 900)).padStart(3, '0')}`;
  return body + residentIdCheckCharacter(body);
};

const codes = (kind: string) => CATALOGUE.filter((r) => r.kinds.includes(kind as never) && !r.derivedOnly && r.agencyCategories === undefined && r.code !== 'AG_CLIENT_DEDUCTED').map((r) => r.code);

export const generateDataSet = (subjectCount: number, recordCount: number, seed = 42): DataSet => {
  const rand = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const enterpriseCodes = codes('enterprise');
  const agencyCodes = codes('agency');
  const practitionerCodes = codes('practitioner');
  const subjects: Subject[] = [];
  const nEnterprises = Math.round(subjectCount * 0.75);
  const nAgencies = Math.round(subjectCount * 0.15);
  const nPractitioners = subjectCount - nEnterprises - nAgencies;
  const agencyIds: string[] = [];
  for (let i = 0; i < nEnterprises; i++) {
    const league = pick(LEAGUE_CODES);
    const id = usccFor(i, league);
    const siteCount = 1 + Math.floor(rand() * 3);
    const shares = siteCount === 1 ? [1] : siteCount === 2 ? [0.6, 0.4] : [0.5, 0.3, 0.2];
    subjects.push({
      kind: 'enterprise', id, name: `企业${i}`, league,
      sites: shares.map((outputShare, s) => ({ siteId: `${id}${String(s + 1).padStart(3, '0')}P`, outputShare: rand() < 0.05 ? null : outputShare })),
    });
  }
  for (let i = 0; i < nAgencies; i++) {
    const league = pick(LEAGUE_CODES);
    const id = usccFor(i, league, 'MB');
    agencyIds.push(id);
    subjects.push({ kind: 'agency', id, name: `机构${i}`, league, categories: [pick(['monitoring', 'eia', 'treatment_om', 'it_om', 'investigation'] as const)] });
  }
  for (let i = 0; i < nPractitioners; i++) {
    const league = pick(LEAGUE_CODES);
    subjects.push({ kind: 'practitioner', id: residentFor(i, league), employer: { kind: 'agency', id: pick(agencyIds) } });
  }

  const records: CreditRecord[] = [];
  const push = (r: CreditRecordInput) => records.push(toCreditRecord(r));
  const enterpriseEvents: string[] = [];
  for (let i = 0; i < recordCount; i++) {
    // 80 % enterprises, 15 % agencies, 5 % practitioners
    const roll = rand();
    const s = roll < 0.8 ? subjects[Math.floor(rand() * nEnterprises)]! : roll < 0.95 ? subjects[nEnterprises + Math.floor(rand() * nAgencies)]! : subjects[nEnterprises + nAgencies + Math.floor(rand() * nPractitioners)]!;
    const occurredOn = addDays('2025-01-01', Math.floor(rand() * 730));
    const eventId = `B-${i}`;
    const league = 'league' in s && s.league ? s.league : '150100';
    const base = { eventId, occurredOn, department: `${league}-EEB`, league };
    if (s.kind === 'enterprise') {
      const rule = pick(enterpriseCodes);
      const site = pick(s.sites!);
      const rectified = rand() < 0.4 ? addDays(occurredOn, Math.floor(rand() * 200)) : null;
      push({
        ...base, rule, subject: { kind: 'enterprise', id: s.id, siteId: site.siteId },
        ...(rule === 'ENF_FINE' ? { fineYuan: Math.floor(rand() * 800_000) + 1 } : {}),
        ...(rule === 'D14_OTHER_LEGAL' ? { legalBasis: '法律依据' } : {}),
        caseNo: rule.startsWith('ENF_') ? `案${Math.floor(rand() * 3)}` : null,
        warning: rand() < 0.1 && !rule.startsWith('SR_C') && !rule.startsWith('SR_P') && !rule.startsWith('PI_') ? { issuedOn: occurredOn, deadline: addDays(occurredOn, 30) } : null,
        rectifiedOn: rectified,
        revokedOn: rand() < 0.03 ? addDays(occurredOn, 60) : null,
      });
      enterpriseEvents.push(eventId);
    } else if (s.kind === 'agency') {
      const client = enterpriseEvents.length > 0 && rand() < 0.3 ? pick(enterpriseEvents) : null;
      const rule = client ? 'AG_CLIENT_DEDUCTED' : pick(agencyCodes);
      push({ ...base, subject: { kind: 'agency', id: s.id }, rule, ...(client ? { clientEventId: client } : {}), ...(rule === 'D14_OTHER_LEGAL' ? { legalBasis: '法律依据' } : {}) });
    } else {
      push({ ...base, subject: { kind: 'practitioner', id: s.id }, rule: pick(practitionerCodes) });
    }
  }
  return { subjects, records };
};
