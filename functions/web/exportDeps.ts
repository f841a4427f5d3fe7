import type { CycleConsoleDeps } from './console/cycles/deps.ts';
import type { ParticipantConsoleDeps } from './console/participants/deps.ts';
import type { SubjectConsoleDeps } from './console/subjects/deps.ts';
import type { PublicDeps } from './public/deps.ts';

/**
 * What the Excel downloads read (the `webExports` function, docs/web.md): the public lists and the
 * console's lists, each through the same use case as its page. The pages' `WebDeps` has them all.
 */
export interface ExportDeps {
  readonly public: Pick<PublicDeps, 'lists'>;
  readonly console: {
    readonly cycleConsole: Pick<CycleConsoleDeps['cycleConsole'], 'readCycle' | 'listStuck'>;
    readonly subjects: Pick<SubjectConsoleDeps['subjects'], 'list' | 'repairQueue'>;
    /** The lists of participants: their workbook, template and import (which reads a workbook). */
    readonly participants: ParticipantConsoleDeps['participants'];
  };
}
