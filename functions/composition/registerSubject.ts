import { createRegisterSubjectHandler } from '../register-subject/handler.ts';
import { RegisterSubject } from '../register-subject/registerSubject.ts';
import type { Edges } from './edges.ts';

/** `PUT /v1/subjects/{kind}/{id}`. */
export const composeRegisterSubject = (
  e: Pick<Edges, 'store' | 'recordQueue' | 'tokenVerifier' | 'clock' | 'logger'>,
) =>
  createRegisterSubjectHandler(
    new RegisterSubject(e.store, e.recordQueue, e.clock),
    e.tokenVerifier,
    e.logger('register-subject'),
  );
