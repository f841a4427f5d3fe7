import { CycleTransitions } from '../cycles/cycleTransitions.ts';
import type { DeliveryPorts } from '../ingest-http/delivery.ts';
import { ListedEmployers } from '../lookup/listedEmployers.ts';
import { LookupScore } from '../lookup/lookupScore.ts';
import { FileObjection } from '../objections/fileObjection.ts';
import { ListObjections } from '../objections/listObjections.ts';
import { ObjectionActs } from '../objections/objectionActs.ts';
import { ReadConfirmation } from '../objections/readConfirmation.ts';
import { ReadObjection } from '../objections/readObjection.ts';
import { ReviewObjection } from '../objections/reviewObjection.ts';
import { ReviseRecords } from '../objections/reviseRecords.ts';
import type { PublishedResultStore, SnapshotReader, SubjectDirectory, SubjectRecordStore } from '../ports/store.ts';
import { SupplementRecords } from '../supplement/supplementRecords.ts';
import { cyclesApiUseCases } from './cycles.ts';
import type { Edges, StoreEdge } from './edges.ts';

/** What the objections' use cases use: the cycle's acts, the record claim path, the notices. */
export type ObjectionEdges = Pick<
  Edges,
  | 'clock'
  | 'cycleStore'
  | 'scheduler'
  | 'rescoreQueue'
  | 'participants'
  | 'objections'
  | 'notices'
  | 'recordQueue'
  | 'practitionerFilings'
  | 'leagueReports'
  | 'reviews'
  | 'comments'
  | 'finalResults'
> &
  StoreEdge<DeliveryPorts['store'] & SubjectRecordStore & SnapshotReader & PublishedResultStore & SubjectDirectory>;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The objections' use cases (docs/objections.md), built once per composition. */
export const objectionUseCases = (e: ObjectionEdges) => {
  const acts = new ObjectionActs(cyclesApiUseCases(e).recordAct);
  // Art 18(4): a unit reads, confirms and objects for the practitioners it filed and the bureau listed.
  const employers = new ListedEmployers(e.store, e.practitionerFilings);
  const lookup = new LookupScore(e.store, e.clock, employers);
  const revise = new ReviseRecords({
    store: e.store,
    clock: e.clock,
    sleep,
    enqueue: (messages) => e.recordQueue.send(messages),
  });
  const review = new ReviewObjection(e.objections, e.store, revise, acts, e.notices, e.clock);
  const list = new ListObjections(e.objections, e.cycleStore, new CycleTransitions(e.cycleStore, e.scheduler, e.clock));
  return {
    file: new FileObjection(e.store, e.objections, e.cycleStore, acts, lookup, e.clock, employers),
    confirmation: new ReadConfirmation(e.store, e.objections, e.cycleStore, lookup, e.clock, employers),
    review,
    list,
    read: new ReadObjection(list, e.store, review),
    revise,
    supplement: new SupplementRecords(e.store, e.objections, e.cycleStore, revise, e.clock),
  };
};
