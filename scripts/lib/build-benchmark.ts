/**
 * Shared pieces of `npm run bench` and `npm run bench:scale`: a measured `astro build`, folder sizes,
 * the machine's description and the Scale section of BENCHMARKS.md.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, release, totalmem, type } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { median } from './search-benchmark';
import { findChromium } from './chromium';

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const BENCHMARKS_FILE = join(ROOT, 'BENCHMARKS.md');
export const SCALE_START = '<!-- scale:start -->';
export const SCALE_END = '<!-- scale:end -->';
const ASTRO = join(ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs');
const GNU_TIME = '/usr/bin/time';
/** Where the build keeps finished share images between builds (src/lib/share/image.ts). */
const SHARE_IMAGE_CACHE = join(ROOT, 'node_modules', '.cache', 'share-images');

export interface BuildMeasure {
  wallS: number;
  userS: number;
  sysS: number;
  /** user + sys, of the build and the processes it waited for (Pagefind's binary). */
  cpuS: number;
  /** Peak resident memory of the largest process of the build. */
  maxRssMB: number;
  /** How CPU time and memory were read. */
  method: string;
  /** Set when the build failed (and `allowFailure` was given): its first error, the figures covering the build up to it. */
  failure?: string;
}

export interface BuildOptions {
  outDir: string;
  /** CONTENT_DIR for the build; the real content/ when absent. */
  contentDir?: string;
  /** SITE for the build; unset when absent (even if set in this process's environment). */
  site?: string;
  /** The build's output goes to this file. */
  log: string;
  /** Build with an empty share-image cache (every card drawn), leaving the cache as it was afterwards. */
  coldShareImages?: boolean;
  /** Return the measure of a failed build (with `failure` set) instead of throwing. */
  allowFailure?: boolean;
}

/**
 * Runs `astro build` (the project's own astro, as `npx astro build` does, without npm's start-up) and measures it:
 * wall time here; CPU time and peak RSS from GNU time's wait4 rusage when /usr/bin/time exists, else from the
 * build process's own `process.resourceUsage()` (which misses the Pagefind child process).
 */
export async function timedBuild(options: BuildOptions): Promise<BuildMeasure> {
  const env: NodeJS.ProcessEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
  delete env.SITE;
  delete env.CONTENT_DIR;
  if (options.site) env.SITE = options.site;
  if (options.contentDir) env.CONTENT_DIR = options.contentDir;
  mkdirSync(dirname(options.log), { recursive: true });
  const usageFile = `${options.log}.usage`;
  rmSync(usageFile, { force: true });
  const useGnuTime = existsSync(GNU_TIME) && !process.env.BENCH_NO_GNU_TIME;
  const build = [ASTRO, 'build', '--outDir', options.outDir];
  const [command, args] = useGnuTime
    ? [GNU_TIME, ['-v', '-o', usageFile, process.execPath, ...build]]
    : [
        process.execPath,
        [
          '--import',
          `data:text/javascript,import{writeFileSync}from"node:fs";process.on("exit",()=>writeFileSync(${JSON.stringify(usageFile)},JSON.stringify(process.resourceUsage())))`,
          ...build,
        ],
      ];

  const stash = `${SHARE_IMAGE_CACHE}.bench-stash`;
  if (options.coldShareImages) {
    rmSync(stash, { recursive: true, force: true });
    if (existsSync(SHARE_IMAGE_CACHE)) renameSync(SHARE_IMAGE_CACHE, stash);
  }
  try {
    const start = performance.now();
    const code = await new Promise<number | null>((done, fail) => {
      const child = spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
      const log = createWriteStream(options.log);
      child.stdout.pipe(log);
      child.stderr.pipe(log);
      child.on('error', fail);
      child.on('close', done);
    });
    const wallS = (performance.now() - start) / 1000;
    let failure: string | undefined;
    if (code !== 0) {
      const output = readFileSync(options.log, 'utf8').split('\n');
      const tail = output.slice(-25).join('\n');
      if (!options.allowFailure || !existsSync(usageFile)) throw new Error(`astro build --outDir ${options.outDir} failed (exit ${code}); ${options.log}:\n${tail}`);
      const first = output.findIndex((line) => line.includes('[ERROR]'));
      failure = first >= 0 ? output.slice(first, first + 2).map((line) => line.trim()).join(' ') : `exit ${code}`;
    }
    const usage = readFileSync(usageFile, 'utf8');
    if (useGnuTime) {
      const field = (name: string) => Number(new RegExp(`${name}: ([\\d.]+)`).exec(usage)?.[1]);
      const userS = field('User time \\(seconds\\)');
      const sysS = field('System time \\(seconds\\)');
      return { wallS, userS, sysS, cpuS: userS + sysS, maxRssMB: field('Maximum resident set size \\(kbytes\\)') / 1024, method: '/usr/bin/time -v', failure };
    }
    const own = JSON.parse(usage) as NodeJS.ResourceUsage;
    const userS = own.userCPUTime / 1e6;
    const sysS = own.systemCPUTime / 1e6;
    return { wallS, userS, sysS, cpuS: userS + sysS, maxRssMB: own.maxRSS / 1024, method: 'process.resourceUsage() of the build process', failure };
  } finally {
    if (options.coldShareImages) {
      rmSync(SHARE_IMAGE_CACHE, { recursive: true, force: true });
      if (existsSync(stash)) renameSync(stash, SHARE_IMAGE_CACHE);
    }
  }
}

/** The median of each figure over several builds. */
export function medianBuild(measures: BuildMeasure[]): BuildMeasure & { runs: number } {
  const of = (key: 'wallS' | 'userS' | 'sysS' | 'cpuS' | 'maxRssMB') => median(measures.map((measure) => measure[key]));
  const failure = measures.find((measure) => measure.failure)?.failure;
  return { wallS: of('wallS'), userS: of('userS'), sysS: of('sysS'), cpuS: of('cpuS'), maxRssMB: of('maxRssMB'), method: measures[0].method, runs: measures.length, ...(failure ? { failure } : {}) };
}

/** Files of a folder (recursively) whose name passes `filter`. */
export function filesOf(dir: string, filter: (name: string) => boolean = () => true): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && filter(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** Total bytes and file count of a folder. */
export function folderSize(dir: string, filter?: (name: string) => boolean): { bytes: number; files: number } {
  const files = filesOf(dir, filter);
  return { bytes: files.reduce((sum, file) => sum + statSync(file).size, 0), files: files.length };
}

/** Gzipped bytes of a file, as the static server sends it (zlib's default level). */
export function gzippedSize(file: string): number {
  return gzipSync(readFileSync(file)).length;
}

export const kb = (bytes: number, digits = 1) => (bytes / 1024).toFixed(digits);
export const mb = (bytes: number, digits = 1) => (bytes / 1024 / 1024).toFixed(digits);

/** The machine, for the report. */
export function machine(): Record<string, string> {
  const chromium = spawnSync(findChromium() ?? 'chromium', ['--version'], { encoding: 'utf8' }).stdout.trim();
  const nproc = spawnSync('nproc', { encoding: 'utf8' }).stdout.trim() || String(availableParallelism());
  return {
    cpus: `${nproc} (nproc), ${cpus()[0]?.model.trim() ?? 'unknown model'}`,
    memory: `${(totalmem() / 1024 ** 3).toFixed(1)} GiB`,
    load: loadavg()
      .map((value) => value.toFixed(2))
      .join(' / '),
    os: `${type()} ${release()}`,
    node: process.version,
    chromium: chromium || 'unknown',
  };
}

/** The Scale section of BENCHMARKS.md, markers included, or undefined. */
export function readScaleSection(): string | undefined {
  if (!existsSync(BENCHMARKS_FILE)) return undefined;
  const text = readFileSync(BENCHMARKS_FILE, 'utf8');
  const start = text.indexOf(SCALE_START);
  const end = text.indexOf(SCALE_END);
  return start >= 0 && end > start ? text.slice(start, end + SCALE_END.length) : undefined;
}

/** Puts `body` between the scale markers of BENCHMARKS.md (appending the section if the file has none). */
export function writeScaleSection(body: string): void {
  const section = `${SCALE_START}\n${body.trim()}\n${SCALE_END}`;
  const text = existsSync(BENCHMARKS_FILE) ? readFileSync(BENCHMARKS_FILE, 'utf8') : '# Benchmarks\n';
  const start = text.indexOf(SCALE_START);
  const end = text.indexOf(SCALE_END);
  const next = start >= 0 && end > start ? text.slice(0, start) + section + text.slice(end + SCALE_END.length) : `${text.trimEnd()}\n\n${section}\n`;
  writeFileSync(BENCHMARKS_FILE, next);
}
