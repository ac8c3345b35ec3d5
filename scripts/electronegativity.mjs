// `npm run lint` (last step): Electronegativity's checks of the Electron code (src/), offline. Every finding
// must be fixed or reviewed: REVIEWED lists the ones docs/security.md justifies ("Electronegativity"); any
// other finding fails the run. The check that fetches Electron's release list is left out (no network), and
// the Electron version is the one package.json pins. (Electronegativity exits 0 whatever it finds: its report
// file is what counts.)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { PACKAGE_ROOT } from './app-build.mjs';

/** check id and file: each justified in docs/security.md. */
const REVIEWED = [
  ['CSP_GLOBAL_CHECK', 'main/index.ts'],
  ['CSP_GLOBAL_CHECK', 'renderer/index.html'],
  ['PRELOAD_JS_CHECK', 'main/main-window.ts'],
  ['OPEN_EXTERNAL_JS_CHECK', 'main/main-window.ts'],
];

const version = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')).devDependencies.electron;
const require = createRequire(import.meta.url);
const bin = join(dirname(require.resolve('@doyensec/electronegativity/package.json')), 'dist', 'index.js');
const report = join(mkdtempSync(join(tmpdir(), 'electronegativity-')), 'report.csv');
const args = [
  bin,
  '-i',
  join(PACKAGE_ROOT, 'src'),
  '-e',
  version,
  '-x',
  'AvailableSecurityFixesGlobalCheck',
  '-r',
  '-o',
  report,
];
// Electronegativity always asks a server for translations; where we may (root, or a user namespace), it runs
// with no network at all. Elsewhere its one request fails or is answered, and changes no finding.
const attempts = [['unshare', '-n', '--'], ['unshare', '-r', '-n', '--'], []].map(([command, ...flags]) =>
  command ? [command, [...flags, process.execPath, ...args]] : [process.execPath, args],
);
let run;
for (const [command, commandArgs] of attempts) {
  run = spawnSync(command, commandArgs, { encoding: 'utf8' });
  if (run.status === 0) break;
}
let text;
try {
  text = readFileSync(report, 'utf8');
} catch {
  console.error(`Electronegativity did not run:\n${run.stdout}\n${run.stderr}`);
  process.exit(1);
}
// One finding per line that starts with a check's id and its four quoted fields; a sample of code that spans
// lines (Electronegativity does not always keep it on one) continues on lines that do not.
const FINDING = /^([A-Z_]+_CHECK),"(\w+)","(\w+)","([^"]*)","([^"]*)"/;
const findings = text
  .split('\n')
  .map((line) => FINDING.exec(line))
  .filter((m) => m !== null)
  .map(([, check, severity, confidence, file, location]) => ({ check, severity, confidence, file, location }));
const open = findings.filter((f) => !REVIEWED.some(([check, file]) => f.check === check && f.file === file));
const stale = REVIEWED.filter(([check, file]) => !findings.some((f) => f.check === check && f.file === file));
for (const f of open)
  console.error(`Electronegativity: ${f.check} (${f.severity}, ${f.confidence}) at src/${f.file}:${f.location}`);
// A reviewed finding that did not come back is only said: Electronegativity's CSP check of main/index.ts (a
// TENTATIVE "failed to parse" of the policy we build in code) does not fire on every run of the same tree.
for (const [check, file] of stale)
  console.warn(
    `Electronegativity: ${check} in src/${file} is reviewed but was not found this time; if it never comes back, take it out of REVIEWED and docs/security.md`,
  );
console.log(
  `Electronegativity (Electron ${version}): ${findings.length} findings, ${findings.length - open.length} reviewed, ${open.length} open`,
);
process.exitCode = open.length > 0 ? 1 : 0;
