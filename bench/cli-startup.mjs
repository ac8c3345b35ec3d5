// `npm run bench`, start-up part: how long `convstudio summary` takes on a small model file, start to exit,
// as a person typing it waits for it (the built command, the app already built), against plain `node -e 0`
// on the same machine. The bar (issue 13): well under 0.3 s.
//   node bench/cli-startup.mjs [--runs N]
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ensureBuilt, PACKAGE_ROOT } from '../scripts/app-build.mjs';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '21' } } });
const runs = Number(values.runs);
const cli = join(PACKAGE_ROOT, 'packages/cli/convstudio.mjs');
const model = join(PACKAGE_ROOT, 'test/fixtures/keras/tf-keras-2-sequential.json');

const problem = await ensureBuilt();
if (problem) throw new Error(problem);

/** Median wall time in seconds of running `args` with Node, after one run to warm the file cache. */
function median(args) {
  execFileSync(process.execPath, args, { stdio: 'ignore' });
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    execFileSync(process.execPath, args, { stdio: 'ignore' });
    times.push((performance.now() - start) / 1000);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

const node = median(['-e', '0']);
const summary = median([cli, 'summary', model]);
console.log(`node -e 0:                   ${node.toFixed(3)} s (median of ${runs})`);
console.log(
  `convstudio summary (small):  ${summary.toFixed(3)} s (median of ${runs}); ConvStudio's own part ${(summary - node).toFixed(3)} s`,
);
console.log(summary < 0.3 ? 'bar (< 0.3 s): met' : 'bar (< 0.3 s): NOT met');
