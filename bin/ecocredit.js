#!/usr/bin/env node
// Launcher of the `ecocredit` command line: runs the TypeScript entry through tsx.
import { register } from 'tsx/esm/api';

register();
await import('../functions/cli/main.ts');
