#!/usr/bin/env node
// Launcher of the `ecocredit` command line: runs the bundled entry (built once, see compile.js).
import { run } from './compile.js';

await run('cli');
