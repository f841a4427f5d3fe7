import type { ProfileStore, SubjectRecordStore } from '../ports/store.ts';
import { createRegisterSubjectHandler } from '../register-subject/handler.ts';
import { RegisterSubject } from '../register-subject/registerSubject.ts';
import type { Edges, StoreEdge } from './edges.ts';

/** `PUT /v1/subjects/{kind}/{id}`. */
export const composeRegisterSubject = (
  e: Pick<Edges, 'recordQueue' | 'tokenVerifier' | 'clock' | 'logger'> & StoreEdge<ProfileStore & SubjectRecordStore>,
) =>
  createRegisterSubjectHandler(
    new RegisterSubject(e.store, e.recordQueue, e.clock),
    e.tokenVerifier,
    e.logger('register-subject'),
  );
