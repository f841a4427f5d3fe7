import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../../infra/local/runtime.ts';
import { uscc } from '../../support/builders.ts';
import { staffToken, startTestRuntime, TEST_JWT_SECRET } from '../../support/runtime.ts';

/** `PUT /v1/subjects/{kind}/{id}`: bad text is a 400 naming it, and each 401 says why. */
let rt: LocalRuntime;
beforeAll(async () => {
  rt = await startTestRuntime();
});
afterAll(async () => rt?.stop());

const put = async (id: string, headers: Record<string, string>) => {
  const res = await fetch(`${rt.url}/v1/subjects/enterprise/${id}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ name: '呼和浩特市测试有限公司', league: '150100', sites: [] }),
  });
  return {
    status: res.status,
    json: (await res.json()) as { error: string; reason?: string; issues?: { path: string }[] },
  };
};

describe('the x-reason header', () => {
  it('is kept decoded in the audit entry', async () => {
    const id = uscc(501);
    const r = await put(id, {
      authorization: `Bearer ${await staffToken({ role: 'region', league: '150000' })}`,
      'x-reason': encodeURIComponent('年度核查补录'),
    });
    expect(r.status).toBe(201);
    expect(
      (await rt.store.auditOf({ kind: 'enterprise', id })).find((a) => a.action === 'subject.registered'),
    ).toMatchObject({ why: '年度核查补录' });
  });

  it.each([
    ['a malformed escape', '%E4%B8'],
    ['a lone percent sign', '50%'],
    ['raw non-ASCII bytes', Buffer.from('复议', 'utf8').toString('latin1')],
  ])('refuses %s with 400 naming x-reason, registering nothing', async (_what, value) => {
    const id = uscc(502);
    const r = await put(id, {
      authorization: `Bearer ${await staffToken({ role: 'region', league: '150000' })}`,
      'x-reason': value,
    });
    expect(r.status).toBe(400);
    expect(r.json.error).toContain('x-reason');
    expect(r.json.issues).toEqual([expect.objectContaining({ path: 'x-reason' })]);
    expect(await rt.store.getProfile({ kind: 'enterprise', id })).toBeNull();
  });
});

describe('401 says which check failed', () => {
  it('no token, an expired token, a token without exp, a forged token', async () => {
    const key = new TextEncoder().encode(TEST_JWT_SECRET);
    const now = Math.floor(Date.now() / 1000);
    const expired = await new SignJWT({ role: 'region', league: '150000' })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuedAt(now - 7200)
      .setExpirationTime(now - 60)
      .sign(key);
    const eternal = await new SignJWT({ role: 'region', league: '150000' })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuedAt(now)
      .sign(key);
    const forged = await new SignJWT({ role: 'region', league: '150000' })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuedAt(now)
      .setExpirationTime(now + 60)
      .sign(new TextEncoder().encode('not-the-secret-not-the-secret-xx'));
    const answers = [
      await put(uscc(503), {}),
      ...(await Promise.all([expired, eternal, forged].map((t) => put(uscc(503), { authorization: `Bearer ${t}` })))),
    ];
    expect(answers.map((a) => [a.status, a.json.reason])).toEqual([
      [401, 'missing'],
      [401, 'expired'],
      [401, 'no-expiry'],
      [401, 'bad-signature'],
    ]);
    expect(new Set(answers.map((a) => a.json.error)).size).toBe(4);
    for (const a of answers) expect(a.json.error).not.toContain(TEST_JWT_SECRET);
    expect(await rt.store.getProfile({ kind: 'enterprise', id: uscc(503) })).toBeNull();
  });
});
