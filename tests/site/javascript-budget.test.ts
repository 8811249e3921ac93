import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { builtPages, distDir } from '../../scripts/lib/dist';

/** Pages may ship at most this much JavaScript (gzipped) before the reader interacts; search is measured apart. */
const BUDGET_BYTES = 10 * 1024;
const figures: string[] = [];

/** Gzipped bytes of the JavaScript a page loads on its own: inline scripts and module scripts, with their imports. */
function javascriptBytes(html: string): number {
  const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((match) => match[1]);
  const files = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    const code = readFileSync(join(distDir, file), 'utf8');
    for (const [, specifier] of code.matchAll(/(?:import|from)\s*["']([^"']+\.js)["']/g)) visit(join(file, '..', specifier));
  };
  for (const [, src] of html.matchAll(/<script[^>]*\bsrc="\/?([^"]+)"/g)) visit(src);
  const all = [...inline, ...[...files].map((file) => readFileSync(join(distDir, file), 'utf8'))].join('\n');
  return all ? gzipSync(all).length : 0;
}

describe('JavaScript budget', () => {
  for (const { path, html } of builtPages().filter((page) => !page.path.startsWith('/search/'))) {
    it(`${path} ships at most 10 KB of gzipped JavaScript`, () => {
      const bytes = javascriptBytes(html);
      figures.push(`${path}: ${bytes} B`);
      expect(bytes).toBeLessThanOrEqual(BUDGET_BYTES);
    });
  }

  afterAll(() => console.log(`JavaScript per page (gzipped):\n  ${figures.join('\n  ')}`));
});
