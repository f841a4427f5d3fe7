import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROUTES } from '../../../infra/definitions.ts';
import type { LocalRuntime } from '../../../infra/local/runtime.ts';
import { uscc } from '../../support/builders.ts';
import { staffToken, startTestRuntime } from '../../support/runtime.ts';

/**
 * The local HTTP server turns requests into API Gateway events. Whatever text arrives — in the
 * path, a header, the query string or the body — the answer is never a 5xx: bad text is a 4xx.
 */
let rt: LocalRuntime;
let regionToken: string;
beforeAll(async () => {
  rt = await startTestRuntime();
  regionToken = await staffToken({ role: 'region', league: '150000' });
});
afterAll(async () => rt?.stop());

/** Sends raw bytes (no client-side checks or encoding) and returns the status and body. */
const rawRequest = (request: Buffer): Promise<{ status: number; body: string }> =>
  new Promise((resolve, reject) => {
    const { hostname, port } = new URL(rt.url);
    const socket = connect(Number(port), hostname);
    const chunks: Buffer[] = [];
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const m = /^HTTP\/1\.1 (\d{3})/.exec(text);
      resolve({ status: m ? Number(m[1]) : -1, body: text.slice(text.indexOf('\r\n\r\n') + 4) });
    });
    // Written, not ended: the server closes the connection once it has answered (`connection: close`).
    socket.write(request);
  });

const request = (
  method: string,
  target: string,
  headers: Record<string, string> = {},
  body: Buffer = Buffer.alloc(0),
): Buffer =>
  Buffer.concat([
    Buffer.from(
      `${method} ${target} HTTP/1.0\r\nhost: localhost\r\nconnection: close\r\ncontent-length: ${body.length}\r\n${Object.entries(
        headers,
      )
        .map(([k, v]) => `${k}: ${v}\r\n`)
        .join('')}\r\n`,
      'latin1',
    ),
    body,
  ]);

/** Raw UTF-8 bytes in a header or path, as a careless client sends them. */
const rawUtf8 = (s: string) => Buffer.from(s, 'utf8').toString('latin1');

const GOOD: Record<string, string> = {
  kind: 'enterprise',
  id: uscc(601),
  source: 'nmg-enforcement',
  year: '2025',
  applicationId: 'a1',
};
const BAD_SEGMENTS = ['%', '%E4%B8', '%FF', '%zz', 'a%00b', '%2F', '..', rawUtf8('企业'), 'x'.repeat(3000), "'%22;--"];
const BAD_HEADERS: Record<string, string>[] = [
  { 'x-reason': '%E4%B8' },
  { 'x-reason': '%' },
  { 'x-reason': rawUtf8('复议撤销') },
  { 'x-reason': '%00%0d' },
  { 'x-reason': 'r'.repeat(5000) },
  { authorization: 'Bearer %' },
  { authorization: 'Bearer a.b.c' },
  { authorization: `Bearer ${rawUtf8('令牌')}` },
  { authorization: `Bearer ${'x'.repeat(6000)}` },
  { authorization: 'Basic' },
  { 'webhook-id': rawUtf8('编号'), 'webhook-timestamp': '-1', 'webhook-signature': 'v1,%%%' },
  { 'webhook-id': 'm', 'webhook-timestamp': '9'.repeat(40), 'webhook-signature': `v1,${'A'.repeat(5000)}` },
  { 'content-type': rawUtf8('应用/json; charset=%%') },
];
const BAD_QUERIES = [
  'year=%',
  'year=%E4',
  'asOf=%FF',
  'year=2025&year=2026',
  '%=%',
  `year=${'9'.repeat(3000)}`,
  'asOf=2026-02-30',
  'wait=%ZZ&page=-1',
  rawUtf8('年度=二〇二五'),
];
const BAD_BODIES = [
  '{',
  'null',
  '[]',
  '"x"',
  '{"name":'.repeat(200),
  Buffer.from([0xff, 0xfe, 0x00, 0xc3]).toString('latin1'),
];

const pathWith = (template: string, bad?: { param: string; value: string }) =>
  template.replace(/\{(\w+)\}/g, (_, n: string) => (bad && bad.param === n ? bad.value : (GOOD[n] ?? 'x')));

/** Every malformed request for one route, with and without a valid staff token. */
const requestsFor = (route: (typeof ROUTES)[number]): { what: string; bytes: Buffer }[] => {
  const out: { what: string; bytes: Buffer }[] = [];
  const params = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
  for (const auth of [{}, { authorization: `Bearer ${regionToken}` }] as Record<string, string>[]) {
    const add = (what: string, target: string, headers: Record<string, string> = {}, body = '') =>
      out.push({
        what: `${route.method} ${route.path} ${what}${'authorization' in auth ? ' (staff)' : ''}`,
        bytes: request(route.method, target, { ...auth, ...headers }, Buffer.from(body, 'latin1')),
      });
    for (const param of params)
      for (const value of BAD_SEGMENTS)
        add(`path ${param}=${value.slice(0, 20)}`, pathWith(route.path, { param, value }));
    for (const headers of BAD_HEADERS) add(`header ${Object.keys(headers).join(',')}`, pathWith(route.path), headers);
    for (const q of BAD_QUERIES) add(`query ${q.slice(0, 20)}`, `${pathWith(route.path)}?${q}`);
    for (const b of BAD_BODIES)
      add(`body ${b.slice(0, 12)}`, pathWith(route.path), { 'content-type': 'application/json' }, b);
  }
  return out;
};

const sendAll = async (requests: { what: string; bytes: Buffer }[], concurrency = 6) => {
  const answers: { what: string; status: number; body: string }[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < requests.length) {
        const r = requests[next++]!;
        answers.push({ what: r.what, ...(await rawRequest(r.bytes)) });
      }
    }),
  );
  return answers;
};

describe('no 5xx from bad text', () => {
  it('sweeps every route with malformed paths, headers, query strings and bodies: never a 5xx', async () => {
    const requests = ROUTES.flatMap(requestsFor);
    const answers = await sendAll(requests);
    expect(answers).toHaveLength(requests.length);
    const serverErrors = answers
      .filter((a) => a.status >= 500 || a.status < 0)
      .map((a) => `${a.status} ${a.what}: ${a.body.slice(0, 120)}`);
    expect(serverErrors).toEqual([]);
    // Every refusal of bad input that reached a handler says what was wrong, in Chinese.
    for (const a of answers.filter((x) => x.status === 400 && x.body.startsWith('{')))
      expect(JSON.parse(a.body).error).toMatch(/[\u4e00-\u9fff]/);
  });

  it('a malformed escape in a path parameter is a 400 naming the parameter', async () => {
    const r = await rawRequest(request('GET', '/v1/subjects/enterprise/%E4%B8/score'));
    expect(r.status).toBe(400);
    expect(JSON.parse(r.body)).toMatchObject({ issues: [{ path: 'id' }] });
    const kind = await rawRequest(request('GET', `/v1/subjects/%zz/${GOOD.id}/score`));
    expect([kind.status, JSON.parse(kind.body).issues[0].path]).toEqual([400, 'kind']);
  });

  it('a malformed query string value is a 400 naming the parameter', async () => {
    for (const [q, name] of [
      ['year=%', 'year'],
      ['year=%E4', 'year'],
      ['asOf=%FF', 'asOf'],
    ] as const) {
      const r = await rawRequest(request('GET', `/v1/subjects/enterprise/${GOOD.id}/score?${q}`));
      expect(r.status).toBe(400);
      expect(JSON.parse(r.body).issues.map((i: { path: string }) => i.path)).toContain(name);
    }
  });

  it('a request target that is not a path is refused without reaching a handler', async () => {
    for (const target of ['//elsewhere/v1/health', 'http://elsewhere/v1/health'])
      expect((await rawRequest(request('GET', target))).status).toBeLessThan(500);
    expect((await rawRequest(request('GET', '//elsewhere/v1/health'))).status).toBe(400);
  });
});
