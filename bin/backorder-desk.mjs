#!/usr/bin/env node
// The `backorder-desk` command (PRODUCT.md section 7): loads the TypeScript CLI through tsx and runs it.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../sync-service/src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  env: process.env,
  cwd: process.cwd(),
});
