import { execFileSync } from 'node:child_process';
import { mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: the launcher is plain JavaScript, without type declarations
import { bundleOf } from '../../bin/compile.js';

/** A small TypeScript project of its own, so that its sources can be changed freely. */
const project = () => {
  const root = mkdtempSync(join(tmpdir(), 'ecocredit-compile-'));
  writeFileSync(
    join(root, 'main.ts'),
    "import { word } from './dep.ts';\nconst n: number = 1;\nconsole.log(word, n);\n",
  );
  writeFileSync(join(root, 'dep.ts'), "export const word: string = 'alpha';\n");
  const target = { root, cache: join(root, 'cache'), entry: 'main.ts' };
  const bundle = (): Promise<string> => bundleOf('t', target);
  const run = (path: string) => execFileSync(process.execPath, [path], { encoding: 'utf8' }).trim();
  return { root, bundle, run };
};

describe('the bundled entries (bin/compile.js)', () => {
  it('bundles TypeScript once and reuses the bundle while the sources are unchanged', async () => {
    const p = project();
    const first = await p.bundle();
    expect(p.run(first)).toBe('alpha 1');
    expect(await p.bundle()).toBe(first);
  });

  it('reuses it when a source is only touched (same content)', async () => {
    const p = project();
    const first = await p.bundle();
    utimesSync(join(p.root, 'dep.ts'), new Date(), new Date(Date.now() + 5000));
    expect(await p.bundle()).toBe(first);
  });

  it('rebuilds when an imported source changes, even at the same size', async () => {
    const p = project();
    const first = await p.bundle();
    writeFileSync(join(p.root, 'dep.ts'), "export const word: string = 'omega';\n");
    const second = await p.bundle();
    expect(second).not.toBe(first);
    expect(p.run(second)).toBe('omega 1');
  });
});
