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
}

export interface CreditPlatform {
  /** Resolves when the platform accepted the batch; throws CreditPlatformError otherwise. */
  push(batch: PushBatch): Promise<void>;
}

export class CreditPlatformError extends Error {
  override readonly name = 'CreditPlatformError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}
