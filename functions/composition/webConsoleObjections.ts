import type { ObjectionConsoleDeps } from '../web/console/objections/deps.ts';
import { type ObjectionEdges, objectionUseCases } from './objections.ts';

/** What the console's objection pages use (docs/objections.md). */
export const webConsoleObjectionsDeps = (e: ObjectionEdges): ObjectionConsoleDeps => {
  const u = objectionUseCases(e);
  return { objections: { list: u.list, read: u.read, review: u.review, supplement: u.supplement } };
};
