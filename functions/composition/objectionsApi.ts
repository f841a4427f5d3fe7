import { createObjectionsApiHandler } from '../objections-api/handler.ts';
import type { Edges } from './edges.ts';
import { type ObjectionEdges, objectionsApiUseCases } from './objections.ts';

/** `/v1/cycles/{year}/{kind}/objections…`: a participant's objections and their review (Art 17(3), 18(4)). */
export const composeObjectionsApi = (e: ObjectionEdges & Pick<Edges, 'tokenVerifier' | 'logger'>) => {
  const o = objectionsApiUseCases(e);
  return createObjectionsApiHandler(
    { list: o.list, read: o.read, file: o.file, review: o.review },
    e.tokenVerifier,
    e.logger('objections-api'),
  );
};
