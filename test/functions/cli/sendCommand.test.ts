import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../../functions/cli/io.ts';
import { runSend } from '../../../functions/cli/sendCommand.ts';
import type { LocalRuntime } from '../../../infra/local/runtime.ts';
import { collector } from '../../support/collect.ts';
import {
  dumpTable,
  getScore,
  staffToken,
  startTestRuntime,
  TEST_JWT_SECRET,
  TEST_SECRET,
} from '../../support/runtime.ts';

const fixture = fileURLToPath(new URL('../../fixtures/evaluate-basic.json', import.meta.url));
let rt: LocalRuntime;
beforeAll(async () => {
  // The command signs with the real time, so the runtime keeps the real clock too.
  rt = await startTestRuntime();
});
afterAll(async () => rt?.stop());

describe('ecocredit send', () => {
  it('registers the subjects and posts the signed records of a file; the score follows', async () => {
    const c = collector();
    const env = {
      ECOCREDIT_WEBHOOK_SECRETS: JSON.stringify({ 'nmg-enforcement': TEST_SECRET }),
      ECOCREDIT_JWT_SECRET: TEST_JWT_SECRET,
    };
    await runSend(['--source', 'nmg-enforcement', '--url', rt.url, fixture], c.out, env);
    expect(c.text()).toContain('报送：202 {"accepted":6,"duplicates":0}');
    await rt.drain();
    const s = await getScore(rt, 'enterprise', '91150600MA0Q67890N', {
      token: await staffToken({ role: 'region' }),
      query: 'year=2026',
    });
    expect(s.json).toMatchObject({ score: 99.8, grade: 'A' });
  });

  it('refuses a source without a secret and an unreachable server with a clear message', async () => {
    const env = { ECOCREDIT_WEBHOOK_SECRETS: JSON.stringify({ dev: TEST_SECRET }) };
    await expect(runSend(['--source', 'other', fixture], collector().out, env)).rejects.toThrow(
      /没有来源 other 的密钥/,
    );
    await expect(
      runSend(['--source', 'dev', '--url', 'http://127.0.0.1:9', fixture], collector().out, env),
    ).rejects.toThrow(UsageError);
  });
});

/** An empty data folder, so that no saved development secret is found. */
const noSavedSecrets = () => mkdtempSync(join(tmpdir(), 'ecocredit-send-'));

describe('ecocredit send after the local clock was moved', () => {
  let moved: LocalRuntime;
  beforeAll(async () => {
    moved = await startTestRuntime();
    moved.clock.set(new Date('2027-02-15T03:00:00Z'));
  });
  afterAll(async () => moved?.stop());

  it('signs with the service clock, so the webhook accepts the records', async () => {
    const c = collector();
    const env = {
      ECOCREDIT_WEBHOOK_SECRETS: JSON.stringify({ 'nmg-enforcement': TEST_SECRET }),
      ECOCREDIT_JWT_SECRET: TEST_JWT_SECRET,
      ECOCREDIT_DATA_DIR: noSavedSecrets(),
    };
    await runSend(['--source', 'nmg-enforcement', '--url', moved.url, fixture], c.out, env);
    expect(c.text()).toContain('报送：202 {"accepted":6,"duplicates":0}');
  });
});

describe('ecocredit send stops before posting when subjects cannot be registered', () => {
  it('without a JWT secret: says so, registers and posts nothing', async () => {
    const c = collector();
    const before = await dumpTable(rt);
    const env = {
      ECOCREDIT_WEBHOOK_SECRETS: JSON.stringify({ 'nmg-enforcement': TEST_SECRET }),
      ECOCREDIT_DATA_DIR: noSavedSecrets(),
    };
    await expect(runSend(['--source', 'nmg-enforcement', '--url', rt.url, fixture], c.out, env)).rejects.toThrow(
      /ECOCREDIT_JWT_SECRET.*未报送任何记录/,
    );
    expect(c.text()).toBe('');
    expect(await dumpTable(rt)).toBe(before);
  });

  it('after a refused registration: stops at once and posts no record', async () => {
    const c = collector();
    const before = await dumpTable(rt);
    const env = {
      ECOCREDIT_WEBHOOK_SECRETS: JSON.stringify({ 'nmg-enforcement': TEST_SECRET }),
      ECOCREDIT_JWT_SECRET: 'a-different-secret-0123456789abcdef',
      ECOCREDIT_DATA_DIR: noSavedSecrets(),
    };
    const sent = runSend(['--source', 'nmg-enforcement', '--url', rt.url, fixture], c.out, env);
    await expect(sent).rejects.toThrow(UsageError);
    await expect(sent).rejects.toThrow(/登记 enterprise 91150600MA0Q67890N被拒绝（HTTP 401）.*未报送任何记录/s);
    expect(c.text()).not.toContain('报送');
    expect(c.text().match(/^登记 /gm)).toHaveLength(1);
    expect(await dumpTable(rt)).toBe(before);
  });
});

describe('ecocredit send: where the service is', () => {
  const env = (over: Record<string, string>) => ({
    ECOCREDIT_WEBHOOK_SECRETS: JSON.stringify({ dev: TEST_SECRET }),
    ECOCREDIT_JWT_SECRET: TEST_JWT_SECRET,
    ECOCREDIT_DATA_DIR: noSavedSecrets(),
    ...over,
  });

  it('an unreachable service: the message names the URL tried, where it came from and how to change it', async () => {
    await expect(
      runSend(['--source', 'dev', '--url', 'http://127.0.0.1:9', fixture], collector().out, env({})),
    ).rejects.toThrow(
      /无法连接 http:\/\/127\.0\.0\.1:9（地址取自--url 参数.*--url 地址、环境变量 ECOCREDIT_URL 或 PORT/s,
    );
    await expect(runSend(['--source', 'dev', fixture], collector().out, env({ PORT: '9' }))).rejects.toThrow(
      /无法连接 http:\/\/127\.0\.0\.1:9（地址取自环境变量 PORT=9/,
    );
  });

  it('finds the service on PORT when no --url is given', async () => {
    const c = collector();
    const port = new URL(rt.url).port;
    await runSend(['--source', 'nmg-enforcement', fixture], c.out, {
      ...env({ PORT: port }),
      ECOCREDIT_WEBHOOK_SECRETS: JSON.stringify({ 'nmg-enforcement': TEST_SECRET }),
    });
    expect(c.text()).toContain('报送：202');
  });
});
