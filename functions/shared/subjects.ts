import type { SubjectDirectory, SubjectRef } from '../ports/store.ts';

/** Every subject of the store, its segments read in parallel (the nightly planner, publication). */
export const listAllSubjects = async (store: SubjectDirectory, segments = 4): Promise<SubjectRef[]> =>
  (await Promise.all(Array.from({ length: segments }, (_, s) => store.listSubjects(s, segments)))).flat();

/**
 * The registered subjects of a kind whose codes are on a year's lists (`listed`): the participants the
 * later stages run over (Art 16(1), 17(1), 18(1)) — published, frozen, counted as frozen.
 */
export const registeredListed = async (
  store: SubjectDirectory,
  listed: ReadonlySet<string>,
  kind: SubjectRef['kind'],
  segments = 4,
): Promise<SubjectRef[]> => (await listAllSubjects(store, segments)).filter((s) => s.kind === kind && listed.has(s.id));

/** Consecutive batches of at most `size` items. */
export const chunks = <T>(items: readonly T[], size: number): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
};
