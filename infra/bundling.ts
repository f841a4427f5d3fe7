import type { BuildOptions } from 'esbuild';
import type { HandlerName } from './definitions.ts';

/**
 * How every function is bundled, as data: the stack gives these to `NodejsFunction` and
 * `bench/bundles.ts` (and its test) give the same to esbuild, so the measured size is the deployed one.
 */
export const BUNDLING = {
  format: 'esm',
  target: 'node22',
  minify: true,
  /** Chinese text as UTF-8 rather than `\uXXXX` escapes: 8–10 % smaller bundles. */
  charset: 'utf8',
  /** Shipped and used: the functions run with `--enable-source-maps` (stack traces name the source files). */
  sourceMap: true,
  /** The map names lines without carrying a second copy of the source. */
  sourcesContent: false,
  mainFields: ['module', 'main'],
  /** The Lambda Node runtime provides the AWS SDK v3. */
  externalModules: ['@aws-sdk/*'],
  /** ESM bundles with CommonJS dependencies need `require` (docs/development.md). */
  banner: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
} as const;

/** `NODE_OPTIONS` of every function: the source maps above are used, not only shipped. */
export const NODE_OPTIONS = '--enable-source-maps';

/** The largest a function's bundle may be (minified, SDK external, without its source map; 1 KB = 1000 bytes). */
export const MAX_BUNDLE_BYTES = 150_000;

/**
 * Functions still over the limit, each with the most it may weigh until it is under (docs/aws.md
 * "Bundle sizes"). Their compositions hold only what they use; what keeps them over is shared code
 * they use a small part of (the one `CreditStore` adapter with its record model and catalogue, zod
 * with its Chinese messages, jose for the staff tokens). A function that gets under the limit
 * leaves this list; `test/infra/bundling.test.ts` says when.
 */
export const OVER_LIMIT_CEILINGS: Readonly<Partial<Record<HandlerName, number>>> = {
  scoreLookup: 160_000,
  cyclesApi: 205_000,
  rescoreWorker: 165_000,
  repairsApi: 200_000,
};

/** The same bundle as the stack's, for esbuild's API (bundle size measurements). */
export const esbuildOptions = (entry: string): BuildOptions => ({
  entryPoints: [entry],
  bundle: true,
  platform: 'node',
  format: BUNDLING.format,
  target: BUNDLING.target,
  minify: BUNDLING.minify,
  charset: BUNDLING.charset,
  mainFields: [...BUNDLING.mainFields],
  external: [...BUNDLING.externalModules],
  banner: { js: BUNDLING.banner },
  write: false,
  metafile: true,
  logLevel: 'silent',
});
