import { LookupScore } from '../lookup/lookupScore.ts';
import type {
  AuditLog,
  ProfileStore,
  PublishedResultStore,
  RepairApplicationStore,
  SnapshotReader,
} from '../ports/store.ts';
import { RegisterSubject } from '../register-subject/registerSubject.ts';
import type { SubjectConsoleDeps } from '../web/console/subjects/deps.ts';
import { ListSubjects } from '../web/console/subjects/listSubjects.ts';
import { ListRepairQueue } from '../web/console/subjects/repairQueue.ts';
import { SaveSubject } from '../web/console/subjects/saveSubject.ts';
import { ReadSubjectDetail } from '../web/console/subjects/subjectDetail.ts';
import { WhatIfPenalty } from '../web/console/subjects/whatIf.ts';
import type { Edges, StoreEdge } from './edges.ts';
import { type ReissueStore, type RepairEdges, repairService } from './repairs.ts';

/**
 * What the console's subject pages use, from the platform's edges: the existing use cases (score
 * lookup, registration, repair decision) and the console's own reads (docs/console.md).
 */
export const webConsoleSubjectsDeps = (
  e: Pick<Edges, 'clock' | 'consoleLists' | 'participants' | 'objections'> &
    RepairEdges &
    StoreEdge<ReissueStore & ProfileStore & SnapshotReader & PublishedResultStore & RepairApplicationStore & AuditLog>,
): SubjectConsoleDeps => {
  const lookup = new LookupScore(e.store, e.clock);
  const register = new RegisterSubject(e.store, e.recordQueue, e.clock);
  return {
    subjects: {
      list: new ListSubjects(e.consoleLists, e.clock, e.objections),
      detail: new ReadSubjectDetail(e.store, (caller, q) => lookup.execute(caller, q), e.clock, e.participants),
      save: new SaveSubject(e.store, (caller, ref, body, why) => register.execute(caller, ref, body, why)),
      whatIf: new WhatIfPenalty(e.store, e.clock),
      repairQueue: new ListRepairQueue(e.consoleLists, e.cycleStore, e.clock),
      decideRepair: repairService(e).decideRepair,
    },
  };
};
