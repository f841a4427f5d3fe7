import { readFileSync } from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';

/** Exit codes of the command line (API.md §4-5): 2 for bad input or arguments. */
export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_BAD_INPUT = 2;

/** A problem the user can fix: printed in Chinese on stderr, exit 2, nothing on stdout. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export class InputFileError extends Error {
  override readonly name = 'InputFileError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** Reads a JSON file, or standard input for `-`. */
export const readJsonInput = (file: string): unknown => {
  let text: string;
  try {
    text = readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (cause) {
    throw new InputFileError(`无法读取输入文件：${file}`, { cause });
  }
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new InputFileError(`输入不是有效的 JSON：${(cause as Error).message}`, { cause });
  }
};

/** Writes with backpressure, so a large output never piles up in memory. */
export const writeChunk = async (out: Writable, chunk: string): Promise<void> => {
  if (!out.write(chunk)) await once(out, 'drain');
};
