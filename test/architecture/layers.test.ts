import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The layers import one way only: `domain` ← `functions` ← `infra` (bench, bin and test may use them
 * all). Inside `functions/`, ports and the shared, composition and adapter folders never import a
 * function's own folder, and a function's folder never imports another function's folder — what two
 * functions share lives in `functions/ports`, `functions/shared` or a use-case folder. A function's
 * `contracts.ts` (its request schemas) is the exception: the API's OpenAPI document reads them all.
 */
const root = resolve(fileURLToPath(new URL('../../', import.meta.url)));
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : /\.tsx?$/.test(p) ? [p] : [];
  });

/** Every relative import of every TypeScript file (.ts, .tsx) under `dir`, as paths from the repository root. */
const importsUnder = (dir: string): { from: string; to: string }[] =>
  files(join(root, dir)).flatMap((file) => {
    const text = readFileSync(file, 'utf8');
    return [...text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)].map((m) => ({
      from: relative(root, file),
      to: relative(root, resolve(dirname(file), m[1]!)),
    }));
  });

/** Folders of `functions/` that serve several functions (everything else is one function's or one use case's own). */
const SHARED = new Set(['ports', 'adapters', 'shared', 'composition']);
const topOf = (path: string) => path.split('/')[0]!;
const folderOf = (path: string) => path.split('/')[1]!;

describe('the layers import one way', () => {
  const functionsImports = importsUnder('functions');

  it('has imports to check', () => {
    expect(functionsImports.length).toBeGreaterThan(100);
  });

  it('domain imports only domain', () => {
    expect(importsUnder('domain').filter((i) => topOf(i.to) !== 'domain')).toEqual([]);
  });

  it('functions import only functions and domain, never infra, bench or test', () => {
    expect(functionsImports.filter((i) => !['functions', 'domain'].includes(topOf(i.to)))).toEqual([]);
  });

  it('ports import no adapter, composition or function folder', () => {
    const ports = functionsImports.filter((i) => folderOf(i.from) === 'ports' && topOf(i.to) === 'functions');
    expect(ports.filter((i) => folderOf(i.to) !== 'ports' && folderOf(i.to) !== 'shared')).toEqual([]);
  });

  it('shared code and adapters never import a function’s own folder', () => {
    const fromShared = functionsImports.filter(
      (i) => ['ports', 'adapters', 'shared'].includes(folderOf(i.from)) && topOf(i.to) === 'functions',
    );
    const handlerFolders = fromShared.filter((i) => !SHARED.has(folderOf(i.to)) && isFunctionFolder(folderOf(i.to)));
    expect(handlerFolders).toEqual([]);
  });

  it('a function’s handler folder never imports another function’s handler folder', () => {
    const crossing = functionsImports.filter(
      (i) =>
        isFunctionFolder(folderOf(i.from)) &&
        topOf(i.to) === 'functions' &&
        isFunctionFolder(folderOf(i.to)) &&
        folderOf(i.to) !== folderOf(i.from) &&
        !i.to.endsWith('/contracts.ts'),
    );
    expect(crossing).toEqual([]);
  });
});

/** A folder of `functions/` that is one deployed function (it has a handler). */
function isFunctionFolder(folder: string): boolean {
  try {
    return statSync(join(root, 'functions', folder, 'handler.ts')).isFile();
  } catch {
    return false;
  }
}
