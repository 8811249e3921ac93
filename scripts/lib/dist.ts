import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { decodeRecord, SEARCH_RECORDS_FILE, searchRecordFile, type PublishedRecord, type SearchRecord } from '../../src/lib/search/sections';

/** The built site: dist/, or the build named by DIST_DIR (the tests read their own build, scripts/lib/test-sites.ts). */
export const distDir = resolve(join(import.meta.dirname, '..', '..'), process.env.DIST_DIR ?? 'dist');

/**
 * Every search record a build publishes, by Pagefind's id of its page: from the one file of a small
 * collection, or from the file of each (src/lib/search/sections.ts).
 */
export function publishedSearchRecords(dist = distDir): Map<string, SearchRecord> {
  const read = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));
  const oneFile = join(dist, SEARCH_RECORDS_FILE);
  const published = existsSync(oneFile)
    ? Object.entries(read(oneFile) as Record<string, PublishedRecord>)
    : readdirSync(join(dist, searchRecordFile('page'), '..')).map((file) => [file.replace(/\.json$/, ''), read(join(dist, searchRecordFile('page'), '..', file)) as PublishedRecord] as const);
  return new Map(published.map(([pagefindId, record]) => [pagefindId, decodeRecord(record)]));
}

/** Whether a URL is one of the search records' files (either form). */
export const isSearchRecordUrl = (url: string): boolean => /\/search\/records(\/[^/]+)?\.json$/.test(new URL(url).pathname);

/** Every HTML page of the build as `{ path, html }`, where path is the URL path ("/policies/x/"). */
export function builtPages(): { path: string; html: string }[] {
  if (!existsSync(distDir)) throw new Error(`${distDir} is missing: run \`${process.env.DIST_DIR ? 'npm run test:build' : 'npm run build'}\` first`);
  return readdirSync(distDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => {
      const file = join(entry.parentPath, entry.name);
      const path = '/' + relative(distDir, file).split(sep).join('/').replace(/index\.html$/, '');
      return { path, html: readFileSync(file, 'utf8') };
    })
    .sort((a, b) => a.path.localeCompare(b.path));
}

/** Every file of the build, as a URL path ("/data/policies.json"). */
export function builtFiles(): string[] {
  return readdirSync(distDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => '/' + relative(distDir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

/** The visible text of an HTML page (scripts, styles and tags removed, entities decoded). */
export function visibleText(html: string): string {
  return decodeEntities(
    html
      .replace(/<(script|style|template)\b[\s\S]*?<\/\1>/gi, ' ')
      .replace(/<head>[\s\S]*?<\/head>/i, ' ')
      .replace(/<[^>]+>/g, ''),
  );
}

/** The ids of elements on a page. */
export function elementIds(html: string): Set<string> {
  return new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((match) => decodeEntities(match[1])));
}

function decodeEntities(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&nbsp;/g, '\u00a0')
    .replace(/&amp;/g, '&');
}

/**
 * Gzipped bytes of the JavaScript a page runs on its own before the reader interacts: its inline
 * scripts (not JSON data blocks) and its module scripts with their static imports, together.
 */
export function javascriptBytes(html: string, dist = distDir): number {
  const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)(?![^>]*type="application\/(?:ld\+)?json")[^>]*>([\s\S]*?)<\/script>/g)].map((match) => match[1]);
  const files = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    const code = readFileSync(join(dist, file), 'utf8');
    for (const [, specifier] of code.matchAll(/(?:import|from)\s*["']([^"']+\.js)["']/g)) visit(join(file, '..', specifier));
  };
  for (const [, src] of html.matchAll(/<script[^>]*\bsrc="\/?([^"]+)"/g)) visit(src);
  const all = [...inline, ...[...files].map((file) => readFileSync(join(dist, file), 'utf8'))].join('\n');
  return all ? gzipSync(all).length : 0;
}
