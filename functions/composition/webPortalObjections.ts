import type { PortalObjectionsDeps } from '../web/portal/objections/deps.ts';
import { type ObjectionEdges, objectionUseCases } from './objections.ts';

/** What the portal's confirmation page uses (docs/objections.md). */
export const webPortalObjectionsDeps = (e: ObjectionEdges): PortalObjectionsDeps => {
  const u = objectionUseCases(e);
  return { confirmation: u.confirmation, file: u.file };
};
