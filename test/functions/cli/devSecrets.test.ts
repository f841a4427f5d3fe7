import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  devSecretsPath,
  readDevSecrets,
  startSecrets,
  withSavedSecrets,
  writeDevSecrets,
} from '../../../functions/cli/devSecrets.ts';

const dataDir = () => join(mkdtempSync(join(tmpdir(), 'ecocredit-secrets-')), 'data');
const saved = { webhookSecrets: '{"dev":"whsec_c2F2ZWQ="}', jwtSecret: 'saved-jwt-secret' };

describe('development secrets kept in the data folder', () => {
  it('are written readable by their owner only and read back', () => {
    const dir = dataDir();
    expect(readDevSecrets(dir)).toBeNull();
    writeDevSecrets(dir, saved);
    expect(statSync(devSecretsPath(dir)).mode & 0o777).toBe(0o600);
    expect(readDevSecrets(dir)).toEqual(saved);
  });

  it('are never kept for an in-memory data folder', () => {
    expect(readDevSecrets(':memory:')).toBeNull();
  });

  it('the command line takes the environment first, else the saved secrets of ECOCREDIT_DATA_DIR', () => {
    const dir = dataDir();
    writeDevSecrets(dir, saved);
    const both = { ECOCREDIT_WEBHOOK_SECRETS: saved.webhookSecrets, ECOCREDIT_JWT_SECRET: saved.jwtSecret };
    expect(withSavedSecrets({ ECOCREDIT_DATA_DIR: dir })).toEqual({ ECOCREDIT_DATA_DIR: dir, ...both });
    expect(withSavedSecrets({ ECOCREDIT_DATA_DIR: dir, ECOCREDIT_JWT_SECRET: 'from-env' })).toEqual({
      ECOCREDIT_DATA_DIR: dir,
      ...both,
      ECOCREDIT_JWT_SECRET: 'from-env',
    });
    const empty = dataDir();
    expect(withSavedSecrets({ ECOCREDIT_DATA_DIR: empty })).toEqual({ ECOCREDIT_DATA_DIR: empty });
  });
});

describe('the secrets npm start runs with', () => {
  let n = 0;
  const generate = { webhookSecrets: () => `{"dev":"whsec_bmV3LSR7${++n}"}`, jwtSecret: () => `new-jwt-${++n}` };

  it('generates them once, saves them, and reuses them on the next start', () => {
    const dir = dataDir();
    const first = startSecrets({}, dir, generate);
    expect(first.origin).toBe('generated-and-saved');
    expect(statSync(devSecretsPath(dir)).mode & 0o777).toBe(0o600);
    const second = startSecrets({}, dir, generate);
    expect(second).toMatchObject({ origin: 'saved', webhookSecrets: first.webhookSecrets, jwtSecret: first.jwtSecret });
  });

  it('the environment wins, and an in-memory data folder keeps nothing', () => {
    expect(
      startSecrets(
        { ECOCREDIT_WEBHOOK_SECRETS: '{"a":"whsec_YQ=="}', ECOCREDIT_JWT_SECRET: 'env-jwt' },
        dataDir(),
        generate,
      ),
    ).toMatchObject({ origin: 'environment', jwtSecret: 'env-jwt', path: null });
    const dir = dataDir();
    expect(startSecrets({ ECOCREDIT_JWT_SECRET: 'env-jwt' }, dir, generate)).toMatchObject({
      origin: 'generated-and-saved',
      jwtSecret: 'env-jwt',
    });
    expect(startSecrets({}, ':memory:', generate)).toMatchObject({ origin: 'generated-in-memory', path: null });
  });
});
