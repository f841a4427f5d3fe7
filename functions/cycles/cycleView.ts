import { type WorkingCalendar, workingDaysAfter } from '../../domain/calendar/workingCalendar.ts';
import { type Cycle, stageOf } from '../../domain/cycles/cycle.ts';
import { type CycleKind, STAGE_NAMES } from '../../domain/cycles/definitions.ts';
import type { LegalDate } from '../../domain/dates.ts';
import { jurisdictionName, type LeagueCode } from '../../domain/identifiers/leagues.ts';

/** A cycle as the API shows it (docs/api.md §6): stages with their Chinese names, open alerts with how overdue they are. */
export interface CycleView {
  readonly kind: CycleKind;
  readonly year: number;
  readonly version: number;
  readonly region: { readonly stage: string | null; readonly stageName: string | null };
  readonly leagues: readonly {
    readonly league: LeagueCode;
    readonly name: string;
    readonly stage: string | null;
    readonly stageName: string | null;
    readonly openedOn: string | null;
  }[];
  readonly deadlines: readonly {
    readonly id: string;
    readonly stage: string;
    readonly league: string | null;
    readonly type: string;
    readonly on: string;
    readonly at: string;
    readonly article: string;
    readonly provisional: boolean;
    readonly schedule: string;
  }[];
  readonly alerts: readonly {
    readonly id: string;
    readonly responsible: string;
    readonly responsibleName: string;
    readonly stage: string;
    readonly limitOn: string;
    readonly article: string;
    readonly overdueByWorkingDays: number;
  }[];
  readonly objections: Cycle['objections'];
}

export const cycleView = (cycle: Cycle, cal: WorkingCalendar, today: LegalDate): CycleView => {
  const regionStage = stageOf(cycle, null);
  return {
    kind: cycle.kind,
    year: cycle.year,
    version: cycle.version,
    region: { stage: regionStage, stageName: regionStage ? STAGE_NAMES[regionStage] : null },
    leagues: (Object.keys(cycle.leagues) as LeagueCode[]).map((league) => {
      const stage = stageOf(cycle, league);
      return {
        league,
        name: jurisdictionName(league),
        stage: stage ?? 'DONE',
        stageName: stage ? STAGE_NAMES[stage] : '盟市阶段已完成',
        openedOn: cycle.leagues[league]!.openedOn,
      };
    }),
    deadlines: cycle.deadlines.map((d) => ({
      id: d.id,
      stage: d.stage,
      league: d.league,
      type: d.type,
      on: d.on,
      at: d.at,
      article: d.article,
      provisional: d.provisional,
      schedule: d.status,
    })),
    alerts: cycle.alerts
      .filter((a) => a.status === 'open')
      .map((a) => ({
        id: a.id,
        responsible: a.responsible,
        responsibleName: jurisdictionName(a.responsible),
        stage: a.stage,
        limitOn: a.limitOn,
        article: a.article,
        overdueByWorkingDays: workingDaysAfter(a.limitOn, today, cal).days,
      })),
    objections: cycle.objections,
  };
};
