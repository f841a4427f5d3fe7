import { ReceiveMessageCommand, SendMessageCommand } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../../infra/local/runtime.ts';
import { residentId, uscc } from '../../support/builders.ts';
import {
  dumpTable,
  getScore,
  postWebhook,
  putSubject,
  selfMonitoringRecord,
  staffToken,
  startFrozenRuntime,
  startTestRuntime,
} from '../../support/runtime.ts';

/** End to end on the local runtime: signed webhook → SQS → worker → DynamoDB → lookup. */

let rt: LocalRuntime;
beforeAll(async () => {
  rt = await startFrozenRuntime();
});
afterAll(async () => rt?.stop());

const ENT = uscc(101, '150600');
const AGENCY = uscc(102, '150200');
const region = () => staffToken({ role: 'region', league: '150000' });

const rec = (eventId: string, over: Record<string, unknown> = {}) => selfMonitoringRecord(ENT, eventId, over);

/** Everything in the table, in a stable order: "changes nothing" is checked against it. */
const tableDump = () => dumpTable(rt);

describe('health', () => {
  it('answers 200 once the service can serve', async () => {
    const res = await fetch(`${rt.url}/v1/health`);
    expect([res.status, await res.json()]).toEqual([200, { status: 'ok' }]);
  });
});

describe('webhook ingestion (docs/api.md §2)', () => {
  it('accepts a signed record, queues it, and the score reflects it', async () => {
    const posted = await postWebhook(rt, { type: 'record.created', record: rec('E2E-1') });
    expect(posted).toEqual({ status: 202, json: { accepted: 1, duplicates: 0 } });
    await rt.drain();
    const score = await getScore(rt, 'enterprise', ENT, { token: await region() });
    expect(score.status).toBe(200);
    expect(score.json).toMatchObject({
      status: 'live',
      year: 2026,
      score: 97,
      grade: 'A',
      subject: { kind: 'enterprise', id: ENT },
    });
    expect(score.json.items).toEqual([expect.objectContaining({ eventId: 'E2E-1', points: -3, state: 'counted' })]);
  });

  it('keeps a record for a subject nobody registered, as an unregistered subject', async () => {
    const profile = await rt.store.getProfile({ kind: 'enterprise', id: ENT });
    expect(profile).toMatchObject({ registration: 'unregistered', subject: { league: '150600' } });
    const audit = await rt.store.auditOf({ kind: 'enterprise', id: ENT });
    expect(audit.map((a) => a.action).sort()).toEqual(['record.created', 'subject.created-unregistered']);
    expect(audit.find((a) => a.action === 'record.created')).toMatchObject({
      actor: 'webhook:nmg-enforcement',
      what: { eventId: 'E2E-1' },
    });
  });

  it('counts a sequential duplicate once', async () => {
    expect(await postWebhook(rt, { type: 'record.created', record: rec('E2E-1') })).toEqual({
      status: 202,
      json: { accepted: 0, duplicates: 1 },
    });
    await rt.drain();
    const score = await getScore(rt, 'enterprise', ENT, { token: await region() });
    expect(score.json.score).toBe(97);
  });

  it('counts concurrent duplicates once', async () => {
    const results = await Promise.all(
      Array.from({ length: 6 }, () =>
        postWebhook(rt, {
          type: 'record.created',
          record: rec('E2E-2', { rule: 'PMT_LEDGER', occurredOn: '2026-06-01' }),
        }),
      ),
    );
    expect(results.every((r) => r.status === 202)).toBe(true);
    expect(results.reduce((a, r) => a + (r.json.accepted as number), 0)).toBe(1);
    expect(results.reduce((a, r) => a + (r.json.duplicates as number), 0)).toBe(5);
    await rt.drain();
    const score = await getScore(rt, 'enterprise', ENT, { token: await region() });
    expect(score.json.score).toBe(94);
    expect((score.json.items as { eventId: string }[]).filter((i) => i.eventId === 'E2E-2')).toHaveLength(1);
  });

  it('a batch is all-or-nothing at validation and names the field', async () => {
    const before = await tableDump();
    const r = await postWebhook(rt, {
      type: 'records.batch',
      records: [rec('E2E-3'), rec('E2E-4', { rule: 'ENF_FINE' })],
    });
    expect(r.status).toBe(400);
    expect(r.json.issues).toEqual([{ path: 'records[1].fineYuan', message: expect.stringContaining('罚款金额') }]);
    expect(await tableDump()).toBe(before);
  });

  it.each([
    ['a bad signature', { secret: 'whsec_b3RoZXItc2VjcmV0' }, 401],
    ['a stale timestamp', { timestamp: Math.floor(new Date('2026-11-20T01:50:00Z').getTime() / 1000) }, 401],
    ['an unknown source', { source: 'somebody-else' }, 401],
  ])('refuses %s (401) and stores nothing', async (_what, opts, status) => {
    const before = await tableDump();
    const r = await postWebhook(rt, { type: 'record.created', record: rec('E2E-5') }, opts);
    expect(r.status).toBe(status);
    expect(await tableDump()).toBe(before);
  });

  it('refuses a body over 1 MiB with 413 and stores nothing', async () => {
    const before = await tableDump();
    const r = await postWebhook(rt, null, {
      raw: JSON.stringify({ type: 'record.created', record: rec('E2E-6', { summary: 'x'.repeat(1024 * 1024) }) }),
    });
    expect(r.status).toBe(413);
    expect(await tableDump()).toBe(before);
  });

  it('refuses the same eventId with other content with 409 and changes nothing', async () => {
    const before = await tableDump();
    const r = await postWebhook(rt, { type: 'record.created', record: rec('E2E-1', { occurredOn: '2026-05-21' }) });
    expect(r.status).toBe(409);
    expect(r.json.eventIds).toEqual(['E2E-1']);
    expect(await tableDump()).toBe(before);
  });

  it('refuses invalid JSON and an unknown type with 400', async () => {
    const before = await tableDump();
    expect((await postWebhook(rt, null, { raw: '{"type":' })).status).toBe(400);
    const r = await postWebhook(rt, { type: 'record.deleted', eventId: 'E2E-1' });
    expect(r.status).toBe(400);
    expect((r.json.issues as { path: string }[])[0]!.path).toBe('type');
    expect(await tableDump()).toBe(before);
  });

  it('applies rectification and revocation; refuses unknown eventIds and conflicting dates', async () => {
    expect((await postWebhook(rt, { type: 'record.rectified', eventId: 'E2E-2', on: '2026-07-01' })).json).toEqual({
      accepted: 1,
      duplicates: 0,
    });
    expect((await postWebhook(rt, { type: 'record.rectified', eventId: 'E2E-2', on: '2026-07-01' })).json).toEqual({
      accepted: 0,
      duplicates: 1,
    });
    const before = await tableDump();
    expect((await postWebhook(rt, { type: 'record.rectified', eventId: 'E2E-2', on: '2026-07-02' })).status).toBe(409);
    expect((await postWebhook(rt, { type: 'record.rectified', eventId: 'NOPE-1', on: '2026-07-02' })).status).toBe(404);
    expect((await postWebhook(rt, { type: 'record.revoked', eventId: 'E2E-2', on: '2026-01-01' })).status).toBe(400);
    expect(await tableDump()).toBe(before);
    await rt.drain();
    let score = await getScore(rt, 'enterprise', ENT, { token: await region() });
    // Art 27: −3 rectified on 2026-07-01 may be repaired at once.
    expect(score.json.repair).toEqual([expect.objectContaining({ eventId: 'E2E-2', earliestOn: '2026-07-01' })]);
    expect(
      (await postWebhook(rt, { type: 'record.revoked', eventId: 'E2E-2', on: '2026-08-01', reason: '复议撤销' }))
        .status,
    ).toBe(202);
    await rt.drain();
    score = await getScore(rt, 'enterprise', ENT, { token: await region() });
    expect(score.json.score).toBe(97);
    const audit = await rt.store.auditOf({ kind: 'enterprise', id: ENT });
    expect(audit.find((a) => a.action === 'record.revoked')).toMatchObject({
      why: '复议撤销',
      what: { eventId: 'E2E-2', revokedOn: '2026-08-01' },
    });
  });
});

describe('knock-on re-evaluations', () => {
  it('I4: an agency citing a client record follows it — arriving late, and revoked', async () => {
    const client = uscc(201, '150600');
    await postWebhook(rt, {
      type: 'record.created',
      record: {
        eventId: 'AG-1',
        subject: { kind: 'agency', id: AGENCY },
        rule: 'AG_CLIENT_DEDUCTED',
        clientEventId: 'CL-1',
        occurredOn: '2026-06-10',
        department: '150600-EEB',
        league: '150600',
      },
    });
    await rt.drain();
    let ag = await getScore(rt, 'agency', AGENCY, { token: await region() });
    expect(ag.json).toMatchObject({
      score: 100,
      pending: [expect.objectContaining({ eventId: 'AG-1', state: 'awaiting-client' })],
    });
    await postWebhook(rt, {
      type: 'record.created',
      record: { ...rec('CL-1', { rule: 'EIA_QUALITY' }), subject: { kind: 'enterprise', id: client } },
    });
    await rt.drain();
    ag = await getScore(rt, 'agency', AGENCY, { token: await region() });
    expect(ag.json.score).toBe(90);
    await postWebhook(rt, { type: 'record.revoked', eventId: 'CL-1', on: '2026-09-01', reason: '撤销' });
    await rt.drain();
    ag = await getScore(rt, 'agency', AGENCY, { token: await region() });
    expect(ag.json.score).toBe(100);
  });

  it('Annex 2: three staff with records take 20 from their employer agency', async () => {
    const token = await region();
    expect(
      (
        await putSubject(
          rt,
          'agency',
          AGENCY,
          { name: '包头市测试监测有限公司', league: '150200', categories: ['monitoring'] },
          token,
        )
      ).status,
    ).toBe(200);
    for (const n of [1, 2, 3]) {
      const pid = residentId(n);
      expect(
        (
          await putSubject(
            rt,
            'practitioner',
            pid,
            { employer: { kind: 'agency', id: AGENCY }, league: '150200' },
            token,
          )
        ).status,
      ).toBe(201);
      await postWebhook(rt, {
        type: 'record.created',
        record: {
          eventId: `PR-${n}`,
          subject: { kind: 'practitioner', id: pid },
          rule: 'PR_FRAUD_IN_SERVICE',
          occurredOn: `2026-0${n + 2}-01`,
          department: '150200-EEB',
          league: '150200',
        },
      });
    }
    await rt.drain();
    const ag = await getScore(rt, 'agency', AGENCY, { token });
    expect(ag.json.score).toBe(80);
    expect(ag.json.items).toContainEqual(
      expect.objectContaining({ rule: 'AG_STAFF_RECORDS', points: -20, occurredOn: '2026-05-01' }),
    );
  });
});

describe('subjects (PUT /v1/subjects/{kind}/{id})', () => {
  it('registers an unregistered subject, audited, and re-evaluates it with its sites', async () => {
    const token = await staffToken({ role: 'league', league: '150600' });
    const r = await putSubject(
      rt,
      'enterprise',
      ENT,
      {
        name: '鄂尔多斯市测试化工有限公司',
        league: '150600',
        sites: [
          { siteId: `${ENT}001P`, outputShare: 0.5 },
          { siteId: `${ENT}002P`, outputShare: 0.5 },
        ],
      },
      token,
    );
    expect(r).toMatchObject({ status: 200, json: { registration: 'registered', version: 2 } });
    await rt.drain();
    const score = await getScore(rt, 'enterprise', ENT, { token });
    // Site 1: 97; site 2: 100 → 98.5
    expect(score.json.score).toBe(98.5);
    const audit = await rt.store.auditOf({ kind: 'enterprise', id: ENT });
    expect(audit.find((a) => a.action === 'subject.updated')).toMatchObject({
      actor: 'staff:league:150600:local-league',
    });
  });

  it('refuses bad input (400, naming the field), other leagues (403) and no token (401), changing nothing', async () => {
    const before = await tableDump();
    const league = await staffToken({ role: 'league', league: '150600' });
    const bad = await putSubject(
      rt,
      'enterprise',
      ENT,
      { name: '甲', league: '150600', sites: [{ siteId: 'A', outputShare: 2 }] },
      league,
    );
    expect([bad.status, (bad.json.issues as { path: string }[])[0]!.path]).toEqual([400, 'sites[0].outputShare']);
    expect(
      (
        await putSubject(
          rt,
          'enterprise',
          ENT,
          { name: '甲', league: '150600' },
          await staffToken({ role: 'league', league: '150100' }),
        )
      ).status,
    ).toBe(403);
    expect(
      (
        await putSubject(
          rt,
          'enterprise',
          ENT,
          { name: '甲', league: '150600' },
          await staffToken({ role: 'enterprise', subject: ENT }),
        )
      ).status,
    ).toBe(403);
    expect((await putSubject(rt, 'enterprise', ENT, { name: '甲', league: '150600' })).status).toBe(401);
    expect(
      (await putSubject(rt, 'enterprise', '91150600MA0Q67890M', { name: '甲', league: '150600' }, league)).status,
    ).toBe(400);
    expect(await tableDump()).toBe(before);
  });
});

describe('score lookup: jurisdiction and privacy (docs/api.md §3)', () => {
  it('staff see live scores in their jurisdiction only', async () => {
    expect(
      (await getScore(rt, 'enterprise', ENT, { token: await staffToken({ role: 'league', league: '150600' }) })).status,
    ).toBe(200);
    expect(
      (await getScore(rt, 'enterprise', ENT, { token: await staffToken({ role: 'league', league: '150100' }) })).status,
    ).toBe(403);
    expect(
      (await getScore(rt, 'enterprise', ENT, { token: await staffToken({ role: 'enterprise', subject: ENT }) })).status,
    ).toBe(200);
    expect(
      (await getScore(rt, 'enterprise', ENT, { token: await staffToken({ role: 'enterprise', subject: uscc(999) }) }))
        .status,
    ).toBe(403);
    expect((await getScore(rt, 'enterprise', ENT, { token: 'not-a-token' })).status).toBe(401);
  });

  it('asOf and year evaluate as of that date', async () => {
    const r = await getScore(rt, 'enterprise', ENT, { token: await region(), query: 'year=2026&asOf=2026-05-31' });
    expect(r.json).toMatchObject({ asOf: '2026-05-31', score: 98.5 });
    const early = await getScore(rt, 'enterprise', ENT, { token: await region(), query: 'year=2026&asOf=2026-05-01' });
    expect(early.json.score).toBe(100);
    expect((await getScore(rt, 'enterprise', ENT, { token: await region(), query: 'asOf=2026-02-30' })).status).toBe(
      400,
    );
  });

  it('the public sees only published results, never a practitioner', async () => {
    expect((await getScore(rt, 'enterprise', ENT)).status).toBe(404);
    const snapshot = await rt.store.getSnapshot({ kind: 'enterprise', id: ENT }, 2026);
    await rt.store.putPublished(
      { kind: 'enterprise', id: ENT },
      { year: 2025, grade: 'A', publishedOn: '2026-06-30', result: { ...snapshot!.result, year: 2025 } },
    );
    const pub = await getScore(rt, 'enterprise', ENT);
    expect(pub).toMatchObject({ status: 200, json: { status: 'published', year: 2025 } });
    expect((await getScore(rt, 'practitioner', residentId(1))).status).toBe(404);
    expect((await getScore(rt, 'enterprise', 'bad-id')).status).toBe(400);
  });
});

describe('failures lose nothing', () => {
  it('a poison message ends in the dead-letter queue without blocking the rest', async () => {
    const records = rt.queues[0]!;
    await rt.sqs.send(
      new SendMessageCommand({
        QueueUrl: records.url,
        MessageBody: '{"type":"nonsense"}',
        MessageGroupId: 'poison',
        MessageDeduplicationId: 'poison-1',
      }),
    );
    await postWebhook(rt, {
      type: 'record.created',
      record: rec('E2E-7', { rule: 'HW_BASIC', subject: { kind: 'enterprise', id: ENT, siteId: `${ENT}002P` } }),
    });
    await rt.drain(40_000);
    const dlq = await rt.sqs.send(
      new ReceiveMessageCommand({ QueueUrl: records.dlqUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 1 }),
    );
    expect((dlq.Messages ?? []).map((m) => m.Body)).toContain('{"type":"nonsense"}');
    const score = await getScore(rt, 'enterprise', ENT, { token: await region() });
    expect((score.json.items as { eventId: string }[]).map((i) => i.eventId)).toContain('E2E-7');
  });
});

describe('a crash between steps', () => {
  let crashing: LocalRuntime;
  let crashes = 0;
  beforeAll(async () => {
    crashing = await startTestRuntime({
      afterCommit: () => {
        if (crashes < 2) {
          crashes++;
          throw new Error('simulated crash after the commit, before the knock-on and the delete');
        }
      },
    });
    crashing.clock.freeze(new Date('2026-11-20T02:00:00Z'));
  });
  afterAll(async () => crashing?.stop());

  it('loses nothing and counts nothing twice on redelivery', async () => {
    await postWebhook(crashing, {
      type: 'record.created',
      record: {
        eventId: 'AG-9',
        subject: { kind: 'agency', id: AGENCY },
        rule: 'AG_CLIENT_DEDUCTED',
        clientEventId: 'CL-9',
        occurredOn: '2026-06-10',
        department: '150600-EEB',
        league: '150600',
      },
    });
    await postWebhook(crashing, { type: 'record.created', record: rec('CL-9', { rule: 'EIA_QUALITY' }) });
    await crashing.drain(40_000);
    expect(crashes).toBe(2);
    const token = await region();
    const ent = await getScore(crashing, 'enterprise', ENT, { token });
    expect(ent.json.score).toBe(90);
    expect((ent.json.items as unknown[]).length).toBe(1);
    const ag = await getScore(crashing, 'agency', AGENCY, { token });
    expect(ag.json.score).toBe(90);
  });
});

describe('the development clock', () => {
  it('answers 200 with settled: false when the work it set off outlasts the wait, and the work still completes', async () => {
    const busy = await startTestRuntime({ devClockDrainMs: 0 });
    busy.clock.freeze(new Date('2026-11-20T02:00:00Z'));
    try {
      expect((await postWebhook(busy, { type: 'record.created', record: rec('E-CLOCK-1') })).status).toBe(202);
      const res = await fetch(`${busy.url}/v1/dev/clock`, { method: 'POST', body: JSON.stringify({ advanceDays: 1 }) });
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ fired: expect.any(Number), settled: false });
      await busy.drain();
      expect((await busy.store.getClaims(['E-CLOCK-1'])).get('E-CLOCK-1')?.applied).toBe(true);
    } finally {
      await busy.stop();
    }
  });
});

describe('a failed start', () => {
  it('says which port is taken and stops the services it had started', async () => {
    const { createServer } = await import('node:http');
    const { execFile } = await import('node:child_process');
    const { startLocalRuntime } = await import('../../../infra/local/runtime.ts');
    // The DynamoDB Local processes this test process started: its own children, by pid (others
    // on the machine, such as the shared test services, are not its children and are not counted).
    const children = () =>
      new Promise<number[]>((resolve) =>
        execFile('pgrep', ['-P', String(process.pid), '-f', 'DynamoDBLocal.jar'], (_err, stdout) =>
          resolve(stdout.split('\n').filter(Boolean).map(Number)),
        ),
      );
    const alive = (pid: number) => {
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    };
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', () => r()));
    const port = (blocker.address() as { port: number }).port;
    const before = new Set(await children());
    const started = new Set<number>();
    let watching = true;
    const watch = (async () => {
      while (watching) {
        for (const pid of await children()) if (!before.has(pid)) started.add(pid);
        await new Promise((r) => setTimeout(r, 50));
      }
    })();
    await expect(
      startLocalRuntime({
        dataDir: ':memory:',
        port,
        webhookSecrets: new Map(),
        jwtSecret: 'x'.repeat(32),
        poll: false,
      }),
    ).rejects.toMatchObject({ code: 'EADDRINUSE' });
    watching = false;
    await watch;
    expect(started.size).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 500));
    expect([...started].filter(alive)).toEqual([]);
    blocker.close();
  });
});
