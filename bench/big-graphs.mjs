// `npm run bench`, big-graph part (issue 16): `convstudio summary` on a Sequential of 5,000 layers and on a
// Functional model with 20,000 branches into one Concatenate, start to exit, with its peak memory. The bar:
// under 2 s each. (Before: 2,000 layers ended in "Maximum call stack size exceeded"; 20,000 branches took 215 s.)
//   node bench/big-graphs.mjs [--runs N]
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ensureBuilt, PACKAGE_ROOT } from '../scripts/app-build.mjs';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' } } });
const runs = Number(values.runs);
const cli = join(PACKAGE_ROOT, 'packages/cli/convstudio.mjs');
const BAR_S = 2;

const problem = await ensureBuilt();
if (problem) throw new Error(problem);

const chain = {
  class_name: 'Sequential',
  config: {
    name: 'chain',
    layers: [
      { class_name: 'InputLayer', config: { name: 'in', batch_input_shape: [null, 8] } },
      ...Array.from({ length: 5000 }, (_, i) => ({
        class_name: 'Dense',
        config: { name: `d${i}`, units: 8, activation: 'relu' },
      })),
    ],
  },
};
const BRANCHES = 20_000;
const fan = {
  class_name: 'Functional',
  config: {
    name: 'fan',
    layers: [
      { class_name: 'InputLayer', name: 'in', config: { name: 'in', batch_input_shape: [null, 8] }, inbound_nodes: [] },
      ...Array.from({ length: BRANCHES }, (_, i) => ({
        class_name: 'Dense',
        name: `b${i}`,
        config: { name: `b${i}`, units: 2, activation: 'relu' },
        inbound_nodes: [[['in', 0, 0, {}]]],
      })),
      {
        class_name: 'Concatenate',
        name: 'cat',
        config: { name: 'cat' },
        inbound_nodes: [Array.from({ length: BRANCHES }, (_, i) => [`b${i}`, 0, 0, {}])],
      },
    ],
    input_layers: [['in', 0, 0]],
    output_layers: [['cat', 0, 0]],
  },
};

const dir = mkdtempSync(join(tmpdir(), 'convstudio-bench-'));
let failed = false;
try {
  for (const [label, model] of [
    ['Sequential, 5,000 layers', chain],
    ['Functional, 20,000 branches', fan],
  ]) {
    const file = join(dir, `${model.config.name}.json`);
    writeFileSync(file, JSON.stringify(model));
    execFileSync(process.execPath, [cli, 'summary', file], { stdio: 'ignore' });
    const times = [];
    let peak = 0;
    for (let i = 0; i < runs; i++) {
      const start = performance.now();
      // GNU time gives the peak memory where it is installed (Debian's `time` package).
      const timed = existsSync('/usr/bin/time');
      const [command, ...args] = timed
        ? ['/usr/bin/time', '-f', '%M', process.execPath, cli, 'summary', file]
        : [process.execPath, cli, 'summary', file];
      const run = spawnSync(command, args, {
        encoding: 'utf8',
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      times.push((performance.now() - start) / 1000);
      if (run.status !== 0) throw new Error(`${label}: exit ${run.status}\n${run.stderr.slice(0, 2000)}`);
      if (timed) peak = Math.max(peak, Number(run.stderr.trim().split('\n').at(-1)) / 1024);
    }
    times.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)];
    const met = median < BAR_S;
    failed ||= !met;
    console.log(
      `convstudio summary, ${label}: ${median.toFixed(2)} s (median of ${runs})${peak ? `, peak ${peak.toFixed(0)} MB` : ''} — bar (< ${BAR_S} s): ${met ? 'met' : 'NOT met'}`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
if (failed) process.exitCode = 1;
