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
import type {
  ProfileStore,
  PublishedResultStore,
  SnapshotReader,
  SubjectDirectory,
  SubjectRecordStore,
} from '../ports/store.ts';
import { ConfigurationError } from '../shared/errors.ts';
import { SupplementRecords } from '../supplement/supplementRecords.ts';
import type { Edges, StoreEdge } from './edges.ts';

/** What the cycle's acts of an objection use: the cycle, its deadlines' schedules, the clock. */
type CycleEdges = Pick<Edges, 'clock' | 'cycleStore' | 'scheduler'>;

/**
 * What filing an objection uses: the participant's live result of the year (its records read, never
 * changed), a unit's filed practitioners (Art 18(4)), the cycle's acts.
 */
export type ObjectionFilingEdges = CycleEdges &
  Pick<Edges, 'objections' | 'practitionerFilings'> &
  StoreEdge<
    ProfileStore & SnapshotReader & PublishedResultStore & Pick<SubjectRecordStore, 'loadSubject' | 'loadRecords'>
  >;

/** What listing, reading and reviewing objections use: the cycle's acts, the record claim path, the notices. */
export type ObjectionReviewEdges = CycleEdges &
  Pick<Edges, 'objections' | 'notices' | 'recordQueue'> &
  StoreEdge<DeliveryPorts['store'] & Pick<SubjectRecordStore, 'loadRecords'>>;

/** What the objections' use cases use together (the web): the cycle's acts, the record claim path, the notices. */
export type ObjectionEdges = Pick<
  Edges,
  'clock' | 'cycleStore' | 'scheduler' | 'objections' | 'notices' | 'recordQueue' | 'practitionerFilings'
> &
  StoreEdge<DeliveryPorts['store'] & SubjectRecordStore & SnapshotReader & PublishedResultStore & SubjectDirectory>;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The cycle's acts of an objection: only `objectionReceived` and `objectionReviewed`, which nothing
 * follows (no publication, no notices) and no report or review gate holds (Art 17(3), 18(4)); so
 * their RecordAct carries none of those, and a function recording only them does not either. One
 * cycle-transitions object serves the acts and the list's review limits.
 */
const cycleActsOf = (e: CycleEdges) => {
  const transitions = new CycleTransitions(e.cycleStore, e.scheduler, e.clock);
  const acts = new ObjectionActs(
    new RecordAct(e.cycleStore, transitions, async () => {
      throw new ConfigurationError('an objection records no publication: the cycles API records `published`');
    }),
  );
  return { transitions, acts };
};
type CycleActs = ReturnType<typeof cycleActsOf>;

/** Filing an objection (the participant's route of the objections API), built once per composition. */
export const objectionFilingUseCases = (e: ObjectionFilingEdges, { acts }: CycleActs = cycleActsOf(e)) => {
  // Art 18(4): a unit reads, confirms and objects for the practitioners it filed and the bureau listed.
  const employers = new ListedEmployers(e.store, e.practitionerFilings);
  const lookup = new LookupScore(e.store, e.clock, employers);
  return {
    file: new FileObjection(e.store, e.objections, e.cycleStore, acts, lookup, e.clock, employers),
    lookup,
    employers,
  };
};

/** Listing, reading and reviewing objections (the bureau's routes of the objections API), built once per composition. */
export const objectionReviewUseCases = (e: ObjectionReviewEdges, { transitions, acts }: CycleActs = cycleActsOf(e)) => {
  const revise = new ReviseRecords({
    store: e.store,
    clock: e.clock,
    sleep,
    enqueue: (messages) => e.recordQueue.send(messages),
  });
  const review = new ReviewObjection(e.objections, e.store, revise, acts, e.notices, e.clock);
  const list = new ListObjections(e.objections, e.cycleStore, transitions);
  return { review, list, read: new ReadObjection(list, e.store, review), revise };
};

/** The objections' use cases (docs/objections.md) with the confirmation page's and the supplements' (the web). */
export const objectionUseCases = (e: ObjectionEdges) => {
  const cycle = cycleActsOf(e);
  const filing = objectionFilingUseCases(e, cycle);
  const bureau = objectionReviewUseCases(e, cycle);
  return {
    ...filing,
    ...bureau,
    confirmation: new ReadConfirmation(e.store, e.objections, e.cycleStore, filing.lookup, e.clock, filing.employers),
    supplement: new SupplementRecords(e.store, e.objections, e.cycleStore, bureau.revise, e.clock),
  };
};
