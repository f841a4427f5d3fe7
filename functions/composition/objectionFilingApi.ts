import { createObjectionFilingApiHandler } from '../objection-filing-api/handler.ts';
import type { Edges } from './edges.ts';
import { type ObjectionFilingEdges, objectionFilingUseCases } from './objections.ts';

/** `POST /v1/cycles/{year}/{kind}/objections`: a participant's objection (Art 17(3), 18(4)). */
export const composeObjectionFilingApi = (e: ObjectionFilingEdges & Pick<Edges, 'tokenVerifier' | 'logger'>) =>
  createObjectionFilingApiHandler(
    { file: objectionFilingUseCases(e).file },
    e.tokenVerifier,
    e.logger('objection-filing-api'),
  );
