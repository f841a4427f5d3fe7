import type { CycleStore } from '../ports/cycleStore.ts';
import type { RecordQueue } from '../ports/queue.ts';
import type { Scheduler } from '../ports/scheduler.ts';
import type { ProfileStore, RepairApplicationStore, SubjectRecordStore } from '../ports/store.ts';
import type { CompleteReissue } from '../publication/reissuePublished.ts';
import type { Clock } from '../shared/clock.ts';
import { ApplyForPractitionerRepair } from './applyForPractitionerRepair.ts';
import { ApplyForRepair } from './applyForRepair.ts';
import { DecideRepair } from './decideRepair.ts';
import { ListRepairs } from './listRepairs.ts';

/** The use cases behind the repairs routes (Art 23–27), as `repairs-api` calls them. */
export interface RepairUseCases {
  readonly applyForRepair: ApplyForRepair;
  readonly applyForPractitionerRepair: ApplyForPractitionerRepair;
  readonly listRepairs: ListRepairs;
  readonly decideRepair: DecideRepair;
}

export interface RepairDependencies {
  readonly store: SubjectRecordStore & ProfileStore & RepairApplicationStore;
  readonly cycles: CycleStore;
  readonly scheduler: Scheduler;
  readonly queue: RecordQueue;
  readonly clock: Clock;
  readonly reissue: CompleteReissue;
}

export const repairUseCases = (d: RepairDependencies): RepairUseCases => ({
  applyForRepair: new ApplyForRepair(d.store, d.cycles, d.scheduler, d.clock),
  applyForPractitionerRepair: new ApplyForPractitionerRepair(d.store, d.cycles, d.scheduler, d.clock),
  listRepairs: new ListRepairs(d.store),
  decideRepair: new DecideRepair(d.store, d.cycles, d.scheduler, d.queue, d.clock, d.reissue),
});
