/**
 * End-to-end helpers: the real `convstudio serve` process and Debian's Chromium through playwright-core.
 * Screenshots go to test-results/screenshots, kept by CI as artifacts.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { CLI } from './cli.ts';

export const SCREENSHOTS = join(import.meta.dirname, '../../test-results/screenshots');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface Served {
  url: string;
  process: ChildProcess;
  /** The app's data folder (recent files, autosave) and the folder Save As suggests, both temporary. */
  dataDir: string;
  projectsDir: string;
  /** What the command printed until its address (stdout and stderr). */
  output: string;
  stop(): Promise<void>;
}

export interface ServeOptions {
  /** Reuse a data folder (and projects folder), as a restart of the app would. */
  dataDir?: string;
  projectsDir?: string;
  env?: NodeJS.ProcessEnv;
  /** The command that serves (default: node_modules/.bin/convstudio serve …) and its working folder. */
  command?: string;
  args?: string[];
  cwd?: string;
}

/** Starts `convstudio serve FILE --no-open` and waits for the address it prints. */
export function serve(file: string | null, options: ServeOptions = {}): Promise<Served> {
  const args = options.args ?? ['serve', ...(file ? [file] : []), '--no-open'];
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'convstudio-data-'));
  const projectsDir = options.projectsDir ?? mkdtempSync(join(tmpdir(), 'convstudio-projects-'));
  const env = {
    ...process.env,
    LANG: 'en_US.UTF-8',
    CONVSTUDIO_DATA_DIR: dataDir,
    CONVSTUDIO_PROJECTS_DIR: projectsDir,
    ...options.env,
  };
  // A command that wraps serve (npm start) gets a process group of its own, so that stop() ends all of it, as
  // Ctrl+C in a terminal would: npm does not pass a SIGTERM on to the script it runs.
  const group = options.args !== undefined;
  const child = spawn(options.command ?? CLI, args, {
    env,
    detached: group,
    ...(options.cwd ? { cwd: options.cwd } : {}),
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`serve did not start:\n${output}`)), 120_000);
    const onData = (data: Buffer) => {
      output += data.toString();
      const match = /running at (http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({
          url: match[1]!,
          process: child,
          dataDir,
          projectsDir,
          output,
          stop: () =>
            new Promise((done) => {
              if (child.exitCode !== null || child.signalCode !== null) return done();
              child.once('exit', () => done());
              if (group) process.kill(-child.pid!, 'SIGTERM');
              else child.kill('SIGTERM');
            }),
        });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}:\n${output}`)));
  });
}

/**
 * Chromium's flags for a graphics card done in software (SwiftShader): WebGPU on its software adapter (for
 * pages served from 127.0.0.1) and WebGL on its software renderer.
 */
export const SOFTWARE_GPU = [
  '--enable-unsafe-webgpu',
  '--use-webgpu-adapter=swiftshader',
  '--enable-unsafe-swiftshader',
];

/** Debian's Chromium, without a graphics card unless `gpuArgs` give it one (SOFTWARE_GPU). */
export async function launchBrowser(gpuArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      ...(gpuArgs.length > 0 ? gpuArgs : ['--disable-gpu']),
      '--no-first-run',
    ],
  });
}

/** What the Content Security Policy blocked on any page opened with openApp; useServedApp fails on any. */
const blockedByPolicy: string[] = [];

/** Opens the app and waits until it has loaded its first network. */
export async function openApp(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  // Anything the Content Security Policy blocks is a problem too: the policy has no 'unsafe-inline'.
  page.on('console', (message) => {
    if (!/Content Security Policy/.test(message.text())) return;
    problems.push(message.text());
    blockedByPolicy.push(message.text());
  });
  await page.goto(url);
  await page.locator('.app[data-ready="true"]').waitFor();
  (page as Page & { problems?: string[] }).problems = problems;
  return page;
}

/**
 * The Train view's quick run of the open network on MNIST, to its end, then the first test image tried:
 * "Inside the network" shows what the trained layers make of it.
 */
export async function trainQuicklyAndTry(page: Page, timeout = 120_000): Promise<void> {
  const byId = (id: string) => page.getByTestId(id);
  await byId('view-train').click();
  await byId('preset-quick').click();
  await byId('train-start').click();
  await expect.poll(() => byId('run-history').textContent(), { timeout }).toContain('finished');
  await byId('try-pick').locator('button').first().click();
  await byId('inside-network').waitFor();
}

/** Waits until the run history lists `runs` finished runs. */
export async function untilRunsFinished(page: Page, runs: number, timeout: number): Promise<void> {
  await expect
    .poll(async () => (await page.getByTestId('run-history').textContent())!.match(/finished/g)?.length ?? 0, {
      timeout,
      interval: 1_000,
    })
    .toBe(runs);
}

/** Clicks cell (row, column) of a feature map drawn `size` cells across (the Inside view's canvases). */
export async function clickCell(map: Locator, size: number, row: number, column: number): Promise<void> {
  const box = (await map.boundingBox())!;
  await map.click({ position: { x: ((column + 0.5) / size) * box.width, y: ((row + 0.5) / size) * box.height } });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}

/** Drags from one point to another with the mouse, in steps, as a person would. */
export async function dragMouse(
  page: Page,
  from: { x: number; y: number },
  to: { x: number; y: number },
): Promise<void> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 5 });
  await page.mouse.move(to.x, to.y, { steps: 5 });
  await page.mouse.up();
}

/** The centre of an element on the page. */
export async function centre(page: Page, selector: string): Promise<{ x: number; y: number }> {
  const box = await page.locator(selector).boundingBox();
  if (!box) throw new Error(`${selector} is not on screen`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

export interface AppSession {
  served: Served;
  browser: Browser;
  page: Page;
}

/**
 * Serves `file` (or a new network) and opens it in Chromium before the file's tests, and closes both after;
 * `env`: more of the host's environment.
 * The returned object is filled in by then; tests may replace its parts (a restarted server, a new page).
 */
export function useServedApp(file: string | null, gpuArgs: string[] = [], env: NodeJS.ProcessEnv = {}): AppSession {
  const session = {} as AppSession;
  beforeAll(async () => {
    session.served = await serve(file, { env });
    session.browser = await launchBrowser(gpuArgs);
    session.page = await openApp(session.browser, session.served.url);
  });
  afterAll(async () => {
    await session.browser?.close();
    await session.served?.stop();
    // Every view the file's tests visited ran under the policy: nothing may have been blocked.
    expect(blockedByPolicy.splice(0)).toEqual([]);
  });
  return session;
}

/** The trainer processes below `pid`: the built trainer the host forks (out/main/trainer.js). */
export function trainerProcesses(pid: number): { pid: number; command: string }[] {
  return descendants(pid).filter((p) => /out\/main\/trainer\.js/.test(p.command));
}

/** The processes started by `pid`, their children, and so on, with their command lines. */
export function descendants(pid: number): { pid: number; command: string }[] {
  const rows = execFileSync('ps', ['-e', '-o', 'pid=,ppid=,args='], { encoding: 'utf8' })
    .split('\n')
    .map((line) => /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ pid: Number(m[1]), ppid: Number(m[2]), command: m[3]! }));
  const found: { pid: number; command: string }[] = [];
  const visit = (parent: number) => {
    for (const row of rows.filter((r) => r.ppid === parent)) {
      found.push({ pid: row.pid, command: row.command });
      visit(row.pid);
    }
  };
  visit(pid);
  return found;
}

/** Clicks what downloads a file and saves the download in `folder`, under the name the page gave it. */
export async function saveDownload(page: Page, testId: string, folder: string): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  const path = join(folder, download.suggestedFilename());
  await download.saveAs(path);
  return path;
}
