import { ListIssuedNotices } from '../notices/listIssuedNotices.ts';
import { ListMyNotices } from '../notices/listMyNotices.ts';
import { ReadNotice } from '../notices/readNotice.ts';
import { createNoticesApiHandler } from '../notices-api/handler.ts';
import type { Edges } from './edges.ts';

/** `/v1/notices…` and `/v1/leagues/{league}/notices`: a participant's notices and a bureau's issued ones. */
export const composeNoticesApi = (e: Pick<Edges, 'notices' | 'clock' | 'tokenVerifier' | 'logger'>) =>
  createNoticesApiHandler(
    {
      mine: new ListMyNotices(e.notices),
      read: new ReadNotice(e.notices, e.clock),
      issued: new ListIssuedNotices(e.notices),
    },
    e.tokenVerifier,
    e.logger('notices-api'),
  );
