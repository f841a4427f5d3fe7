import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QualityCheck } from '../../../domain/reports/qualityCheck.ts';
import type { ReportEntry } from '../../../domain/reports/reportEntry.ts';
import { documentClient } from '../../../functions/adapters/dynamoDocument.ts';
import { DynamoLeagueReports } from '../../../functions/adapters/dynamoLeagueReports.ts';
import type { ReportHead } from '../../../functions/ports/leagueReports.ts';
import { leagueReportEntry, uscc } from '../../support/builders.ts';
import { freshTable } from '../../support/table.ts';

/** League reports on DynamoDB Local: versions, frozen entries, the status path, the quality check and the audit trail. */
let client: DynamoDBClient;
let store: DynamoLeagueReports;
const REF = { year: 2025, kind: 'enterprise' as const, league: '150600' as const };
const audit = (action: string) => ({ at: '2026-04-20T02:00:00.000Z', actor: 'staff:league:150600', action, what: {} });
const head = (version: number): ReportHead => ({
  ...REF,
  version,
  status: 'preparing',
  preparedOn: '2026-04-20',
  preparedAt: '2026-04-20T02:00:00.000Z',
  preparedBy: 'staff:league:150600',
  participants: 30,
  sentOn: null,
  sentAt: null,
  sentBy: null,
});
const entry = (n: number): ReportEntry =>
  leagueReportEntry({ code: uscc(n, '150600'), name: `测试${n}号`, score: 1000 - n });

beforeAll(async () => {
  const fresh = await freshTable('league-reports');
  client = fresh.client;
  store = new DynamoLeagueReports(documentClient(client), fresh.table);
});
afterAll(() => client?.destroy());

describe('DynamoLeagueReports', () => {
  it('a version begins once; its entries are written in batches, again without duplicates', async () => {
    expect(await store.latest(REF)).toBeNull();
    expect(await store.begin(head(1), audit('report.prepared'))).toBe(true);
    expect(await store.begin(head(1), audit('report.prepared'))).toBe(false);
    const entries = Array.from({ length: 30 }, (_, i) => entry(i + 1));
    await store.putEntries(REF, 1, entries);
    await store.putEntries(REF, 1, entries.slice(0, 5));
    expect((await store.entries(REF, 1)).map((e) => e.code).sort()).toEqual(entries.map((e) => e.code).sort());
    expect(await store.entries(REF, 2)).toEqual([]);
  });

  it('moves preparing → complete → sent, each once; a sent version never changes', async () => {
    expect(await store.markSent(REF, 1, { on: '2026-04-21', at: 'x', by: 'y' }, audit('report.sent'))).toBe(false);
    expect(await store.complete(REF, 1, audit('report.completed'))).toBe(true);
    expect(await store.complete(REF, 1, audit('report.completed'))).toBe(false);
    const sent = { on: '2026-04-21', at: '2026-04-21T02:00:00.000Z', by: 'staff:league:150600' };
    expect(await store.markSent(REF, 1, sent, audit('report.sent'))).toBe(true);
    expect(await store.markSent(REF, 1, sent, audit('report.sent'))).toBe(false);
    expect(await store.latest(REF)).toMatchObject({ version: 1, status: 'sent', sentOn: '2026-04-21' });
    expect(await store.begin(head(2), audit('report.prepared'))).toBe(true);
    expect((await store.versions(REF)).map((v) => [v.version, v.status])).toEqual([
      [1, 'sent'],
      [2, 'preparing'],
    ]);
  });

  it('the quality check is written guarded by its version; every change is in the audit trail', async () => {
    const check: QualityCheck = {
      ...REF,
      sharePercent: 10,
      seed: 42,
      sampledVersion: 1,
      sampledOn: '2026-05-06',
      sampledBy: 'staff:region:150000',
      codes: [uscc(3, '150600')],
      findings: [],
      version: 1,
    };
    expect(await store.check(REF)).toBeNull();
    expect(await store.putCheck(check, null, audit('report.sampled'))).toBe(true);
    expect(await store.putCheck(check, null, audit('report.sampled'))).toBe(false);
    expect(await store.putCheck({ ...check, version: 2 }, 1, audit('report.finding.agreed'))).toBe(true);
    expect(await store.putCheck({ ...check, version: 3 }, 1, audit('report.finding.agreed'))).toBe(false);
    expect(await store.check(REF)).toMatchObject({ seed: 42, version: 2 });
    // Every entry here has the same instant: compare what was audited, not the order within it.
    expect((await store.auditOf(REF)).map((a) => a.action).sort()).toEqual(
      [
        'report.prepared',
        'report.completed',
        'report.sent',
        'report.prepared',
        'report.sampled',
        'report.finding.agreed',
      ].sort(),
    );
  });
});
