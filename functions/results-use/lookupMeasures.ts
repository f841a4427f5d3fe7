import { type LegalDate, legalDateOfInstant } from '../../domain/dates.ts';
import {
  governingYear,
  type MeasuresAnswer,
  type MeasuresKind,
  measuresInForce,
} from '../../domain/evaluation/measuresInForce.ts';
import type { ScoredResult } from '../../domain/evaluation/result.ts';
import type { PublishedDirectory, PublishedYear } from '../ports/publishedDirectory.ts';
import type { PublishedResultStore, SubjectRef } from '../ports/store.ts';
import type { Clock } from '../shared/clock.ts';
import { type Invalid, type NotFound, notFound, type Outcome, ok } from '../shared/errors.ts';
import { parseRequest, subjectPath } from '../shared/http.ts';
import { measuresQuery } from './contracts.ts';

/**
 * The measures lookup (Art 29–33, Art 31(2)): for an enterprise or agency with published results,
 * the measures in force on a date (today unless asked), each with its article, whether it applies
 * and until when (domain/evaluation/measuresInForce.ts). Anyone may ask: it reads only published
 * results (Art 20). Practitioners are never answered (Art 18(6), 35): not found.
 */
export interface MeasuresAsked {
  /** `enterprise` or `agency`; absent: whichever has published results under the code. */
  readonly kind?: string | undefined;
  readonly id: string;
  readonly date?: string | undefined;
}

export interface MeasuresValue extends MeasuresAnswer {
  readonly subject: {
    readonly kind: MeasuresKind;
    readonly id: string;
    readonly name: string;
    readonly league: string;
  };
}

const KINDS: readonly MeasuresKind[] = ['enterprise', 'agency'];

export class LookupMeasures {
  constructor(
    private readonly directory: Pick<PublishedDirectory, 'publishedHistory'>,
    private readonly store: Pick<PublishedResultStore, 'getPublished'>,
    private readonly clock: Clock,
  ) {}

  async execute(asked: MeasuresAsked): Promise<Outcome<MeasuresValue, Invalid | NotFound>> {
    const req = parseRequest({
      path: [subjectPath, { kind: asked.kind ?? 'enterprise', id: asked.id }],
      query: [measuresQuery, asked.date ? { date: asked.date } : {}],
    });
    if (req.status !== 'ok') return req;
    const kinds = asked.kind === undefined ? KINDS : KINDS.filter((k) => k === req.value.path.kind);
    if (kinds.length === 0) return notFound;
    const asOf: LegalDate = req.value.query.date ?? legalDateOfInstant(this.clock.now());
    for (const kind of kinds) {
      const ref: SubjectRef = { kind, id: req.value.path.id };
      const history = await this.directory.publishedHistory(ref);
      if (history.length > 0) return ok(await this.answer(ref, kind, history, asOf));
    }
    return notFound;
  }

  private async answer(
    ref: SubjectRef,
    kind: MeasuresKind,
    history: readonly PublishedYear[],
    asOf: LegalDate,
  ): Promise<MeasuresValue> {
    const year = governingYear(history, asOf);
    const latest = Math.max(...history.map((h) => h.year));
    const read = await this.store.getPublished(ref, year ?? latest);
    const result = read?.result as ScoredResult | undefined;
    const governing =
      year !== null && read && result
        ? {
            year,
            publishedOn: read.publishedOn,
            grade: read.grade,
            blacklisted: result.blacklisted === true,
            measures: result.measures ?? [],
          }
        : null;
    return {
      subject: { kind, id: ref.id, name: result?.subject.name ?? '', league: result?.subject.league ?? 'none' },
      ...measuresInForce(kind, governing, history, asOf),
    };
  }
}
