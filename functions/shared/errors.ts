/**
 * Unexpected failures of the functions layer, as typed errors with their cause. Expected rule
 * outcomes are values (result unions) and never thrown; only handlers turn these into responses,
 * retries or dead letters.
 */
export class ConfigurationError extends Error {
  override readonly name = 'ConfigurationError';
}

/** Optimistic-locking retries exhausted: the message or invocation is retried later. */
export class ConcurrentUpdateError extends Error {
  override readonly name = 'ConcurrentUpdateError';
}

/** A message or event that can never succeed: retried, then left in a dead-letter queue for a person. */
export class PoisonMessageError extends Error {
  override readonly name = 'PoisonMessageError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}
