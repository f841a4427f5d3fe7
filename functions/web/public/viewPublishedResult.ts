import type { CommitmentStore, SignedCommitment } from '../../ports/commitments.ts';
import type { PublishedDirectory, PublishedYear } from '../../ports/publishedDirectory.ts';
import type { PublishedResult } from '../../publication/publishedShape.ts';
import {
  type Forbidden,
  type Invalid,
  invalid,
  type NotFound,
  notFound,
  type Outcome,
  ok,
} from '../../shared/errors.ts';
import { FIELD, isPublishedKind } from './params.ts';

/** The lookup's fields as the page names them. */
const FIELD_OF: Record<string, string> = { year: FIELD.year, id: '统一社会信用代码（链接中的代码）' };

/**
 * A subject's published result as the public reads it: the public lookup (LookupScore as the
 * public: published results of enterprises and agencies only, Art 18(6), 35) with the subject's
 * published years beside it (their grades over time, and the date the shown year was published).
 */
export interface PublishedResultView {
  readonly result: PublishedResult;
  readonly publishedOn: string | null;
  readonly history: readonly PublishedYear[];
  /** The unit's signed commitment letter of the shown year (Annex 4: "同意本承诺书向社会公开"), if any. */
  readonly commitment: PublishedCommitment | null;
}

/** A signed letter as the public reads it: the text and the signature, not who filed it in the portal. */
export type PublishedCommitment = Omit<SignedCommitment, 'signedBy'>;

/**
 * The score lookup as the public asks it: `LookupScore` (functions/score-lookup/) with the public
 * caller, bound by the composition, so the public view rules are the lookup's own.
 */
export type PublicLookup = (asked: {
  readonly kind: string;
  readonly id: string;
  readonly year?: string;
}) => Promise<{ readonly status: 'ok'; readonly body: unknown } | Invalid | NotFound | Forbidden>;

export class ViewPublishedResult {
  constructor(
    private readonly lookup: PublicLookup,
    private readonly directory: PublishedDirectory,
    private readonly commitments: Pick<CommitmentStore, 'getCommitment'>,
  ) {}

  async execute(asked: {
    kind: string;
    id: string;
    year?: string;
  }): Promise<Outcome<PublishedResultView, Invalid | NotFound>> {
    // A practitioner (or any kind never published) is simply not found: no page tells one exists.
    if (!isPublishedKind(asked.kind)) return notFound;
    const found = await this.lookup({
      kind: asked.kind,
      id: asked.id,
      ...(asked.year === undefined ? {} : { year: asked.year }),
    });
    if (found.status === 'forbidden') return notFound;
    if (found.status === 'invalid')
      return invalid(found.issues.map((i) => ({ ...i, path: FIELD_OF[i.path] ?? i.path })));
    if (found.status !== 'ok') return found;
    const result = found.body as unknown as PublishedResult;
    const history = await this.directory.publishedHistory({ kind: asked.kind, id: asked.id });
    const publishedOn = history.find((h) => h.year === result.year)?.publishedOn ?? null;
    // Only enterprises and agencies reach here (isPublishedKind): a practitioner's letter is never shown.
    const signed = await this.commitments.getCommitment({ kind: asked.kind, id: asked.id }, result.year);
    const commitment = signed === null ? null : publicCommitment(signed);
    return ok({ result, publishedOn, history, commitment });
  }
}

const publicCommitment = ({ signedBy: _filedBy, ...letter }: SignedCommitment): PublishedCommitment => letter;
