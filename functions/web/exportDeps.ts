import type { CommentConsoleDeps } from './console/comments/deps.ts';
import type { CycleConsoleDeps } from './console/cycles/deps.ts';
import type { LetterConsoleDeps } from './console/letters/deps.ts';
import type { NoticeConsoleDeps } from './console/notices/deps.ts';
import type { ObjectionConsoleDeps } from './console/objections/deps.ts';
import type { ParticipantConsoleDeps } from './console/participants/deps.ts';
import type { ReportConsoleDeps } from './console/reports/deps.ts';
import type { ReviewConsoleDeps } from './console/review/deps.ts';
import type { SamplingConsoleDeps } from './console/sampling/deps.ts';
import type { StatisticsConsoleDeps } from './console/statistics/deps.ts';
import type { SubjectConsoleDeps } from './console/subjects/deps.ts';
import type { WarningConsoleDeps } from './console/warnings/deps.ts';
import type { PublicDeps } from './public/deps.ts';

/**
 * What the Excel downloads read (the `webExports` function, docs/web.md): the public lists and the
 * console's lists, each through the same use case as its page. The pages' `WebDeps` has them all.
 */
export interface ExportDeps {
  readonly public: Pick<PublicDeps, 'lists' | 'blacklist'>;
  readonly console: {
    readonly cycleConsole: Pick<CycleConsoleDeps['cycleConsole'], 'readCycle' | 'listStuck'>;
    readonly subjects: Pick<SubjectConsoleDeps['subjects'], 'list' | 'repairQueue'>;
    /** The lists of participants: their workbook, template and import (which reads a workbook). */
    readonly participants: ParticipantConsoleDeps['participants'];
    /** The objections and their review limits (Art 17(3), 18(4)). */
    readonly objections: Pick<ObjectionConsoleDeps['objections'], 'list'>;
    /** The notices a bureau issued, with their read receipts. */
    readonly notices: NoticeConsoleDeps['notices'];
    /** The 双随机 sampling list and the statistics of published results (docs/using-results.md). */
    readonly sampling: SamplingConsoleDeps['sampling'];
    readonly statistics: StatisticsConsoleDeps['statistics'];
    /** A league's credit warnings (Art 21-22). */
    readonly creditWarnings: Pick<WarningConsoleDeps['creditWarnings'], 'list'>;
    /** A league's report (上报名单, docs/reports.md). */
    readonly leagueReports: Pick<ReportConsoleDeps['leagueReports'], 'read' | 'overview'>;
    /** The public's comments during publicity and their findings (docs/publicity.md). */
    readonly publicComments: Pick<CommentConsoleDeps['publicComments'], 'list'>;
    /** The items for the review group (docs/review.md). */
    readonly review: Pick<ReviewConsoleDeps['review'], 'list'>;
    /** The letters to environmental-dishonest individuals (函告, Art 18(6)). */
    readonly letters: LetterConsoleDeps['letters'];
  };
}
