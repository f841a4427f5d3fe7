import { EcocreditError } from '../shared/errors.ts';

/** The public credit platform (Art 16(6), 17(8)): 自治区公共信用信息平台 / 信用中国（内蒙古）. */
export interface PublishedEntry {
  readonly uscc: string;
  readonly name: string;
  readonly league: string;
  readonly grade: 'A' | 'B' | 'C' | 'D';
  readonly score: number;
  readonly blacklisted: boolean;
}

export interface PushBatch {
  readonly type: 'push';
  /** Deterministic per batch, so a retried push is recognisable by the platform. */
  readonly batchId: string;
  readonly kind: 'enterprise' | 'agency';
  readonly year: number;
  readonly publishedOn: string;
  readonly entries: readonly PublishedEntry[];
  /**
   * Present when the batch corrects a result already pushed (Art 23: a repair re-issues the
   * published result). `version` counts the issues of that result (1 is the original), so each
   * re-issue has its own batch id and idempotency key, and a re-delivery of one keeps it.
   */
  readonly correction?: PushCorrection;
}

export interface PushCorrection {
  readonly version: number;
  readonly reissuedOn: string;
  readonly repairs: readonly { readonly eventId: string; readonly repairedOn: string }[];
}

export interface CreditPlatform {
  /** Resolves when the platform accepted the batch; throws CreditPlatformError otherwise. */
  push(batch: PushBatch): Promise<void>;
}

export class CreditPlatformError extends EcocreditError {
  override readonly name = 'CreditPlatformError';
}
