import { SecretsProvider } from '@aws-lambda-powertools/parameters/secrets';
import type { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { WebhookSecrets } from '../ports/identity.ts';
import { ConfigurationError } from '../shared/errors.ts';

/** Parses `{"source": "whsec_..."}`; anything else is a configuration error. */
export const parseSecrets = (json: string): Map<string, string> => {
  const parsed: unknown = JSON.parse(json);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new ConfigurationError('webhook secrets must be a JSON object of source → whsec_…');
  const out = new Map<string, string>();
  for (const [source, secret] of Object.entries(parsed)) {
    if (typeof secret !== 'string' || !secret.startsWith('whsec_'))
      throw new ConfigurationError(`webhook secret of ${source} must be whsec_<base64>`);
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

/**
 * Per-source secrets in one Secrets Manager secret, read through Powertools parameters: the value is
 * cached for `maxAgeSeconds` (5 minutes: a rotated or added source takes effect within that time)
 * and parsed once per value. Takes the SDK client (wrapped in a SecretsProvider) or a provider.
 */
export class SecretsManagerWebhookSecrets implements WebhookSecrets {
  private readonly provider: SecretsProvider;
  private parsed: { raw: string; secrets: Map<string, string> } | null = null;
  constructor(
    clientOrProvider: SecretsManagerClient | SecretsProvider,
    private readonly secretId: string,
    private readonly maxAgeSeconds = 300,
  ) {
    this.provider =
      clientOrProvider instanceof SecretsProvider
        ? clientOrProvider
        : new SecretsProvider({ awsSdkV3Client: clientOrProvider });
  }
  async secretFor(source: string): Promise<string | undefined> {
    const raw = await this.provider.get(this.secretId, { maxAge: this.maxAgeSeconds });
    if (typeof raw !== 'string') throw new ConfigurationError('webhook secrets must be a SecretString of JSON');
    if (this.parsed?.raw !== raw) this.parsed = { raw, secrets: parseSecrets(raw) };
    return this.parsed.secrets.get(source);
  }
}
