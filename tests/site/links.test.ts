import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkLinks } from '../../scripts/lib/link-check';
import { distDir } from '../../scripts/lib/dist';
import { readUrlLock } from '../../scripts/lib/url-lock';

describe('links of the built site', () => {
  it('every internal link, asset and #fragment resolves', () => {
    const { pages, links, broken } = checkLinks({ distDir, site: 'http://127.0.0.1:4329' });
    console.log(`link walker: ${pages} pages, ${links} internal links and assets, ${broken.length} broken`);
    expect(broken).toEqual([]);
    expect(links).toBeGreaterThan(pages);
  });
});

describe('deployed under a sub-path', () => {
  const root = process.cwd();
  const outDir = mkdtempSync(join(tmpdir(), 'mg-subpath-'));
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('builds for SITE=https://example.org BASE=/mg-policy/ and every link resolves under it', { timeout: 180_000 }, () => {
    // Vitest's own import.meta.env values (BASE_URL, MODE, …) are in process.env; the build must not inherit them.
    const { BASE_URL, MODE, DEV, PROD, SSR, ...environment } = process.env;
    const build = spawnSync(join(root, 'node_modules/.bin/astro'), ['build', '--outDir', outDir], {
      cwd: root,
      env: { ...environment, SITE: 'https://example.org', BASE: '/mg-policy/' },
      encoding: 'utf8',
    });
    expect(build.status, build.stderr + build.stdout).toBe(0);

    const { broken, links } = checkLinks({ distDir: outDir, base: '/mg-policy/', site: 'https://example.org' });
    expect(broken.slice(0, 10)).toEqual([]);
    expect(links).toBeGreaterThan(1000);

    // Every published page exists under the base, with canonical and share URLs on the right origin.
    for (const path of readUrlLock().pages) {
      const file = join(outDir, path, 'index.html');
      expect(existsSync(file), path).toBe(true);
      const html = readFileSync(file, 'utf8');
      expect(html).toContain(`<link rel="canonical" href="https://example.org/mg-policy${path}"`);
    }
    const policyPage = readFileSync(join(outDir, 'policies/2023-nonferrous-stable-growth/index.html'), 'utf8');
    expect(policyPage).toContain('content="https://example.org/mg-policy/og/policies/2023-nonferrous-stable-growth.png"');
    expect(policyPage).toContain('href="/mg-policy/policies/2023-nonferrous-stable-growth/#international-markets"');
    expect(existsSync(join(outDir, 'pagefind/pagefind.js'))).toBe(true);
    const searchPage = readFileSync(join(outDir, 'search/index.html'), 'utf8');
    expect(searchPage).toContain('"base":"/mg-policy/"');
  });
});
