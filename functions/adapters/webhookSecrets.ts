import { GetSecretValueCommand, type SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { WebhookSecrets } from '../ports/identity.ts';
import { ConfigurationError } from '../shared/errors.ts';

/** Parses `{"source": "whsec_..."}`; anything else is a configuration error. */
export const parseSecrets = (json: string): Map<string, string> => {
  const parsed: unknown = JSON.parse(json);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new ConfigurationError('webhook secrets must be a JSON object of source → whsec_…');
  const out = new Map<string, string>();
  for (const [source, secret] of Object.entries(parsed)) {
    if (typeof secret !== 'string' || !secret.startsWith('whsec_')) throw new ConfigurationError(`webhook secret of ${source} must be whsec_<base64>`);
    out.set(source, secret);
  }
  return out;
};

/** Secrets given directly (the local runtime's ECOCREDIT_WEBHOOK_SECRETS). */
export class StaticWebhookSecrets implements WebhookSecrets {
  constructor(private readonly secrets: ReadonlyMap<string, string>) {}
  async secretFor(source: string): Promise<string | undefined> {
    return this.secrets.get(source);
  }
}

/** Per-source secrets in one Secrets Manager secret, cached for a few minutes. */
export class SecretsManagerWebhookSecrets implements WebhookSecrets {
  private cache: { at: number; secrets: Map<string, string> } | null = null;
  constructor(
    private readonly client: SecretsManagerClient,
    private readonly secretId: string,
    private readonly ttlMs = 5 * 60_000,
  ) {}
  async secretFor(source: string): Promise<string | undefined> {
    if (!this.cache || Date.now() - this.cache.at > this.ttlMs) {
      const r = await this.client.send(new GetSecretValueCommand({ SecretId: this.secretId }));
      this.cache = { at: Date.now(), secrets: parseSecrets(r.SecretString ?? '{}') };
    }
    return this.cache.secrets.get(source);
  }
}
