#!/usr/bin/env node
// The `vigil` command. TypeScript sources run through tsx, so an install needs no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv);
