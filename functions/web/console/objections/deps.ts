import type { ListObjections } from '../../../objections/listObjections.ts';
import type { ReadObjection } from '../../../objections/readObjection.ts';
import type { ReviewObjection } from '../../../objections/reviewObjection.ts';
import type { SupplementRecords } from '../../../supplement/supplementRecords.ts';

/** What the console's objection pages use (Art 17(3), 18(4)). */
export interface ObjectionConsoleDeps {
  readonly objections: {
    readonly list: Pick<ListObjections, 'execute' | 'disputedOf'>;
    readonly read: Pick<ReadObjection, 'execute'>;
    readonly review: Pick<ReviewObjection, 'execute'>;
    /** Supplement and verification (Art 17(2), 18(2)). */
    readonly supplement: Pick<SupplementRecords, 'supplement' | 'verify' | 'provenance'>;
  };
}
