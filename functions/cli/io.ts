import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import type { Writable } from 'node:stream';
import { EcocreditError } from '../shared/errors.ts';

/** Exit codes of the command line (docs/api.md §4-5): 2 for bad input or arguments. */
export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_BAD_INPUT = 2;

/** A problem the user can fix: printed in Chinese on stderr, exit 2, nothing on stdout. */
export class UsageError extends EcocreditError {
  override readonly name = 'UsageError';
}

/** The service answered with an error of its own (HTTP 5xx): exit 1, its message in Chinese. */
export class ServiceError extends EcocreditError {
  override readonly name = 'ServiceError';
}

export class InputFileError extends EcocreditError {
  override readonly name = 'InputFileError';
}

/** Reads a JSON file, or standard input for `-`. */
export const readJsonInput = (file: string): unknown => parseJsonInput(readInputBytes(file), file);

/** The bytes of a file, or of standard input for `-`. */
export const readInputBytes = (file: string): Buffer => {
  try {
    return readFileSync(file === '-' ? 0 : file);
  } catch (cause) {
    throw new InputFileError(`无法读取输入文件：${file}`, { cause });
  }
};

/** The JSON value of an input's bytes, or an InputFileError that says where the JSON is broken. */
export const parseJsonInput = (bytes: Buffer, file: string): unknown => {
  const text = bytes.toString('utf8');
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new InputFileError(
      `${file === '-' ? '标准输入' : `文件 ${file} `}不是有效的 JSON：${describeJsonError(text, cause as Error)}`,
      { cause },
    );
  }
};

/**
 * A JSON object whose large arrays are read piece by piece: `members` holds its other members,
 * parsed; each array named in `arrays` is given as batches of its elements, parsed only when the
 * batch is reached, so that a file of a million records never becomes one giant string nor a
 * million objects alive at once.
 */
export interface JsonObjectInParts {
  readonly members: Record<string, unknown>;
  readonly arrays: Record<string, Iterable<unknown[]>>;
}

/** Raised while batches are parsed when they are not valid JSON; the whole input then says where. */
class BrokenJsonError extends EcocreditError {
  override readonly name = 'BrokenJsonError';
}

/** Elements parsed at once: large enough to cost little per call, small enough to die young. */
const BATCH_ELEMENTS = 2000;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const isSpace = (c: number | undefined): boolean => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

/**
 * Splits the top level of a JSON object by scanning its bytes (a byte of a multi-byte UTF-8
 * character is never a quote, bracket or comma), with the named arrays cut into their elements;
 * JSON.parse still reads every byte of every value, so invalid JSON never passes. Returns undefined
 * for any input of another form — not an object, a name given twice, a named member not an array,
 * a byte order mark — which the caller then reads whole (and reports whole, if broken).
 */
export const splitJsonObject = (bytes: Buffer, arrayNames: readonly string[]): JsonObjectInParts | undefined => {
  const n = bytes.length;
  let i = 0;
  const skipSpace = () => {
    while (i < n && isSpace(bytes[i])) i++;
  };
  /** The end (after the closing quote) of the string starting at `at`, or -1. */
  const stringEnd = (at: number): number => {
    let k = at + 1;
    while (k < n) {
      const c = bytes[k]!;
      if (c === QUOTE) return k + 1;
      k += c === BACKSLASH ? 2 : 1;
    }
    return -1;
  };
  /** The end of the value starting at `at` (its brackets counted outside strings), or -1. */
  const valueEnd = (at: number): number => {
    const c = bytes[at];
    if (c === QUOTE) return stringEnd(at);
    if (c === 0x7b || c === 0x5b) {
      let depth = 0;
      let k = at;
      while (k < n) {
        const d = bytes[k]!;
        if (d === QUOTE) {
          k = stringEnd(k);
          if (k < 0) return -1;
          continue;
        }
        if (d === 0x7b || d === 0x5b) depth++;
        else if (d === 0x7d || d === 0x5d) {
          depth--;
          if (depth === 0) return k + 1;
        }
        k++;
      }
      return -1;
    }
    let k = at;
    while (k < n && !isSpace(bytes[k]) && bytes[k] !== 0x2c && bytes[k] !== 0x7d && bytes[k] !== 0x5d) k++;
    return k > at ? k : -1;
  };
  const parse = (from: number, to: number): unknown => JSON.parse(bytes.toString('utf8', from, to));

  skipSpace();
  if (bytes[i] !== 0x7b) return undefined;
  i++;
  const members: Record<string, unknown> = {};
  const arrays: Record<string, Iterable<unknown[]>> = {};
  const seen = new Set<string>();
  try {
    skipSpace();
    if (bytes[i] === 0x7d) i++;
    else
      for (;;) {
        skipSpace();
        if (bytes[i] !== QUOTE) return undefined;
        const keyEnd = stringEnd(i);
        if (keyEnd < 0) return undefined;
        const key = parse(i, keyEnd) as string;
        // JSON.parse keeps the last of a name given twice; `__proto__` is no plain member here.
        if (seen.has(key) || key === '__proto__') return undefined;
        seen.add(key);
        i = keyEnd;
        skipSpace();
        if (bytes[i] !== 0x3a) return undefined;
        i++;
        skipSpace();
        if (arrayNames.includes(key)) {
          if (bytes[i] !== 0x5b) return undefined;
          i++;
          // Each element's place; the text between them is checked here to be a comma and spaces.
          const starts: number[] = [];
          const ends: number[] = [];
          skipSpace();
          if (bytes[i] === 0x5d) i++;
          else
            for (;;) {
              skipSpace();
              const end = valueEnd(i);
              if (end < 0) return undefined;
              starts.push(i);
              ends.push(end);
              i = end;
              skipSpace();
              if (bytes[i] === 0x2c) {
                i++;
                continue;
              }
              if (bytes[i] !== 0x5d) return undefined;
              i++;
              break;
            }
          arrays[key] = {
            [Symbol.iterator]: () => batchesOf(starts, ends, (from, to) => bytes.toString('utf8', from, to)),
          };
        } else {
          const end = valueEnd(i);
          if (end < 0) return undefined;
          members[key] = parse(i, end);
          i = end;
        }
        skipSpace();
        if (bytes[i] === 0x2c) {
          i++;
          continue;
        }
        if (bytes[i] !== 0x7d) return undefined;
        i++;
        break;
      }
  } catch {
    return undefined;
  }
  skipSpace();
  if (i !== n) return undefined;
  for (const name of arrayNames) if (!(name in arrays)) return undefined;
  return { members, arrays };
};

/**
 * An array's elements, BATCH_ELEMENTS at a time: one JSON.parse of the bytes from the first element
 * of a batch to its last (between two elements there is only a comma and spaces, checked when the
 * array was split, so those bytes are the body of a JSON array). BrokenJsonError if they are not JSON.
 */
function* batchesOf(
  starts: readonly number[],
  ends: readonly number[],
  textOf: (from: number, to: number) => string,
): Generator<unknown[]> {
  for (let k = 0; k < starts.length; k += BATCH_ELEMENTS) {
    const last = Math.min(k + BATCH_ELEMENTS, starts.length) - 1;
    let batch: unknown[];
    try {
      batch = JSON.parse(`[${textOf(starts[k]!, ends[last]!)}]`) as unknown[];
    } catch (cause) {
      throw new BrokenJsonError('JSON', { cause });
    }
    // The bytes hold exactly the elements counted, or the split was wrong: read the input whole.
    if (batch.length !== last - k + 1) throw new BrokenJsonError('JSON');
    yield batch;
  }
}

/** True for the error a batch raises when its bytes are not JSON (the input is then read whole). */
export const isBrokenJson = (err: unknown): boolean => err instanceof BrokenJsonError;

/** JSON.parse's English message and byte offset, said in Chinese with a line and a column (from 1). */
export const describeJsonError = (text: string, err: Error): string => {
  const m = err.message;
  const at = /at position (\d+)/.exec(m);
  const position = at ? Number(at[1]) : /Unexpected end of JSON input/.test(m) ? text.length : null;
  const token = /Unexpected token '?(.)'?/.exec(m) ?? /Unexpected non-whitespace character/.exec(m);
  const what = /Unexpected end of JSON input|Unterminated string/.test(m)
    ? '内容不完整（括号、引号未闭合）'
    : /after property value/.test(m)
      ? '属性值之后应为逗号“,”或右花括号“}”'
      : /after array element/.test(m)
        ? '数组元素之后应为逗号“,”或右方括号“]”'
        : /property name/.test(m)
          ? '此处应为用双引号括起的属性名（JSON 不允许尾随逗号）'
          : /Bad control character/.test(m)
            ? '字符串中含有未转义的控制字符'
            : /Bad escaped character|Bad Unicode escape/.test(m)
              ? '字符串中的转义字符无效'
              : /Unexpected non-whitespace character after JSON/.test(m)
                ? 'JSON 内容结束后还有多余字符'
                : token?.[1]
                  ? `意外的字符“${token[1]}”`
                  : '语法错误';
  if (position === null) return what;
  const before = text.slice(0, position);
  const line = before.split('\n').length;
  const column = position - before.lastIndexOf('\n');
  return `第 ${line} 行第 ${column} 列：${what}`;
};

/** Writes with backpressure, so a large output never piles up in memory. */
export const writeChunk = async (out: Writable, chunk: string): Promise<void> => {
  if (!out.write(chunk)) await once(out, 'drain');
};
