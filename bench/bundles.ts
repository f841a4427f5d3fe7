/**
 * `npm run bench:bundles`: the size of every function's bundle, built by esbuild with the stack's own
 * options (`infra/bundling.ts`), against its budget (150 KB unless `BUNDLE_BUDGETS_KB` gives it
 * another; 1 KB = 1000 bytes); `--why <function>` lists the largest inputs of one bundle, each with
 * the files that import it. The table goes in docs/benchmarks.md.
 */
import { build } from 'esbuild';
import { bundleBudgetBytes, esbuildOptions } from '../infra/bundling.ts';
import { FUNCTIONS, type HandlerName } from '../infra/definitions.ts';

export interface BundleSize {
  readonly name: HandlerName;
  readonly bytes: number;
  /** Bytes in the output per input file (packages summed as `npm:<name>`). */
  readonly inputs: ReadonlyMap<string, number>;
  /** The AWS SDK packages it imports from the Lambda runtime. */
  readonly sdkImports: ReadonlySet<string>;
  /** Per input (as in `inputs`), the project files in the bundle that import it: why it is there. */
  readonly importers: ReadonlyMap<string, readonly string[]>;
}

const packageOf = (path: string): string => path.replace(/^.*node_modules\/((?:@[^/]+\/)?[^/]+)\/.*$/, 'npm:$1');

export const bundleSize = async (name: HandlerName): Promise<BundleSize> => {
  const result = await build(esbuildOptions(FUNCTIONS[name].entry));
  const output = Object.values(result.metafile!.outputs)[0]!;
  const inputs = new Map<string, number>();
  for (const [path, { bytesInOutput }] of Object.entries(output.inputs))
    inputs.set(packageOf(path), (inputs.get(packageOf(path)) ?? 0) + bytesInOutput);
  const sdkImports = new Set(
    output.imports.filter((i) => i.external && i.path.startsWith('@aws-sdk/')).map((i) => i.path),
  );
  const importers = new Map<string, string[]>();
  for (const [path, input] of Object.entries(result.metafile!.inputs)) {
    if (!(path in output.inputs) || path.includes('node_modules/')) continue;
    for (const imported of input.imports) {
      if (imported.external) continue;
      const list = importers.get(packageOf(imported.path)) ?? [];
      if (!list.includes(path)) importers.set(packageOf(imported.path), [...list, path]);
    }
  }
  return { name, bytes: result.outputFiles![0]!.contents.byteLength, inputs, sdkImports, importers };
};

const kb = (bytes: number): string => (bytes / 1000).toFixed(1);

const main = async (args: readonly string[]): Promise<void> => {
  const why = args[0] === '--why' ? (args[1] as HandlerName | undefined) : undefined;
  if (why) {
    if (!(why in FUNCTIONS)) throw new Error(`unknown function ${why}; one of ${Object.keys(FUNCTIONS).join(', ')}`);
    const size = await bundleSize(why);
    console.log(`${why}: ${kb(size.bytes)} KB`);
    for (const [input, bytes] of [...size.inputs].sort((a, b) => b[1] - a[1]).slice(0, 30))
      console.log(`${kb(bytes).padStart(7)}  ${input}  ← ${(size.importers.get(input) ?? []).join(', ')}`);
    return;
  }
  console.log('| function | KB | budget KB | of its budget |\n|---|---:|---:|---:|');
  let over = 0;
  for (const name of Object.keys(FUNCTIONS) as HandlerName[]) {
    const { bytes } = await bundleSize(name);
    const budget = bundleBudgetBytes(name);
    if (bytes > budget) over++;
    console.log(
      `| ${name} | ${kb(bytes)} | ${kb(budget)} | ${Math.round((100 * bytes) / budget)} %${bytes > budget ? ' (over)' : ''} |`,
    );
  }
  if (over > 0) process.exitCode = 1;
};

if (process.argv[1]?.endsWith('bench/bundles.ts')) await main(process.argv.slice(2));
