#!/usr/bin/env node
// The `convstudio` command: plain Node runs the built command (out/main/cli.js), building it first when the
// sources have changed since the last build. Everything is found from this file's own folder (symbolic links
// resolved), so the command works from any working folder, through `npm link` and `npm install -g .`.
import { ensureBuilt } from '../../scripts/app-build.mjs';

const problem = await ensureBuilt();
if (problem) {
  process.stderr.write(`error: ${problem}\n`);
  process.exit(1);
}
await import('../../out/main/cli.js');
