import { CycleTransitions } from '../cycles/cycleTransitions.ts';
import { RecordAct } from '../cycles/recordAct.ts';
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
import { ConfigurationError } from '../shared/errors.ts';
import { SupplementRecords } from '../supplement/supplementRecords.ts';
import type { Edges, StoreEdge } from './edges.ts';

/** What the objections' use cases use: the cycle's acts, the record claim path, the notices. */
export type ObjectionEdges = Pick<
  Edges,
  'clock' | 'cycleStore' | 'scheduler' | 'objections' | 'notices' | 'recordQueue' | 'practitionerFilings'
> &
  StoreEdge<DeliveryPorts['store'] & SubjectRecordStore & SnapshotReader & PublishedResultStore & SubjectDirectory>;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The cycle's acts of an objection: only `objectionReceived` and `objectionReviewed`, which nothing
 * follows (no publication, no notices) and no report or review gate holds (Art 17(3), 18(4)); so
 * their RecordAct carries none of those, and a function recording only them does not either.
 */
const objectionActsOf = (e: ObjectionEdges, transitions: CycleTransitions): ObjectionActs =>
  new ObjectionActs(
    new RecordAct(e.cycleStore, transitions, async () => {
      throw new ConfigurationError('an objection records no publication: the cycles API records `published`');
    }),
  );

/** Filing, listing, reading and reviewing objections (the objections API), built once per composition. */
export const objectionsApiUseCases = (e: ObjectionEdges) => {
  const transitions = new CycleTransitions(e.cycleStore, e.scheduler, e.clock);
  const acts = objectionActsOf(e, transitions);
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
  const list = new ListObjections(e.objections, e.cycleStore, transitions);
  return {
    file: new FileObjection(e.store, e.objections, e.cycleStore, acts, lookup, e.clock, employers),
    review,
    list,
    read: new ReadObjection(list, e.store, review),
    revise,
    lookup,
    employers,
  };
};

/** The objections' use cases (docs/objections.md) with the confirmation page's and the supplements' (the web). */
export const objectionUseCases = (e: ObjectionEdges) => {
  const api = objectionsApiUseCases(e);
  return {
    ...api,
    confirmation: new ReadConfirmation(e.store, e.objections, e.cycleStore, api.lookup, e.clock, api.employers),
    supplement: new SupplementRecords(e.store, e.objections, e.cycleStore, api.revise, e.clock),
  };
};
