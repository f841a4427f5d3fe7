import type { InputIssue } from '../../domain/validation.ts';
import type { TokenRefusal } from '../ports/identity.ts';

/**
 * Unexpected failures of the functions layer, as typed errors with their cause (the Powertools
 * style: `new XxxError(message, { cause })`). Expected outcomes are values (`Outcome` below) and
 * never thrown; only handlers turn errors into responses, retries or dead letters.
 *
 * Each subclass names itself with a string literal, not `new.target.name`: minified bundles rename
 * classes, and operators read the name in the logs.
 */
export class EcocreditError extends Error {
  override readonly name: string = 'EcocreditError';
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
  }
}

/** A required setting is missing or malformed: the function cannot run until an operator fixes it. */
export class ConfigurationError extends EcocreditError {
  override readonly name = 'ConfigurationError';
}

/** Optimistic-locking retries exhausted: the message or invocation is retried later. */
export class ConcurrentUpdateError extends EcocreditError {
  override readonly name = 'ConcurrentUpdateError';
}

/** A message or event that can never succeed: retried, then left in a dead-letter queue for a person. */
export class PoisonMessageError extends EcocreditError {
  override readonly name = 'PoisonMessageError';
}

/** The staff token issuer's keys could not be fetched: not the caller's fault (503, retried later). */
export class IdentityProviderError extends EcocreditError {
  override readonly name = 'IdentityProviderError';
}

/**
 * The expected refusals every use case may answer, once for all of them. `shared/http.ts`
 * (`respond`) maps each to its HTTP status: 401, 403, 400, 404, 409.
 */
export type Unauthorized = { readonly status: 'unauthorized'; readonly reason: TokenRefusal | 'missing' };
export type Forbidden = { readonly status: 'forbidden' };
export type Invalid = { readonly status: 'invalid'; readonly issues: readonly InputIssue[] };
export type NotFound = { readonly status: 'notFound' };
/** `code` is a stable code for programs (e.g. a refused transition's `WRONG_STAGE`); `message` is Chinese. */
export type Conflict = { readonly status: 'conflict'; readonly code: string; readonly message: string };

export type Refusal = Unauthorized | Forbidden | Invalid | NotFound | Conflict;

/** A use case's answer: its value, or one of the refusals it can give (`Outcome<V, Invalid | NotFound>`). */
export type Outcome<V, R extends Refusal = Refusal> = { readonly status: 'ok'; readonly value: V } | R;

export const ok = <V>(value: V): { readonly status: 'ok'; readonly value: V } => ({ status: 'ok', value });
export const invalid = (issues: readonly InputIssue[]): Invalid => ({ status: 'invalid', issues });
export const notFound: NotFound = { status: 'notFound' };
export const forbidden: Forbidden = { status: 'forbidden' };
export const conflict = (code: string, message: string): Conflict => ({ status: 'conflict', code, message });
