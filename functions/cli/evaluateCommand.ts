import type { Writable } from 'node:stream';
import { legalDateOfInstant } from '../../domain/dates.ts';
import { evaluateEach } from '../../domain/evaluation/evaluate.ts';
import { parseEvaluationInput } from '../../domain/evaluation/evaluationInput.ts';
import { describeIssues } from '../../domain/validation.ts';
import { readJsonInput, UsageError, writeChunk } from './io.ts';

/**
 * `ecocredit evaluate FILE|-` (docs/api.md §4): JSON results in input order on stdout. Results are
 * written one at a time, so a hundred thousand subjects never become one giant string.
 */
// The command line is the edge where the clock is read: today's legal date in Asia/Shanghai (I13).
export const runEvaluate = async (
  args: readonly string[],
  out: Writable,
  today = legalDateOfInstant(new Date()),
): Promise<void> => {
  const [file, ...rest] = args;
  if (file === undefined) throw new UsageError('用法：ecocredit evaluate 文件路径（或 - 表示标准输入）');
  if (rest.length > 0) throw new UsageError(`多余的参数：${rest.join(' ')}`);
  const parsed = parseEvaluationInput(readJsonInput(file), today);
  if (!parsed.ok) throw new UsageError(`输入无效：${describeIssues(parsed.issues)}`);
  await writeChunk(out, '{"results":[');
  let first = true;
  for (const result of evaluateEach(parsed.value)) {
    await writeChunk(out, (first ? '\n' : ',\n') + JSON.stringify(result));
    first = false;
  }
  await writeChunk(out, '\n]}\n');
};
