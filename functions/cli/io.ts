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
    throw new InputFileError(
      `${file === '-' ? '标准输入' : `文件 ${file} `}不是有效的 JSON：${describeJsonError(text, cause as Error)}`,
      { cause },
    );
  }
};

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
