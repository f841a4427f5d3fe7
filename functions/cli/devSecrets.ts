import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The development secrets `npm start` generates when none are given: kept in the data folder
 * (`dev-secrets.json`, readable by its owner only) and reused by the next start and by the
 * command line, so that tokens and signatures keep working. Never used when the environment sets them.
 */
export interface DevSecrets {
  /** JSON object source → whsec_…, as in ECOCREDIT_WEBHOOK_SECRETS. */
  readonly webhookSecrets: string;
  readonly jwtSecret: string;
}

export const DEV_SECRETS_FILE = 'dev-secrets.json';

export const devSecretsPath = (dataDir: string): string => join(dataDir, DEV_SECRETS_FILE);

/** The saved secrets of a data folder, or null when there are none (or the folder is ':memory:'). */
export const readDevSecrets = (dataDir: string): DevSecrets | null => {
  if (dataDir === ':memory:') return null;
  try {
    const saved = JSON.parse(readFileSync(devSecretsPath(dataDir), 'utf8')) as Partial<DevSecrets>;
    return typeof saved.webhookSecrets === 'string' && typeof saved.jwtSecret === 'string'
      ? { webhookSecrets: saved.webhookSecrets, jwtSecret: saved.jwtSecret }
      : null;
  } catch {
    return null;
  }
};

export const writeDevSecrets = (dataDir: string, secrets: DevSecrets): string => {
  mkdirSync(dataDir, { recursive: true });
  const path = devSecretsPath(dataDir);
  writeFileSync(path, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600 });
  chmodSync(path, 0o600);
  return path;
};

/**
 * The command line's environment: the environment first, else the saved secrets of the data folder
 * (ECOCREDIT_DATA_DIR, default .data). Read once at the entry, so the commands see only `env`.
 */
export const withSavedSecrets = (env: NodeJS.ProcessEnv): NodeJS.ProcessEnv => {
  if (env.ECOCREDIT_WEBHOOK_SECRETS && env.ECOCREDIT_JWT_SECRET) return env;
  const saved = readDevSecrets(env.ECOCREDIT_DATA_DIR ?? '.data');
  if (!saved) return env;
  return {
    ...env,
    ECOCREDIT_WEBHOOK_SECRETS: env.ECOCREDIT_WEBHOOK_SECRETS || saved.webhookSecrets,
    ECOCREDIT_JWT_SECRET: env.ECOCREDIT_JWT_SECRET || saved.jwtSecret,
  };
};

/** Where the secrets `npm start` runs with came from, to say so on start. */
export type SecretsOrigin = 'environment' | 'saved' | 'generated-and-saved' | 'generated-in-memory';

/**
 * The secrets `npm start` runs with: the environment's, else the ones saved in the data folder,
 * else new ones — saved (0600) for the next start unless the data folder is ':memory:'.
 */
export const startSecrets = (
  env: NodeJS.ProcessEnv,
  dataDir: string,
  generate: { webhookSecrets: () => string; jwtSecret: () => string },
): DevSecrets & { origin: SecretsOrigin; path: string | null } => {
  if (env.ECOCREDIT_WEBHOOK_SECRETS && env.ECOCREDIT_JWT_SECRET)
    return {
      webhookSecrets: env.ECOCREDIT_WEBHOOK_SECRETS,
      jwtSecret: env.ECOCREDIT_JWT_SECRET,
      origin: 'environment',
      path: null,
    };
  const saved = readDevSecrets(dataDir);
  const dev = saved ?? { webhookSecrets: generate.webhookSecrets(), jwtSecret: generate.jwtSecret() };
  const inMemory = dataDir === ':memory:';
  const path = inMemory ? null : saved ? devSecretsPath(dataDir) : writeDevSecrets(dataDir, dev);
  return {
    webhookSecrets: env.ECOCREDIT_WEBHOOK_SECRETS ?? dev.webhookSecrets,
    jwtSecret: env.ECOCREDIT_JWT_SECRET ?? dev.jwtSecret,
    origin: saved ? 'saved' : inMemory ? 'generated-in-memory' : 'generated-and-saved',
    path,
  };
};
