import { describe, expect, it, vi } from 'vitest';
import { HttpCreditPlatform, LoggingCreditPlatform } from '../../../functions/adapters/httpCreditPlatform.ts';
import { CreditPlatformError, type PushBatch } from '../../../functions/ports/creditPlatform.ts';

/** The credit platform has no local peer: its adapter's request is checked field by field. */
const batch: PushBatch = {
  type: 'push',
  batchId: 'b1',
  kind: 'enterprise',
  year: 2026,
  publishedOn: '2027-06-30',
  entries: [
    {
      uscc: '91150600MA0Q67890N',
      name: '鄂尔多斯市示例化工有限公司',
      league: '150600',
      grade: 'A',
      score: 99.8,
      blacklisted: false,
    },
  ],
};

/** The body the platform receives for `batch`, in the regulation's terms (fields checked one by one). */
const expectedBody = (over: Record<string, unknown>) => ({
  source: '内蒙古自治区生态环境厅',
  category: '环保信用评价结果',
  kind: 'enterprise',
  kindName: '企事业单位',
  year: 2026,
  publishedOn: '2027-06-30',
  ...over,
});
const expectedEntry = {
  uscc: '91150600MA0Q67890N',
  name: '鄂尔多斯市示例化工有限公司',
  league: '150600',
  leagueName: '鄂尔多斯市生态环境局',
  grade: 'A',
  gradeName: '环保诚信单位',
  score: 99.8,
  blacklisted: false,
};

describe('the credit platform over HTTP', () => {
  it('posts one JSON batch with an idempotency key, in the regulation’s terms', async () => {
    const fetchMock = vi.fn(async () => new Response('{}', { status: 202 }));
    await new HttpCreditPlatform(
      fetchMock as unknown as typeof fetch,
      'https://credit.nmg.example/api/v1/results',
    ).push(batch);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    const [url, init] = fetchMock.mock.calls[0]! as unknown as [string, RequestInit];
    expect(url).toBe('https://credit.nmg.example/api/v1/results');
    expect(init.method).toBe('POST');
    expect(init.headers).toEqual({ 'content-type': 'application/json; charset=utf-8', 'idempotency-key': 'b1' });
    expect(JSON.parse(init.body as string)).toEqual(expectedBody({ batchId: 'b1', entries: [expectedEntry] }));
    expect(init.signal).toBeInstanceOf(AbortSignal);
  });

  it('Art 23: a re-issued result goes as a correction, under the correction’s own idempotency key', async () => {
    const fetchMock = vi.fn(async () => new Response('{}', { status: 202 }));
    const correction: PushBatch = {
      ...batch,
      batchId: 'c2',
      entries: [{ ...batch.entries[0]!, score: 100 }],
      correction: {
        version: 2,
        reissuedOn: '2027-09-01',
        repairs: [{ eventId: 'NMG-ENF-2026-000123', repairedOn: '2027-09-01' }],
      },
    };
    await new HttpCreditPlatform(
      fetchMock as unknown as typeof fetch,
      'https://credit.nmg.example/api/v1/results',
    ).push(correction);
    const [, init] = fetchMock.mock.calls[0]! as unknown as [string, RequestInit];
    expect(init.headers).toEqual({ 'content-type': 'application/json; charset=utf-8', 'idempotency-key': 'c2' });
    expect(JSON.parse(init.body as string)).toEqual(
      expectedBody({
        batchId: 'c2',
        correction: {
          type: '更正',
          version: 2,
          reissuedOn: '2027-09-01',
          reason: '信用修复后重新评价（第二十三条）',
          repairs: [{ eventId: 'NMG-ENF-2026-000123', repairedOn: '2027-09-01' }],
        },
        entries: [{ ...expectedEntry, score: 100 }],
      }),
    );
  });

  it('a refusal or an unreachable platform is a typed error, so the message is retried', async () => {
    const refused = new HttpCreditPlatform(
      (async () => new Response('busy', { status: 503 })) as unknown as typeof fetch,
      'https://x',
    );
    await expect(refused.push(batch)).rejects.toThrow(CreditPlatformError);
    const down = new HttpCreditPlatform(
      (async () => {
        throw new TypeError('fetch failed');
      }) as unknown as typeof fetch,
      'https://x',
    );
    await expect(down.push(batch)).rejects.toMatchObject({ name: 'CreditPlatformError', cause: expect.any(TypeError) });
  });

  it('without an endpoint, batches are logged, not sent', async () => {
    const log = vi.fn();
    const platform = new LoggingCreditPlatform(log);
    await platform.push(batch);
    expect(platform.pushed).toEqual([batch]);
    expect(log.mock.calls[0]![0]).toContain('ECOCREDIT_CREDIT_PLATFORM_URL');
  });
});
