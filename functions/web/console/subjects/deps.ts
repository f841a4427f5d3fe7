import type { DecideRepair } from '../../../repairs/decideRepair.ts';
import type { ListSubjects } from './listSubjects.ts';
import type { ListRepairQueue } from './repairQueue.ts';
import type { SaveSubject } from './saveSubject.ts';
import type { ReadSubjectDetail } from './subjectDetail.ts';
import type { WhatIfPenalty } from './whatIf.ts';

/** What the console's subject, what-if and repair pages use (under one key, beside the cycle pages' deps). */
export interface SubjectConsoleDeps {
  readonly subjects: {
    readonly list: ListSubjects;
    readonly detail: ReadSubjectDetail;
    readonly save: SaveSubject;
    readonly whatIf: WhatIfPenalty;
    readonly repairQueue: ListRepairQueue;
    readonly decideRepair: DecideRepair;
  };
}
