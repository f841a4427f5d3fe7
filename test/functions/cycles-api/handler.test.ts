import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../../infra/local/runtime.ts';
import { staffToken, startTestRuntime } from '../../support/runtime.ts';

/** The cycles API: bad text in a header, the path or the token is a 4xx naming it, never a 500. */
let rt: LocalRuntime;
beforeAll(async () => {
  rt = await startTestRuntime();
});
afterAll(async () => rt?.stop());

const act = async (headers: Record<string, string>, path = '/v1/cycles/2025/enterprise/acts') => {
  const res = await fetch(`${rt.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ act: 'START_LISTING', league: '150100' }),
  });
  return {
    status: res.status,
    json: (await res.json()) as { error: string; reason?: string; issues?: { path: string }[] },
  };
};

describe('cycle acts', () => {
  it.each([
    ['a malformed escape', '%E4%B8'],
    ['a lone percent sign', '%'],
    ['raw non-ASCII bytes', Buffer.from('补正', 'utf8').toString('latin1')],
  ])('refuse an x-reason with %s: 400 naming the header', async (_what, value) => {
    const r = await act({
      authorization: `Bearer ${await staffToken({ role: 'region', league: '150000' })}`,
      'x-reason': value,
    });
    expect(r.status).toBe(400);
    expect(r.json.issues).toEqual([expect.objectContaining({ path: 'x-reason' })]);
  });

  it('a missing token and a malformed one answer 401 with different messages', async () => {
    const missing = await act({});
    const malformed = await act({ authorization: 'Token abc' });
    expect([missing.status, missing.json.reason, malformed.status, malformed.json.reason]).toEqual([
      401,
      'missing',
      401,
      'malformed',
    ]);
    expect(missing.json.error).not.toBe(malformed.json.error);
  });

  it('a year that is not four digits is a 400 naming year', async () => {
    const r = await act(
      { authorization: `Bearer ${await staffToken({ role: 'region', league: '150000' })}` },
      '/v1/cycles/20x5/enterprise/acts',
    );
    expect(r.status).toBe(400);
    expect(r.json.issues).toEqual([expect.objectContaining({ path: 'year' })]);
  });
});
