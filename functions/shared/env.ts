import { ConfigurationError } from './errors.ts';

/**
 * The environment variables the functions read. They are named here, in the functions layer, and
 * the deployment (`infra/definitions.ts`) sets each function only those its composition reads.
 */
export const ENV = {
  table: 'ECOCREDIT_TABLE',
  recordsQueueUrl: 'ECOCREDIT_RECORDS_QUEUE_URL',
  /** Seconds a records message stays invisible while a worker applies it; the outbox sweep waits longer. */
  recordsVisibilitySeconds: 'ECOCREDIT_RECORDS_VISIBILITY_SECONDS',
  rescoreQueueUrl: 'ECOCREDIT_RESCORE_QUEUE_URL',
  pushQueueUrl: 'ECOCREDIT_PUSH_QUEUE_URL',
  webhookSecretsArn: 'ECOCREDIT_WEBHOOK_SECRETS_ARN',
  jwtIssuer: 'ECOCREDIT_JWT_ISSUER',
  jwtAudience: 'ECOCREDIT_JWT_AUDIENCE',
  scheduleGroup: 'ECOCREDIT_SCHEDULE_GROUP',
  schedulerRoleArn: 'ECOCREDIT_SCHEDULER_ROLE_ARN',
  deadlineFunctionArn: 'ECOCREDIT_DEADLINE_FUNCTION_ARN',
  deadlineDlqArn: 'ECOCREDIT_DEADLINE_DLQ_ARN',
  /** The Secrets Manager secret whose value signs the site's cookies (functions/web/). */
  webSessionSecretArn: 'ECOCREDIT_WEB_SESSION_SECRET_ARN',
  /** Optional: where published results go (Art 16(6), 17(8)); unset, they are logged. */
  creditPlatformUrl: 'ECOCREDIT_CREDIT_PLATFORM_URL',
  /** The S3 bucket of repair evidence files (uploaded by browsers with pre-signed POSTs: docs/portal.md). */
  evidenceBucket: 'ECOCREDIT_EVIDENCE_BUCKET',
} as const;

export type EnvKey = keyof typeof ENV;
export type EnvName = (typeof ENV)[EnvKey];

/** A required environment variable of a composition root; a missing one stops the cold start clearly. */
export const requireEnv = (key: EnvKey): string => {
  const v = process.env[ENV[key]];
  if (!v) throw new ConfigurationError(`missing environment variable ${ENV[key]}`);
  return v;
};

/** An optional environment variable (unset or empty: undefined). */
export const optionalEnv = (key: EnvKey): string | undefined => process.env[ENV[key]] || undefined;
