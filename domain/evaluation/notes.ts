/**
 * A note says which article or interpretation (docs/decisions.md) decided part of a result. Each
 * note is kept twice: `notes` (docs/api.md §3) holds the short line with its id for developers and
 * acceptance tests; `noteDetails` holds the same note as a Chinese sentence for the people who read
 * the result, with the id as a field.
 */
export interface NoteDetail {
  /** The interpretation id (I1 … I20) or the article (Art 14(2), Annex 2) that decided it. */
  readonly id: string;
  /** The note as a Simplified Chinese sentence. */
  readonly text: string;
}

export interface Note {
  readonly line: string;
  readonly detail: NoteDetail;
}

export const note = (id: string, line: string, text: string): Note => ({ line, detail: { id, text } });

/** Chinese enumeration of ids or names: 甲、乙、丙. */
export const listZh = (items: readonly string[]): string => items.join('、');
