import { cyclePath } from '../cycles/cyclePath.ts';
import type { FileObjection } from '../objections/fileObjection.ts';
import { OBJECTIONS_WORDING } from '../objections/wording.ts';
import { json, respond } from '../shared/http.ts';
import { type RouteTable, routeOf } from '../shared/routeTable.ts';
import { type FileObjectionRequest, fileObjectionRequest } from './contracts.ts';

export interface ObjectionFilingApiUseCases {
  readonly file: Pick<FileObjection, 'execute'>;
}

const route = routeOf<ObjectionFilingApiUseCases>();

/**
 * The participant's route of the objections API (docs/api.md §13) with its contract and the action
 * its caller's role needs; whose records (its own, or a practitioner's it filed) is the use case's.
 * The bureau's routes (the list, one objection, its review) are `functions/objections-api`.
 */
export const OBJECTION_FILING_ROUTES: RouteTable<ObjectionFilingApiUseCases> = {
  'POST /v1/cycles/{year}/{kind}/objections': route({
    action: 'objection.file',
    path: cyclePath,
    query: null,
    body: fileObjectionRequest,
    run: async (uc, r) => {
      const b = r.body as FileObjectionRequest;
      const out = await uc.file.execute(
        r.caller,
        { year: Number(r.path.year), kind: r.path.kind },
        { records: b.records, preGrade: b.preGrade ?? false, reasons: b.reasons, evidenceFiles: b.evidenceFiles ?? [] },
      );
      // A new objection is 201; the same objection again is 200 with `filed: false` and nothing changed.
      return respond(out, (v) => json(v.filed ? 201 : 200, v), OBJECTIONS_WORDING);
    },
  }),
};
