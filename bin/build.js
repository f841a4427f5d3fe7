#!/usr/bin/env node
// `npm install` (prepare): bundles the command line and `npm start` ahead of their first run.
// Never fails the install: without a bundle, the first run builds it, or runs through tsx.
try {
  const { bundleOf, ENTRIES } = await import('./compile.js');
  for (const name of Object.keys(ENTRIES)) await bundleOf(name);
} catch (err) {
  console.warn(`ecocredit: bundling skipped (${err instanceof Error ? err.message : String(err)})`);
}
