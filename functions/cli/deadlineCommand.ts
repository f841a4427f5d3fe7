import type { Writable } from 'node:stream';
import { addWorkingDays } from '../../domain/calendar/workingCalendar.ts';
import { parseOptions } from './args.ts';
import { loadCalendars, requireDate, requireInteger } from './calendarOptions.ts';
import { writeChunk } from './io.ts';

/**
 * `ecocredit deadline --from DATE --working-days N [--calendar FILE]...` (docs/api.md §5):
 * the close of a window of N working days after DATE (I11-I13).
 */
export const runDeadline = async (args: readonly string[], out: Writable): Promise<void> => {
  const { values } = parseOptions(args, {
    from: { type: 'string' },
    'working-days': { type: 'string' },
    calendar: { type: 'string', multiple: true },
  });
  const from = requireDate(values.from, '--from');
  const n = requireInteger(values['working-days'], '--working-days', 0, 3650);
  const close = addWorkingDays(from, n, loadCalendars(values.calendar ?? []));
  await writeChunk(out, `${JSON.stringify(close)}\n`);
};
