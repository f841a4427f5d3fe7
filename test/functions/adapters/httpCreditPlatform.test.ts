import { describe, expect, it, vi } from 'vitest';
import { HttpCreditPlatform, LoggingCreditPlatform } from '../../../functions/adapters/httpCreditPlatform.ts';
import { CreditPlatformError, type PushBatch } from '../../../functions/ports/creditPlatform.ts';

/** The credit platform has no local peer: its adapter's request is checked field by field. */
const batch: PushBatch = {
  type: 'push', batchId: 'b1', kind: 'enterprise', year: 2026, publishedOn: '2027-06-30',
  entries: [{ uscc: '91150600MA0Q67890N', name: '鄂尔多斯市示例化工有限公司', league: '150600', grade: 'A', score: 99.8, blacklisted: false }],
};

describe('the credit platform over HTTP', () => {
  it('posts one JSON batch with an idempotency key, in the regulation’s terms', async () => {
    const fetchMock = vi.fn(async () => new Response('{}', { status: 202 }));
    await new HttpCreditPlatform(fetchMock as unknown as typeof fetch, 'https://credit.nmg.example/api/v1/results').push(batch);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    const [url, init] = fetchMock.mock.calls[0]! as unknown as [string, RequestInit];
    expect(url).toBe('https://credit.nmg.example/api/v1/results');
    expect(init.method).toBe('POST');
    expect(init.headers).toEqual({ 'content-type': 'application/json; charset=utf-8', 'idempotency-key': 'b1' });
    expect(JSON.parse(init.body as string)).toEqual({
      source: '内蒙古自治区生态环境厅',
      category: '环保信用评价结果',
      kind: 'enterprise',
      kindName: '企事业单位',
      year: 2026,
      publishedOn: '2027-06-30',
      batchId: 'b1',
      entries: [{ uscc: '91150600MA0Q67890N', name: '鄂尔多斯市示例化工有限公司', league: '150600', leagueName: '鄂尔多斯市生态环境局', grade: 'A', gradeName: '环保诚信单位', score: 99.8, blacklisted: false }],
    });
    expect(init.signal).toBeInstanceOf(AbortSignal);
  });

  it('a refusal or an unreachable platform is a typed error, so the message is retried', async () => {
    const refused = new HttpCreditPlatform((async () => new Response('busy', { status: 503 })) as unknown as typeof fetch, 'https://x');
    await expect(refused.push(batch)).rejects.toThrow(CreditPlatformError);
    const down = new HttpCreditPlatform((async () => {
      throw new TypeError('fetch failed');
    }) as unknown as typeof fetch, 'https://x');
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
