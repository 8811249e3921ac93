/**
 * Renames for real: a small corpus in which one policy id and two clause ids were renamed, with
 * redirects declared, is built under a sub-path; the old addresses must lead to the new ones in the
 * built files, and the URL lock of the corpus before the renames must accept it.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkLinks } from '../../scripts/lib/link-check';
import { siteAnchors } from '../../src/lib/site/anchors';
import { loadCorpus } from '../../src/loaders/load-corpus';
import { publishedSite } from '../../src/loaders/redirects';

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
const astro = join(projectRoot, 'node_modules/.bin/astro');
const tsx = join(projectRoot, 'node_modules/.bin/tsx');

// CONTENT_DIR is relative to the project root, so the corpus has to sit inside the project.
const cacheDir = join(projectRoot, 'node_modules/.cache');
mkdirSync(cacheDir, { recursive: true });
const contentRoot = mkdtempSync(join(cacheDir, 'fixture-redirects-'));
const brokenRoot = mkdtempSync(join(cacheDir, 'fixture-redirects-broken-'));
const outDir = mkdtempSync(join(tmpdir(), 'mg-redirects-out-'));
const brokenOutDir = mkdtempSync(join(tmpdir(), 'mg-redirects-broken-out-'));
const contentDir = relative(projectRoot, contentRoot);

const BASE = '/mg-policy/';
const SITE = 'https://example.org';
const OLD_POLICY = '2023-nonferrous-stable-growth';
const NEW_POLICY = '2023-nonferrous-growth';
const REDIRECTS = [
  `- { from: /policies/${OLD_POLICY}/, to: /policies/${NEW_POLICY}/ }`,
  `- { from: /policies/${NEW_POLICY}/#supply-capacity, to: /policies/${NEW_POLICY}/#supply-expansion }`,
  '- { from: /policies/2022-industrial-carbon-peak/#magnesium-smelting, to: /policies/2022-industrial-carbon-peak/#magnesium-smelting-retrofit }',
  '',
].join('\n');

const env = (extra: Record<string, string>) => {
  // Vitest's own import.meta.env values may be in process.env; the build must not inherit them.
  const { BASE_URL, MODE, DEV, PROD, SSR, ...environment } = process.env;
  return { ...environment, NO_COLOR: '1', FORCE_COLOR: '0', ...extra };
};

/** Rewrites a file of the fixture corpus. */
const edit = (file: string, change: (text: string) => string) => writeFileSync(join(contentRoot, file), change(readFileSync(join(contentRoot, file), 'utf8')));
const built = (path: string) => readFileSync(join(outDir, path), 'utf8');

let build: ReturnType<typeof spawnSync>;
let output = '';

beforeAll(() => {
  cpSync(join(projectRoot, 'tests/fixtures/base'), contentRoot, { recursive: true });
  // The URL lock as it was before the renames: every page and anchor of the corpus as it stands.
  const before = loadCorpus(projectRoot, contentDir);
  const lock = { pages: [...publishedSite(before).pages].sort(), anchors: siteAnchors(before), files: [] };
  writeFileSync(join(contentRoot, 'url-lock.json'), JSON.stringify(lock, null, 2));

  // A policy renamed (its file, and the overview quoting it), a clause renamed in it, a clause renamed in another.
  renameSync(join(contentRoot, `policies/${OLD_POLICY}.mdx`), join(contentRoot, `policies/${NEW_POLICY}.mdx`));
  edit('overview.mdx', (text) => text.replaceAll(OLD_POLICY, NEW_POLICY));
  edit(`policies/${NEW_POLICY}.mdx`, (text) => text.replace('id="supply-capacity"', 'id="supply-expansion"'));
  edit('policies/2022-industrial-carbon-peak.mdx', (text) => text.replace('id="magnesium-smelting"', 'id="magnesium-smelting-retrofit"'));
  // Characters the share cards' font lacks (a subscript, a zero-width space, CJK Extension B): the cards still build.
  edit('policies/2022-industrial-carbon-peak.mdx', (text) => text.replace(/(<Clause id="magnesium-smelting-retrofit"[^>]*>\s*)/, '$1减少CO₂排放\u200b，𠀀。'));
  writeFileSync(join(contentRoot, 'redirects.yaml'), REDIRECTS);

  build = spawnSync(astro, ['build', '--outDir', outDir], {
    cwd: projectRoot,
    env: env({ CONTENT_DIR: contentDir, SITE, BASE }),
    encoding: 'utf8',
    timeout: 240_000,
  });
  output = `${build.stdout}\n${build.stderr}`;
}, 300_000);

afterAll(() => {
  for (const dir of [contentRoot, brokenRoot, outDir, brokenOutDir]) rmSync(dir, { recursive: true, force: true });
  if (existsSync(cacheDir) && readdirSync(cacheDir).length === 0) rmSync(cacheDir, { recursive: true, force: true });
});

/** The target, canonical URL and link of a built redirect page. */
function redirectPage(path: string) {
  const html = built(`${path}index.html`);
  return {
    html,
    refresh: /<meta http-equiv="refresh" content="0; url=([^"]+)">/.exec(html)?.[1],
    canonical: /<link rel="canonical" href="([^"]+)">/.exec(html)?.[1],
    link: /<p>此页面已移至：<a href="([^"]+)">([^<]+)<\/a><\/p>/.exec(html)?.slice(1),
    noindex: html.includes('<meta name="robots" content="noindex">'),
  };
}

describe('a build with renamed ids and their redirects', () => {
  it('builds', () => {
    expect(build.error, output).toBeUndefined();
    expect(build.status, output).toBe(0);
    expect(output).toContain('3 redirects in content/redirects.yaml checked');
  });

  it('serves the old policy page as a page that redirects to the new one', () => {
    const page = redirectPage(`policies/${OLD_POLICY}/`);
    expect(page.refresh).toBe(`${BASE}policies/${NEW_POLICY}/`);
    expect(page.canonical).toBe(`${SITE}${BASE}policies/${NEW_POLICY}/`);
    expect(page.link).toEqual([`${BASE}policies/${NEW_POLICY}/`, '《有色金属行业稳增长工作方案》']);
    expect(page.noindex).toBe(true);
  });

  it('serves the old clause pages as pages that redirect to the new clause pages', () => {
    const cases = [
      ['policies/2022-industrial-carbon-peak/magnesium-smelting/', 'policies/2022-industrial-carbon-peak/magnesium-smelting-retrofit/'],
      [`policies/${OLD_POLICY}/supply-capacity/`, `policies/${NEW_POLICY}/supply-expansion/`],
      [`policies/${OLD_POLICY}/major-projects/`, `policies/${NEW_POLICY}/major-projects/`],
      [`policies/${NEW_POLICY}/supply-capacity/`, `policies/${NEW_POLICY}/supply-expansion/`],
    ];
    for (const [from, to] of cases) {
      const page = redirectPage(from);
      expect(page.refresh, from).toBe(`${BASE}${to}`);
      expect(page.canonical, from).toBe(`${SITE}${BASE}${to}`);
      expect(page.noindex, from).toBe(true);
      // The new clause page is there.
      expect(existsSync(join(outDir, to, 'index.html')), to).toBe(true);
    }
  });

  it('keeps a renamed clause’s old #anchor on its policy page, around the clause, with every id once', () => {
    for (const [page, oldId, newId] of [
      ['policies/2022-industrial-carbon-peak/', 'magnesium-smelting', 'magnesium-smelting-retrofit'],
      [`policies/${NEW_POLICY}/`, 'supply-capacity', 'supply-expansion'],
    ]) {
      const html = built(`${page}index.html`);
      // The element with the old id begins right where the clause does: the old #anchor lands on it.
      expect(html).toMatch(new RegExp(`<li><div id="${oldId}"><article id="${newId}" class="card"`));
      const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((match) => match[1]);
      expect(ids.filter((id, index) => ids.indexOf(id) !== index), page).toEqual([]);
    }
    // The overview's quote of the renamed policy keeps its old anchor too.
    expect(built('overview/index.html')).toMatch(new RegExp(`<div id="${OLD_POLICY}--report-narrative"><blockquote id="${NEW_POLICY}--report-narrative"`));
  });

  it('writes _redirects for the hosts that read it', () => {
    const lines = built('_redirects').split('\n');
    expect(lines).toContain(`${BASE}policies/${OLD_POLICY}/ ${BASE}policies/${NEW_POLICY}/ 301`);
    expect(lines).toContain(`${BASE}policies/2022-industrial-carbon-peak/magnesium-smelting/ ${BASE}policies/2022-industrial-carbon-peak/magnesium-smelting-retrofit/ 301`);
    expect(lines).toContain(`${BASE}policies/${OLD_POLICY}/supply-capacity/ ${BASE}policies/${NEW_POLICY}/supply-expansion/ 301`);
  });

  it('leaves the redirect pages out of the sitemap and the search index', () => {
    const sitemap = built('sitemap.xml');
    expect(sitemap).toContain(`<loc>${SITE}${BASE}policies/${NEW_POLICY}/</loc>`);
    expect(sitemap).not.toContain(OLD_POLICY);
    expect(sitemap).not.toContain('/magnesium-smelting/<');
    const fragments = readdirSync(join(outDir, 'pagefind/fragment'));
    const urls = fragments.map((name) => {
      const data = gunzipSync(readFileSync(join(outDir, 'pagefind/fragment', name)));
      return (JSON.parse(data.subarray('pagefind_dcd'.length).toString('utf8')) as { url: string }).url;
    });
    expect(urls.sort()).toEqual([`${BASE}overview/`, `${BASE}policies/2022-industrial-carbon-peak/`, `${BASE}policies/${NEW_POLICY}/`]);
  });

  it('has no broken link: the redirect pages lead to pages and the old #anchors resolve', () => {
    const { broken, pages } = checkLinks({ distDir: outDir, base: BASE, site: SITE });
    expect(broken).toEqual([]);
    expect(pages).toBeGreaterThan(20);
  });

  it('draws the share card of a clause with CO₂, a zero-width space and an Extension B character', () => {
    expect(existsSync(join(outDir, 'og/policies/2022-industrial-carbon-peak/magnesium-smelting-retrofit.png'))).toBe(true);
  });

  it('passes the URL lock of the corpus before the renames: every old address is redirected to a published one', async () => {
    process.env.CONTENT_DIR = contentDir;
    process.env.DIST_DIR = outDir;
    const { lockedAddresses, lockedStatus, readUrlLock, siteState } = await import('../../scripts/lib/url-lock');
    const lock = readUrlLock();
    const site = siteState();
    const statuses = new Map(lockedAddresses(lock).map((address) => [address, lockedStatus(address, site)]));
    expect([...statuses].filter(([, status]) => status.state === 'missing')).toEqual([]);
    expect(statuses.get(`/policies/${OLD_POLICY}/`)).toEqual({ state: 'redirected', to: `/policies/${NEW_POLICY}/` });
    expect(statuses.get(`/policies/${OLD_POLICY}/#supply-capacity`)).toEqual({ state: 'redirected', to: `/policies/${NEW_POLICY}/#supply-expansion` });
    expect(statuses.get('/policies/2022-industrial-carbon-peak/#magnesium-smelting')).toEqual({
      state: 'redirected',
      to: '/policies/2022-industrial-carbon-peak/#magnesium-smelting-retrofit',
    });
    expect(statuses.get(`/overview/#${OLD_POLICY}--report-narrative`)).toEqual({ state: 'redirected', to: `/overview/#${NEW_POLICY}--report-narrative` });
    // A locked address with no redirect is missing, and says why.
    expect(lockedStatus('/policies/gone/', site)).toEqual({ state: 'missing', reason: 'the page is no longer built, and content/redirects.yaml has no redirect from it' });
  });

  it('`npm run urls:lock` drops the redirected addresses and says why, and refuses one with no redirect unless told --allow-drop', () => {
    const urlsLock = (...args: string[]) =>
      spawnSync(tsx, ['scripts/url-lock.ts', ...args], { cwd: projectRoot, env: env({ CONTENT_DIR: contentDir, DIST_DIR: outDir }), encoding: 'utf8', timeout: 60_000 });
    const lockFile = join(contentRoot, 'url-lock.json');

    const first = urlsLock();
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toContain(`dropped /policies/${OLD_POLICY}/: redirected to /policies/${NEW_POLICY}/\n`);
    expect(first.stdout).toContain('dropped /policies/2022-industrial-carbon-peak/#magnesium-smelting: redirected to /policies/2022-industrial-carbon-peak/#magnesium-smelting-retrofit\n');
    expect(first.stdout).toContain(`dropped /policies/${OLD_POLICY}/supply-capacity/: redirected to /policies/${NEW_POLICY}/supply-expansion/\n`);
    const lock = JSON.parse(readFileSync(lockFile, 'utf8')) as { pages: string[]; redirected: Record<string, string> };
    expect(lock.pages).not.toContain(`/policies/${OLD_POLICY}/`);
    expect(lock.pages).toContain(`/policies/${NEW_POLICY}/`);
    expect(lock.redirected[`/policies/${OLD_POLICY}/`]).toBe(`/policies/${NEW_POLICY}/`);

    // Again: nothing more to drop, and the redirects stay locked.
    const again = urlsLock();
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).not.toContain('dropped');
    expect(JSON.parse(readFileSync(lockFile, 'utf8'))).toEqual(lock);

    // A locked page that is gone with no redirect.
    writeFileSync(lockFile, JSON.stringify({ ...lock, pages: [...lock.pages, '/policies/gone/'] }));
    const refused = urlsLock();
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('/policies/gone/: the page is no longer built, and content/redirects.yaml has no redirect from it');
    expect(refused.stderr).toContain('npm run urls:lock -- --allow-drop');
    expect(refused.stderr).toContain('was not changed');
    expect(JSON.parse(readFileSync(lockFile, 'utf8')).pages).toContain('/policies/gone/');

    const forced = urlsLock('--allow-drop');
    expect(forced.status, forced.stderr).toBe(0);
    expect(forced.stdout).toContain('dropped /policies/gone/: the page is no longer built, and content/redirects.yaml has no redirect from it (--allow-drop)');
    expect(JSON.parse(readFileSync(lockFile, 'utf8'))).toEqual(lock);
  });

  it('fails before building anything on a redirect to an address the site does not publish, naming the file, entry and field', () => {
    cpSync(join(projectRoot, 'tests/fixtures/base'), brokenRoot, { recursive: true });
    writeFileSync(join(brokenRoot, 'redirects.yaml'), '- { from: /policies/old/, to: /policies/2023-missing/ }\n');
    const broken = relative(projectRoot, brokenRoot);
    const result = spawnSync(astro, ['build', '--outDir', brokenOutDir], { cwd: projectRoot, env: env({ CONTENT_DIR: broken }), encoding: 'utf8', timeout: 120_000 });
    const log = `${result.stdout}\n${result.stderr}`;
    expect(result.status, log).not.toBe(0);
    expect(log).toContain(
      `${broken}/redirects.yaml  [0] (from "/policies/old/").to: "/policies/2023-missing/" is not a page the site publishes; expected the current address`,
    );
    expect(readdirSync(brokenOutDir)).toEqual([]);
  });
});
