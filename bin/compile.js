// Runs a TypeScript entry (the `ecocredit` command line, `npm start`) fast: it is bundled once with
// esbuild into node_modules/.cache/ecocredit/ and the bundle is reused while its sources are
// unchanged (size and mtime, else a content hash, of every source file the bundle was built from).
// A changed source rebuilds it on the next run (a fraction of a second); if esbuild cannot be used
// at all, the entry runs through tsx as before, only slower.
import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CACHE = join(ROOT, 'node_modules', '.cache', 'ecocredit');
/** Bumped when the build options change, so older bundles are not reused. */
const BUILD_FORMAT = 3;

export const ENTRIES = {
  cli: 'functions/cli/main.ts',
  start: 'infra/local/main.ts',
};
/**
 * npm packages left to node_modules: for the command line only the AWS SDK family (large, and
 * loaded only by commands that need it); its small pure-JavaScript libraries (zod, jose) are
 * bundled, which spares Node resolving and reading their many files on every run. `npm start`
 * keeps every package external (some find their own files next to their code).
 */
const EXTERNAL = {
  cli: ['@aws-sdk/*', '@smithy/*', '@aws-lambda-powertools/*', '@middy/*'],
  start: null,
};

const hashOf = (file) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** Where an entry is built: `{ root, cache, name, entry }` (the defaults are this project's). */
const target = (name, over = {}) => ({
  root: ROOT,
  cache: CACHE,
  name,
  entry: ENTRIES[name],
  external: EXTERNAL[name] ?? null,
  ...over,
});

/** The recorded build of an entry, if every source it was built from is unchanged. */
const recordedBuild = ({ root, cache, name, entry }) => {
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(join(cache, `${name}.json`), 'utf8'));
  } catch {
    return null;
  }
  if (manifest.format !== BUILD_FORMAT || manifest.entry !== entry) return null;
  for (const [file, seen] of Object.entries(manifest.inputs)) {
    const path = join(root, file);
    try {
      const st = statSync(path);
      if (st.size === seen.size && st.mtimeMs === seen.mtimeMs) continue;
      if (st.size === seen.size && hashOf(path) === seen.sha256) continue;
    } catch {
      return null;
    }
    return null;
  }
  return join(cache, manifest.dir, 'main.mjs');
};

/** Bundles an entry (npm packages stay external, resolved from node_modules at run time). */
export const build = async (name, over = {}) => {
  const { root, cache, entry, external } = target(name, over);
  mkdirSync(cache, { recursive: true });
  const { build: esbuild } = await import('esbuild');
  const dir = `${name}-${randomUUID().slice(0, 8)}`;
  const outdir = join(cache, dir);
  const result = await esbuild({
    absWorkingDir: root,
    entryPoints: { main: entry },
    outdir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    ...(external ? { external } : { packages: 'external' }),
    metafile: true,
    charset: 'utf8',
    logLevel: 'silent',
  });
  const inputs = {};
  for (const file of Object.keys(result.metafile.inputs)) {
    const path = resolve(root, file);
    const st = statSync(path);
    inputs[relative(root, path)] = { size: st.size, mtimeMs: st.mtimeMs, sha256: hashOf(path) };
  }
  // Written aside, then renamed: a run started meanwhile sees the old build or the new one, whole.
  const tmp = join(cache, `${name}.${process.pid}.${randomUUID().slice(0, 8)}.tmp`);
  writeFileSync(tmp, JSON.stringify({ format: BUILD_FORMAT, entry, dir, inputs }));
  renameSync(tmp, join(cache, `${name}.json`));
  removeOldBuilds(cache, name, dir);
  return join(outdir, 'main.mjs');
};

/** The bundle of an entry: the recorded one while its sources are unchanged, else a new one. */
export const bundleOf = async (name, over = {}) => recordedBuild(target(name, over)) ?? (await build(name, over));

/** Builds of this entry older than an hour (a run still using one has long loaded it). */
const removeOldBuilds = (cache, name, keep) => {
  const hourAgo = Date.now() - 3_600_000;
  for (const d of readdirSync(cache)) {
    if (d === keep || !d.startsWith(`${name}-`) || d.includes('.')) continue;
    try {
      if (statSync(join(cache, d)).mtimeMs < hourAgo) rmSync(join(cache, d), { recursive: true, force: true });
    } catch {
      // another run removed it first
    }
  }
};

/** Runs an entry: the cached bundle, a fresh one, or (without esbuild) the sources through tsx. */
export const run = async (name) => {
  let bundle = null;
  try {
    bundle = await bundleOf(name);
  } catch (err) {
    if (process.env.ECOCREDIT_DEBUG_BUILD) console.error(err);
  }
  if (bundle) {
    await import(pathToFileURL(bundle).href);
    return;
  }
  const { register } = await import('tsx/esm/api');
  register();
  await import(pathToFileURL(join(ROOT, ENTRIES[name])).href);
};
