import { createObjectionsApiHandler } from '../objections-api/handler.ts';
import type { Edges } from './edges.ts';
import { type ObjectionReviewEdges, objectionReviewUseCases } from './objections.ts';

/**
 * `GET /v1/cycles/{year}/{kind}/objections`, `GET …/objections/{objectionId}` and `POST
 * …/objections/{objectionId}/review`: the bureau's list, one objection and its review (Art 17(3), 18(4)).
 */
export const composeObjectionsApi = (e: ObjectionReviewEdges & Pick<Edges, 'tokenVerifier' | 'logger'>) => {
  const o = objectionReviewUseCases(e);
  return createObjectionsApiHandler(
    { list: o.list, read: o.read, review: o.review },
    e.tokenVerifier,
    e.logger('objections-api'),
  );
};
