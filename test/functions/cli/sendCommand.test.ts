import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSend } from '../../../functions/cli/sendCommand.ts';
import { UsageError } from '../../../functions/cli/io.ts';
import type { LocalRuntime } from '../../../infra/local/runtime.ts';
import { collector } from '../../support/collect.ts';
import { getScore, staffToken, startTestRuntime, TEST_JWT_SECRET, TEST_SECRET } from '../../support/runtime.ts';

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
    const env = { ECOCREDIT_WEBHOOK_SECRETS: JSON.stringify({ 'nmg-enforcement': TEST_SECRET }), ECOCREDIT_JWT_SECRET: TEST_JWT_SECRET };
    await runSend(['--source', 'nmg-enforcement', '--url', rt.url, fixture], c.out, env);
    expect(c.text()).toContain('报送：202 {"accepted":6,"duplicates":0}');
    await rt.drain();
    const s = await getScore(rt, 'enterprise', '91150600MA0Q67890N', { token: await staffToken({ role: 'region' }), query: 'year=2026' });
    expect(s.json).toMatchObject({ score: 99.8, grade: 'A' });
  });

  it('refuses a source without a secret and an unreachable server with a clear message', async () => {
    const env = { ECOCREDIT_WEBHOOK_SECRETS: JSON.stringify({ dev: TEST_SECRET }) };
    await expect(runSend(['--source', 'other', fixture], collector().out, env)).rejects.toThrow(/没有来源 other 的密钥/);
    await expect(runSend(['--source', 'dev', '--url', 'http://127.0.0.1:9', fixture], collector().out, env)).rejects.toThrow(UsageError);
  });
});
