import { describe, expect, it } from 'vitest';
import { notStuckWording } from '../../../functions/ingest-stuck/contracts.ts';
import { redrivenResponse, stuckListResponse } from '../../../functions/ingest-stuck/responses.ts';
import type { StuckEntry } from '../../../functions/ports/store.ts';

const entry: StuckEntry = {
  key: { eventId: 'STUCK-1', entry: 'created' },
  subject: { kind: 'enterprise', id: '91150100MA0N000000' },
  league: '150400',
  source: 'nmg-enforcement',
  attempts: 5,
  error: 'ConcurrentUpdateError: subject kept changing',
  since: '2026-11-20T01:30:00.000Z',
};

describe('answers of the stuck claims routes (docs/api.md §9)', () => {
  it('lists each stuck claim with its entry, subject, league, source, attempts, cause and since', () => {
    const res = stuckListResponse([entry]);
    expect(res.statusCode).toBe(200);
    expect(JSON.parse(res.body)).toEqual({
      items: [
        {
          eventId: 'STUCK-1',
          entry: 'created',
          subject: entry.subject,
          league: '150400',
          source: 'nmg-enforcement',
          attempts: 5,
          error: entry.error,
          since: entry.since,
        },
      ],
    });
  });

  it('accepts a re-drive with how many messages went again, and names an unknown eventId', () => {
    expect(redrivenResponse('STUCK-1', 2)).toMatchObject({ statusCode: 202 });
    expect(JSON.parse(redrivenResponse('STUCK-1', 2).body)).toEqual({ eventId: 'STUCK-1', redriven: 2 });
    expect(notStuckWording('X-1').notFound).toBe('没有未能入库的事件编号：X-1');
  });
});
