import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  ConcurrentUpdateError,
  ConfigurationError,
  EcocreditError,
  IdentityProviderError,
  PoisonMessageError,
} from '../../../functions/shared/errors.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
const sources = ['functions', 'infra']
  .flatMap((d) => files(join(root, d)))
  .map((f) => ({ file: relative(root, f), text: readFileSync(f, 'utf8') }));

/** Every exported class of functions/ and infra/ that is an error by its name or by what it extends. */
const errorClasses = sources.flatMap(({ file, text }) =>
  [...text.matchAll(/^export class (\w+) extends (\w+)/gm)]
    .filter((m) => /Error$/.test(m[1]!) || /Error$/.test(m[2]!))
    .map((m) => ({ file, name: m[1]! })),
);

describe('one base error class', () => {
  it('every unexpected failure is an EcocreditError that keeps its cause and names itself', () => {
    const cause = new Error('socket hang up');
    const errors = [
      new ConfigurationError('c', { cause }),
      new ConcurrentUpdateError('u', { cause }),
      new PoisonMessageError('p', { cause }),
      new IdentityProviderError('i', { cause }),
    ];
    expect(errors.map((e) => e instanceof EcocreditError && e instanceof Error)).toEqual([true, true, true, true]);
    expect(errors.map((e) => e.cause)).toEqual([cause, cause, cause, cause]);
    expect(errors.map((e) => e.name)).toEqual([
      'ConfigurationError',
      'ConcurrentUpdateError',
      'PoisonMessageError',
      'IdentityProviderError',
    ]);
  });

  it('finds the error classes of the functions and infra layers', () => {
    expect(errorClasses.length).toBeGreaterThanOrEqual(15);
  });

  it('no class but EcocreditError itself extends Error directly', () => {
    const direct = sources.filter(({ text }) => /\bclass \w+ extends Error\b/.test(text)).map(({ file }) => file);
    expect(direct).toEqual(['functions/shared/errors.ts']);
  });

  it.each(errorClasses.filter((c) => c.name !== 'EcocreditError'))(
    '$name ($file) is an EcocreditError, keeps its cause and names itself',
    async ({ file, name }) => {
      const module = (await import(pathToFileURL(join(root, file)).href)) as Record<
        string,
        new (
          message: string,
          options?: ErrorOptions,
        ) => Error
      >;
      const ErrorClass = module[name]!;
      const cause = new Error('socket hang up');
      const error = new ErrorClass('消息', { cause });
      expect(error).toBeInstanceOf(EcocreditError);
      expect(error).toBeInstanceOf(ErrorClass);
      expect([error.name, error.message, error.cause]).toEqual([name, '消息', cause]);
    },
  );
});
