import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
const fixtures = join(projectRoot, 'tests/fixtures');
const astro = join(projectRoot, 'node_modules/.bin/astro');

// CONTENT_DIR is relative to the project root, so the broken corpus has to sit inside the project.
const cacheDir = join(projectRoot, 'node_modules/.cache');
mkdirSync(cacheDir, { recursive: true });
const contentRoot = mkdtempSync(join(cacheDir, 'fixture-content-'));
const outDir = mkdtempSync(join(tmpdir(), 'mg-build-out-'));

afterAll(() => {
  rmSync(contentRoot, { recursive: true, force: true });
  rmSync(outDir, { recursive: true, force: true });
  if (existsSync(cacheDir) && readdirSync(cacheDir).length === 0) rmSync(cacheDir, { recursive: true, force: true });
});

describe('astro build', () => {
  it('fails on invalid content and names the file and field, without a hint about browser APIs', () => {
    cpSync(join(fixtures, 'base'), contentRoot, { recursive: true });
    // Two broken files; the second names the field documentNumber, whose "document" once made Astro add that hint.
    for (const name of ['unknown-ministry', 'document-number-full-width-digits']) {
      const caseDir = join(fixtures, 'invalid', name);
      cpSync(caseDir, contentRoot, { recursive: true, filter: (source) => source !== join(caseDir, 'expected.json') });
    }
    const contentDir = relative(projectRoot, contentRoot);

    const result = spawnSync(astro, ['build', '--outDir', outDir], {
      cwd: projectRoot,
      env: { ...process.env, CONTENT_DIR: contentDir, NO_COLOR: '1', FORCE_COLOR: '0' },
      encoding: 'utf8',
      timeout: 120_000,
    });
    const output = `${result.stdout}\n${result.stderr}`;

    expect(result.error, output).toBeUndefined(); // no spawn failure, no timeout
    expect(result.status, output).not.toBe(0);
    expect(output).toContain(`${contentDir}/policies/2023-nonferrous-stable-growth.mdx`);
    expect(output).toContain('issuers');
    expect(output).toContain('unknown ministry id "nrdc"');
    expect(output).toContain(`${contentDir}/policies/2022-industrial-carbon-peak.mdx:4  documentNumber: full-width digits: write 2022 for ２０２２`);
    expect(output).not.toContain('Browser APIs');
    // Nothing was published.
    expect(readdirSync(outDir)).toEqual([]);
  });
});
