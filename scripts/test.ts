/**
 * `npm test`: every check of the project, in the order that fails soonest.
 *   1. a browser: found on the machine, installed from Debian's packages where it can be (root with
 *      apt), or the run stops at once with the command to run;
 *   2. the ports the browser tests serve on are free;
 *   3. type check and unit tests, side by side;
 *   4. the two test sites are built (scripts/lib/test-sites.ts);
 *   5. checks on the built files (vitest's `site` project);
 *   6. the browser tests (Playwright, Debian's Chromium).
 * Each phase's wall time is printed at the end. `tsx scripts/test.ts build site` runs only the
 * phases named.
 */
import { spawn, spawnSync, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { performance } from 'node:perf_hooks';
import { findChromium, INSTALL_CHROMIUM } from './lib/chromium';
import { prepareTestContent, testSites, testSiteBuild } from './lib/test-sites';

class PhaseFailure extends Error {}

// A stopped run stops what it started (a build, the browser tests and their servers) with it.
const children = new Set<ChildProcess>();
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    for (const child of children) child.kill(signal);
    process.exit(130);
  });
}

/** Starts a command of node_modules/.bin, remembered until it exits. */
function start(command: string, args: string[], options: SpawnOptions): ChildProcess {
  const child = spawn(`node_modules/.bin/${command}`, args, options);
  children.add(child);
  child.on('exit', () => children.delete(child));
  return child;
}

/** Runs a command of node_modules/.bin, its output shown as it comes; fails the phase on a non-zero exit. */
function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = start(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
    child.on('error', reject);
    child.on('exit', (code, signal) => (code === 0 ? resolve() : reject(new PhaseFailure(`${command} ${args.join(' ')} exited with ${code ?? signal}`))));
  });
}

/** Runs a command with its output kept, printed whole when it ends, so that two can run side by side. */
function runQuietly(label: string, command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = start(command, args, { env: { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? '1' } });
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => (output += chunk));
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      process.stdout.write(`\n── ${label} ──\n${output}`);
      if (code === 0) resolve();
      else reject(new PhaseFailure(`${label} (${command} ${args.join(' ')}) exited with ${code ?? signal}`));
    });
  });
}

/** Finds Chromium, or installs Debian's where this process may (root with apt), or says what to run. */
function ensureBrowser() {
  let path = findChromium();
  if (!path && !process.env.CHROMIUM_PATH && process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
    console.log(`No Chromium on this machine: installing Debian's (${INSTALL_CHROMIUM}) …`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    for (const args of [['update', '-qq'], ['install', '-y', '-qq', 'chromium']]) {
      const result = spawnSync('apt-get', args, { stdio: ['ignore', 'ignore', 'inherit'], env });
      if (result.status !== 0) throw new PhaseFailure(`apt-get ${args.join(' ')} failed; install a browser by hand (${INSTALL_CHROMIUM}) or set CHROMIUM_PATH`);
    }
    path = findChromium();
  }
  if (!path) {
    throw new PhaseFailure(
      process.env.CHROMIUM_PATH
        ? `CHROMIUM_PATH is ${process.env.CHROMIUM_PATH}, which does not exist.`
        : `The browser tests need Chromium, and there is none on this machine. Run:\n\n    sudo ${INSTALL_CHROMIUM}\n\nor set CHROMIUM_PATH to a Chrome or Chromium binary, then npm test again.`,
    );
  }
  process.env.CHROMIUM_PATH = path;
  console.log(`browser: ${path}`);
}

/** Resolves when nothing listens on the port, so that no test talks to somebody else's server. */
function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

async function checkPorts() {
  for (const site of Object.values(testSites)) {
    if (!(await portIsFree(site.port))) {
      throw new PhaseFailure(
        `Port ${site.port} is in use. The browser tests serve a test site there (built for ${site.site}${site.base}). ` +
          `Stop what listens on it (\`ss -ltnp 'sport = :${site.port}'\` shows it), or move the test ports with TEST_PORT=<a free port>, then run npm test again.`,
      );
    }
  }
  console.log(`ports ${Object.values(testSites).map((site) => site.port).join(' and ')} are free`);
}

async function buildTestSites() {
  prepareTestContent(testSites.large);
  for (const site of Object.values(testSites)) {
    const { args, env } = testSiteBuild(site);
    console.log(`astro ${args.join(' ')}  (${Object.entries(env).map(([key, value]) => `${key}=${value}`).join(' ')})`);
    await run('astro', args, env);
  }
}

const phases: [name: string, step: () => void | Promise<void>][] = [
  ['browser', ensureBrowser],
  ['ports', checkPorts],
  ['check + unit', () => Promise.all([runQuietly('astro check', 'astro', ['check']), runQuietly('unit tests', 'vitest', ['run', '--project', 'unit'])]).then(() => undefined)],
  ['build', buildTestSites],
  ['site', () => run('vitest', ['run', '--project', 'site'])],
  ['e2e', () => run('playwright', ['test'])],
];

const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !phases.some(([phase]) => phase === name || phase.split(' + ').includes(name)));
if (unknown.length > 0) {
  console.error(`unknown phase ${unknown.join(', ')}; the phases are: ${phases.map(([name]) => name).join(', ')}`);
  process.exit(2);
}

const times: [string, number][] = [];
const started = performance.now();
let failure: unknown;
for (const [name, step] of phases) {
  if (wanted.length > 0 && !wanted.some((phase) => phase === name || name.split(' + ').includes(phase))) continue;
  const start = performance.now();
  console.log(`\n━━ ${name} ━━`);
  try {
    await step();
  } catch (error) {
    failure = error;
  }
  times.push([name, (performance.now() - start) / 1000]);
  if (failure) break;
}
const seconds = (value: number) => `${value.toFixed(1).padStart(7)} s`;
console.log(`\n━━ time ━━\n${times.map(([name, time]) => `${name.padEnd(14)}${seconds(time)}`).join('\n')}\n${'total'.padEnd(14)}${seconds((performance.now() - started) / 1000)}`);
if (failure) {
  console.error(`\nnpm test failed: ${failure instanceof Error ? failure.message : String(failure)}`);
  if (!(failure instanceof PhaseFailure) && failure instanceof Error) console.error(failure.stack);
  process.exit(1);
}
