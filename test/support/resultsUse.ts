import { expect } from 'vitest';
import type { HistoryEntry } from '../../domain/evaluation/evaluate.ts';
import type { CreditRecord } from '../../domain/records/creditRecord.ts';
import type { Subject } from '../../domain/subjects/subject.ts';
import type { DynamoCreditStore } from '../../functions/adapters/dynamoStore.ts';
import { PublishResults } from '../../functions/publication/publishResults.ts';
import { agency, enterprise, record, uscc } from './builders.ts';
import { deliverRecord, registerProfile } from './store.ts';

/**
 * Three years of published results (2023–2025) to use: an enterprise with a direct D each year
 * (blacklisted by its 2025 result, Art 19), an enterprise without records (A), an agency at C and an
 * agency at D (Art 31(2)), in two leagues. Also the same data as the input of `ecocredit evaluate` for 2025.
 */
const WUHAI = '150300';
const ORDOS = '150600';
export const SEEDED = {
  blacklisted: enterprise({ id: uscc(701, WUHAI), name: '乌海市连续不良焦化有限公司', league: WUHAI }),
  clean: enterprise({ id: uscc(702, WUHAI), name: '乌海市诚信建材有限公司', league: WUHAI }),
  agencyC: agency({ id: uscc(703, ORDOS), name: '鄂尔多斯市警示监测有限公司', league: ORDOS }),
  agencyD: agency({ id: uscc(704, WUHAI), name: '乌海市不良监测有限公司', league: WUHAI }),
} as const;
export const PUBLISHED_ON: Readonly<Record<number, string>> = {
  2023: '2024-06-28',
  2024: '2025-06-27',
  2025: '2026-06-26',
};

const recordsOf = (): CreditRecord[] => [
  ...[2023, 2024, 2025].map((y) =>
    record({
      eventId: `RU-D-${y}`,
      subject: { kind: 'enterprise', id: SEEDED.blacklisted.id },
      rule: 'SR_EVASION_UNCOMPLIED',
      occurredOn: `${y}-04-01`,
      rectifiedOn: `${y}-05-01`,
      league: WUHAI,
      department: `${WUHAI}-EEB`,
    }),
  ),
  record({
    eventId: 'RU-AC-1',
    subject: { kind: 'agency', id: SEEDED.agencyC.id },
    rule: 'AG_NO_QUALIFICATION',
    occurredOn: '2025-03-01',
    league: ORDOS,
    department: `${ORDOS}-EEB`,
  }),
  ...['AG_NO_QUALIFICATION', 'AG_FALSIFIED_DATA'].map((rule, i) =>
    record({
      eventId: `RU-AD-${i}`,
      subject: { kind: 'agency', id: SEEDED.agencyD.id },
      rule,
      occurredOn: '2025-03-01',
      league: WUHAI,
      department: `${WUHAI}-EEB`,
    }),
  ),
];

export interface SeededResults {
  readonly subjects: readonly Subject[];
  readonly records: readonly CreditRecord[];
  /** The published grades of 2023 and 2024, as `ecocredit evaluate` takes them. */
  readonly history: readonly HistoryEntry[];
}

export const seedPublishedResults = async (store: DynamoCreditStore): Promise<SeededResults> => {
  const subjects = Object.values(SEEDED) as Subject[];
  for (const s of subjects) expect(await registerProfile(store, s, '2023-01-05T00:00:00.000Z')).toBe(true);
  const records = recordsOf();
  for (const r of records) expect(await deliverRecord(store, r.subject, r, `${r.occurredOn}T02:00:00.000Z`)).toBe(true);
  const publish = new PublishResults(store);
  for (const year of [2023, 2024, 2025])
    for (const kind of ['enterprise', 'agency'] as const)
      await publish.execute({
        type: 'publish',
        kind,
        year,
        publishedOn: PUBLISHED_ON[year]!,
        subjects: subjects.filter((s) => s.kind === kind).map((s) => ({ kind: s.kind, id: s.id })),
      });
  const history: HistoryEntry[] = [];
  for (const s of subjects)
    for (const year of [2023, 2024]) {
      const p = await store.getPublished({ kind: s.kind, id: s.id }, year);
      if (p?.grade)
        history.push({
          subject: { kind: s.kind as 'enterprise' | 'agency', id: s.id },
          year,
          grade: p.grade,
          publishedOn: p.publishedOn,
        });
    }
  return { subjects, records, history };
};
