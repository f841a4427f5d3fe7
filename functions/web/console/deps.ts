import type { CycleConsoleDeps } from './cycles/deps.ts';
import type { ParticipantConsoleDeps } from './participants/deps.ts';
import type { SubjectConsoleDeps } from './subjects/deps.ts';

/** What the bureau console uses: its cycle pages and its subject pages. */
export type ConsoleDeps = CycleConsoleDeps & SubjectConsoleDeps & ParticipantConsoleDeps;
