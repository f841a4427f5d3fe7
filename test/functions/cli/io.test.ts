import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  describeJsonError,
  InputFileError,
  isBrokenJson,
  type JsonObjectInParts,
  readJsonInput,
  splitJsonObject,
} from '../../../functions/cli/io.ts';

const errorOf = (text: string): string => {
  try {
    JSON.parse(text);
  } catch (err) {
    return describeJsonError(text, err as Error);
  }
  throw new Error('valid JSON');
};

describe('broken JSON input is described in Chinese, with a line and a column', () => {
  it('a missing comma after a property value', () => {
    expect(errorOf('{\n  "year": 2026\n  "asOf": "2026-12-31"\n}')).toBe(
      '第 3 行第 3 列：属性值之后应为逗号“,”或右花括号“}”',
    );
  });

  it('a missing comma in an array, a trailing comma, an unquoted name', () => {
    expect(errorOf('{"records": [1 2]}')).toBe('第 1 行第 16 列：数组元素之后应为逗号“,”或右方括号“]”');
    expect(errorOf('{"a": 1,\n}')).toMatch(/^第 2 行第 1 列：此处应为用双引号括起的属性名/);
    expect(errorOf('{year: 2026}')).toMatch(/^第 1 行第 2 列：此处应为用双引号括起的属性名/);
  });

  it('a file cut short points at its end', () => {
    expect(errorOf('{\n  "subjects": [\n')).toBe('第 3 行第 1 列：内容不完整（括号、引号未闭合）');
  });

  it('never passes the English message or a byte offset on', () => {
    for (const text of ['{"a":1 "b":2}', 'nope', '{"a":"x\ty"}', '{"a":1} x', '{"a":"\\q"}']) {
      const message = errorOf(text);
      expect(message.replaceAll('JSON', '')).not.toMatch(/[A-Za-z]{3,}/);
      expect(message).not.toContain('position');
    }
  });

  it('readJsonInput names the file', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'ecocredit-io-')), 'input.json');
    writeFileSync(file, '{\n  "year": 2026,\n  "asOf": "2026-12-31" "subjects": []\n}');
    expect(() => readJsonInput(file)).toThrow(InputFileError);
    expect(() => readJsonInput(file)).toThrow(
      `文件 ${file} 不是有效的 JSON：第 3 行第 24 列：属性值之后应为逗号“,”或右花括号“}”`,
    );
  });
});

describe('a JSON object read piece by piece (splitJsonObject) is the object JSON.parse reads', () => {
  const whole = (parts: JsonObjectInParts, names: readonly string[]): Record<string, unknown> => {
    const out: Record<string, unknown> = { ...parts.members };
    for (const name of names) out[name] = [...parts.arrays[name]!].flat();
    return out;
  };
  const object = fc.record({
    members: fc.dictionary(
      fc.string().filter((k) => k !== 'records' && k !== '__proto__'),
      fc.jsonValue(),
      { maxKeys: 4 },
    ),
    records: fc.array(fc.jsonValue(), { maxLength: 30 }),
    indent: fc.constantFrom(undefined, 1, '\t'),
  });

  it('gives the same members and elements for any JSON object (property)', () => {
    fc.assert(
      fc.property(object, ({ members, records, indent }) => {
        const value = { ...members, records };
        const text = JSON.stringify(value, null, indent);
        const parts = splitJsonObject(Buffer.from(text), ['records']);
        expect(parts).toBeDefined();
        expect(whole(parts!, ['records'])).toStrictEqual(JSON.parse(text));
      }),
      { numRuns: 300 },
    );
  });

  it('never reads broken JSON as a value: a cut or altered file fails or reads what JSON.parse reads (property)', () => {
    fc.assert(
      fc.property(object, fc.nat(), fc.constantFrom('', ',', ']', '}', '"', '\\', ' x'), (o, at, insert) => {
        const text = JSON.stringify({ ...o.members, records: o.records }, null, o.indent);
        const cut = at % (text.length + 1);
        const broken = text.slice(0, cut) + insert + text.slice(cut + (insert === '' ? 1 : 0));
        let reference: unknown;
        try {
          reference = JSON.parse(broken);
        } catch {
          reference = undefined;
        }
        const parts = splitJsonObject(Buffer.from(broken), ['records']);
        if (parts === undefined) return;
        let read: unknown;
        try {
          read = whole(parts, ['records']);
        } catch (err) {
          expect(isBrokenJson(err)).toBe(true);
          expect(reference).toBeUndefined();
          return;
        }
        expect(read).toStrictEqual(reference);
      }),
      { numRuns: 1000 },
    );
  });

  it('leaves other forms to JSON.parse: not an object, a name twice, a named member not an array', () => {
    for (const text of ['[1]', '{"records": {}}', '{"records": [], "records": []}', '\uFEFF{"records": []}', '{}'])
      expect(splitJsonObject(Buffer.from(text), ['records'])).toBeUndefined();
  });
});
