import type { Writable } from 'node:stream';
import { type LegalDate, legalDateOfInstant } from '../../domain/dates.ts';
import type { EvaluationInput } from '../../domain/evaluation/evaluate.ts';
import { evaluateEach } from '../../domain/evaluation/evaluate.ts';
import { parseEvaluationInput, readValidEvaluationInput } from '../../domain/evaluation/evaluationInput.ts';
import { describeIssues } from '../../domain/validation.ts';
import { isBrokenJson, parseJsonInput, readInputBytes, splitJsonObject, UsageError, writeChunk } from './io.ts';

/**
 * `ecocredit evaluate FILE|-` (docs/api.md §4): JSON results in input order on stdout. Results are
 * written in chunks of about OUTPUT_CHUNK characters, so a hundred thousand subjects never become
 * one giant string, nor a hundred thousand writes.
 */
const OUTPUT_CHUNK = 1 << 20;

// The command line is the edge where the clock is read: today's legal date in Asia/Shanghai (I13).
export const runEvaluate = async (
  args: readonly string[],
  out: Writable,
  today = legalDateOfInstant(new Date()),
): Promise<void> => {
  const [file, ...rest] = args;
  if (file === undefined) throw new UsageError('用法：ecocredit evaluate 文件路径（或 - 表示标准输入）');
  if (rest.length > 0) throw new UsageError(`多余的参数：${rest.join(' ')}`);
  const input = readEvaluationInput(file, today);
  let pending = '{"results":[';
  let first = true;
  for (const result of evaluateEach(input)) {
    pending += (first ? '\n' : ',\n') + JSON.stringify(result);
    first = false;
    if (pending.length >= OUTPUT_CHUNK) {
      await writeChunk(out, pending);
      pending = '';
    }
  }
  await writeChunk(out, `${pending}\n]}\n`);
};

/**
 * The input, read piece by piece when it is valid (a file of a million records then never becomes
 * one giant string); otherwise read whole, so that broken JSON and every bad field are reported as
 * they always were (docs/api.md §4).
 */
const readEvaluationInput = (file: string, today: LegalDate): EvaluationInput => {
  const bytes = readInputBytes(file);
  const parts = splitJsonObject(bytes, ['subjects', 'records']);
  if (parts !== undefined) {
    try {
      const input = readValidEvaluationInput(parts.members, parts.arrays.subjects!, parts.arrays.records!, today);
      if (input !== undefined) return input;
    } catch (err) {
      if (!isBrokenJson(err)) throw err;
    }
  }
  const parsed = parseEvaluationInput(parseJsonInput(bytes, file), today);
  if (!parsed.ok) throw new UsageError(`输入无效：${describeIssues(parsed.issues)}`);
  return parsed.value;
};
