import type { ParticipantListRef } from '../../../ports/participants.ts';
import type { CookieSigner } from '../../session/session.ts';

/**
 * Art 18(6): a practitioner's resident identity number is shown whole only to the bureau of its
 * league, so the list page's forms never carry it: a row is named by an opaque reference — a MAC,
 * under the site's secret, of the list and the row's identifying fields — which the route resolves
 * back to the row among the list's own rows. Unlike a plain hash, it cannot be reversed by trying
 * every possible number. The same row gets the same reference on every page (one secret).
 */
export const rowRefOf = (
  signer: Pick<CookieSigner, 'mac'>,
  list: ParticipantListRef,
  fields: readonly string[],
): string => signer.mac('participant-row', [list.year, list.league, list.kind, ...fields].join('\n')).slice(0, 24);

/** The one row of `rows` the reference names; null when none does (a changed list, a forged form). */
export const rowOfRef = <R>(
  signer: Pick<CookieSigner, 'mac'>,
  list: ParticipantListRef,
  ref: string,
  rows: readonly R[],
  fieldsOf: (row: R) => readonly string[],
): R | null => (ref === '' ? null : (rows.find((r) => rowRefOf(signer, list, fieldsOf(r)) === ref) ?? null));
