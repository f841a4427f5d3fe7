import { createRepairsApiHandler } from '../repairs-api/handler.ts';
import type { Edges } from './edges.ts';
import { type RepairEdges, type RepairSeams, repairService } from './repairs.ts';

/** `/v1/subjects/{kind}/{id}/repairs…`. */
export const composeRepairsApi = (e: RepairEdges & Pick<Edges, 'tokenVerifier' | 'logger'>, seams: RepairSeams = {}) =>
  createRepairsApiHandler(repairService(e, seams), e.tokenVerifier, e.logger('repairs-api'));
