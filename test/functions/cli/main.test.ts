import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { writeDevSecrets } from '../../../functions/cli/devSecrets.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const ecocredit = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, ['bin/ecocredit.js', ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, ECOCREDIT_WEBHOOK_SECRETS: '', ECOCREDIT_JWT_SECRET: '', ...env },
  });

const COMMANDS = ['evaluate', 'deadline', 'cycle', 'token', 'send', 'rescore'];

describe('ecocredit help', () => {
  it('lists every command with its usage, exit 0', () => {
    const r = ecocredit(['help']);
    expect(r.status).toBe(0);
    for (const c of COMMANDS) expect(r.stdout).toContain(`ecocredit ${c}`);
    expect(r.stdout).toContain('ECOCREDIT_URL');
  });

  it.each(COMMANDS)('%s --help prints the usage of the command, exit 0, and runs nothing', (c) => {
    const r = ecocredit(c === 'cycle' ? ['cycle', 'plan', '--help'] : [c, '--help']);
    expect([r.status, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toContain(`用法：ecocredit ${c}`);
    expect(r.stdout).toContain('退出码');
  });

  it('evaluate --help is not read as a file name', () => {
    const r = ecocredit(['evaluate', '--help']);
    expect(r.stdout).not.toContain('无法读取输入文件');
    expect(r.stdout).toContain('文件|-');
  });

  it('help COMMAND and -h say the same as --help', () => {
    expect(ecocredit(['help', 'deadline']).stdout).toBe(ecocredit(['deadline', '--help']).stdout);
    expect(ecocredit(['deadline', '-h']).stdout).toBe(ecocredit(['deadline', '--help']).stdout);
  });

  it('an unknown command or help topic: a Chinese message and the list, exit 2', () => {
    for (const args of [['nope'], ['help', 'nope']]) {
      const r = ecocredit(args);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain('未知命令：nope');
      expect(r.stderr).toContain('ecocredit evaluate');
    }
  });

  it('no command: the list on stderr, exit 2', () => {
    const r = ecocredit([]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('ecocredit help');
  });
});

describe('the secrets npm start saved', () => {
  it("sign the command line's tokens when the environment has none", async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'ecocredit-main-')), 'data');
    writeDevSecrets(dir, {
      webhookSecrets: '{"dev":"whsec_c2F2ZWQ="}',
      jwtSecret: 'saved-jwt-secret-0123456789abcdef',
    });
    const r = ecocredit(['token', '--role', 'region'], { ECOCREDIT_DATA_DIR: dir });
    expect(r.status).toBe(0);
    const { payload } = await jwtVerify(r.stdout.trim(), new TextEncoder().encode('saved-jwt-secret-0123456789abcdef'));
    expect(payload).toMatchObject({ role: 'region', league: '150000' });
    const none = ecocredit(['token', '--role', 'region'], { ECOCREDIT_DATA_DIR: join(dir, 'elsewhere') });
    expect([none.status, none.stderr]).toEqual([2, expect.stringContaining('ECOCREDIT_JWT_SECRET')]);
  });
});
