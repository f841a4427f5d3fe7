import type { CommentConsoleDeps } from './comments/deps.ts';
import type { CycleConsoleDeps } from './cycles/deps.ts';
import type { EvidenceConsoleDeps } from './evidence/deps.ts';
import type { LetterConsoleDeps } from './letters/deps.ts';
import type { NoticeConsoleDeps } from './notices/deps.ts';
import type { ObjectionConsoleDeps } from './objections/deps.ts';
import type { ParticipantConsoleDeps } from './participants/deps.ts';
import type { ReportConsoleDeps } from './reports/deps.ts';
import type { ReviewConsoleDeps } from './review/deps.ts';
import type { SamplingConsoleDeps } from './sampling/deps.ts';
import type { StatisticsConsoleDeps } from './statistics/deps.ts';
import type { SubjectConsoleDeps } from './subjects/deps.ts';
import type { WarningConsoleDeps } from './warnings/deps.ts';

/** What the bureau console uses: its cycle pages and its subject pages. */
export type ConsoleDeps = CycleConsoleDeps &
  CommentConsoleDeps &
  SubjectConsoleDeps &
  ParticipantConsoleDeps &
  ObjectionConsoleDeps &
  NoticeConsoleDeps &
  WarningConsoleDeps &
  SamplingConsoleDeps &
  StatisticsConsoleDeps &
  EvidenceConsoleDeps &
  ReportConsoleDeps &
  ReviewConsoleDeps &
  LetterConsoleDeps;
