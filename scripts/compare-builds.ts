/**
 * Compares two builds file by file, for a change that must not change the site: every file of
 * either, with the content hashes in asset names masked (`index.B1x2y3.js` → `index.#.js`) in
 * paths and contents. Pagefind names its files by their content, so its names are compared as they are. Build both with the same SITE, BASE and SOURCE_DATE_EPOCH.
 * Usage: npx tsx scripts/compare-builds.ts <before-dir> <after-dir>
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const [before, after] = process.argv.slice(2);
if (!before || !after) {
  console.error('usage: tsx scripts/compare-builds.ts <before-dir> <after-dir>');
  process.exit(2);
}

/** Astro's content-hashed asset names: a dot and 8 hash characters before `.js` or `.css` (Pagefind's names are compared as they are). */
const mask = (text: string) => text.replace(/([\w-]+)\.[\w-]{8}\.(js|css)\b/g, '$1.#.$2');

function files(dir: string): Map<string, Buffer> {
  return new Map(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => {
        const path = join(entry.parentPath, entry.name);
        return [mask(relative(dir, path).split(sep).join('/')), readFileSync(path)] as const;
      }),
  );
}

const isText = (path: string) => /\.(html|xml|json|csv|txt|js|css|svg|md)$|_headers$/.test(path);
const a = files(before);
const b = files(after);
const differences: string[] = [];
for (const path of new Set([...a.keys(), ...b.keys()])) {
  const left = a.get(path);
  const right = b.get(path);
  if (!left) differences.push(`only in ${after}: ${path}`);
  else if (!right) differences.push(`only in ${before}: ${path}`);
  else if (isText(path) ? mask(left.toString('utf8')) !== mask(right.toString('utf8')) : !left.equals(right)) differences.push(`differs: ${path}`);
}
console.log(`${a.size} and ${b.size} files compared; ${differences.length} differ`);
for (const line of differences.sort()) console.log(`  ${line}`);
process.exit(differences.length > 0 ? 1 : 0);
