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

/** The largest a function's bundle may be unless `BUNDLE_BUDGETS_KB` says otherwise (minified, SDK external, without its source map). */
export const DEFAULT_BUNDLE_BUDGET_KB = 150;

/** 1 KB = 1000 bytes, as the table of docs/benchmarks.md counts. */
export const MAX_BUNDLE_BYTES = DEFAULT_BUNDLE_BUDGET_KB * 1000;

/**
 * Functions with a budget of their own, in KB, each with why: only functions that do not serve the
 * JSON API (a server-rendered web front end, say). Every API function, queue consumer and scheduled
 * function keeps to `DEFAULT_BUNDLE_BUDGET_KB`; `test/infra/bundling.test.ts` holds each to its budget.
 */
export const BUNDLE_BUDGETS_KB: Readonly<Partial<Record<HandlerName, number>>> = {
  // The pages (docs/web.md "Bundle budget"): preact and its renderer, the pages and every use case
  // they run (lookups, acts, repairs, registrations, the what-if's evaluation), openid-client for
  // sign-in, and the pages of the participants' year (lists, filing, notices, objections, warnings,
  // practitioners) and of the results' use. 636 KB measured on 2026-11-29, plus about 10 %.
  web: 700,
  // The Excel downloads: exceljs with its stream, zip and XML libraries (≈ 1.1 MB of it), and the
  // reads of the lists. 1239 KB measured on 2026-11-28, plus about 15 %.
  webExports: 1420,
};

/** The bytes a function's bundle may have (its own budget, or the default). */
export const bundleBudgetBytes = (name: HandlerName): number =>
  (BUNDLE_BUDGETS_KB[name] ?? DEFAULT_BUNDLE_BUDGET_KB) * 1000;

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
