import type { InputIssue } from '../../domain/validation.ts';
import type { RecordMessage } from '../ports/messages.ts';
import type { AuditLog, ClaimStore, EventClaim, OutboxStore, ProfileStore } from '../ports/store.ts';
import type { Clock } from '../shared/clock.ts';

/** A reservation older than this belongs to a delivery that died (the function timeout is 10 s). */
export const STALE_RESERVATION_MS = 30_000;
/** How long a delivery waits for another delivery's outcome before answering "busy". */
export const WAIT_FOR_OTHER_MS = 5_000;

export type DeliveryOutcome =
  | { readonly status: 'accepted'; readonly accepted: number; readonly duplicates: number }
  | { readonly status: 'tooLarge' }
  | { readonly status: 'unauthorized'; readonly reason: string }
  | { readonly status: 'invalid'; readonly issues: InputIssue[] }
  | { readonly status: 'conflict'; readonly eventIds: string[] }
  | { readonly status: 'unknownEvent'; readonly eventId: string }
  /** A lifecycle message from a source other than the record's (audited). */
  | { readonly status: 'forbidden'; readonly eventId: string }
  /** Another delivery of the same eventId is still in progress: retry shortly. */
  | { readonly status: 'busy'; readonly eventIds: string[] };

export interface Delivery {
  readonly source: string;
  readonly headers: { id?: string; timestamp?: string; signature?: string };
  readonly body: Buffer;
}

/** What the created-records and lifecycle paths work with. */
export interface DeliveryPorts {
  readonly store: ClaimStore & OutboxStore & AuditLog & ProfileStore;
  readonly clock: Clock;
  readonly sleep: (ms: number) => Promise<void>;
  /** Sends messages after their commit; a failure only delays them (the sweeper sends them later). */
  readonly enqueue: (messages: readonly RecordMessage[]) => Promise<void>;
}

/** The pause before looking again at another delivery's reservation. */
export const backoffMs = (round: number): number => Math.min(50 * 2 ** round, 500);

/** Whether an in-doubt claim was reserved by a delivery that died. */
export const isStale = (inDoubt: NonNullable<EventClaim['inDoubt']>, clock: Clock): boolean =>
  Date.parse(inDoubt.reservedAt) < clock.now().getTime() - STALE_RESERVATION_MS;
