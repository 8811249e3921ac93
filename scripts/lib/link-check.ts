import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** A link or asset reference in the built site that does not resolve. */
export interface BrokenLink {
  page: string;
  target: string;
  reason: string;
}

export interface LinkCheckOptions {
  /** The built site. */
  distDir: string;
  /** The base path the site was built for, e.g. "/" or "/mg-policy/". */
  base?: string;
  /** The public origin (SITE), so absolute links to it are checked as internal. */
  site?: string;
}

const ATTRIBUTE = /\s(?:href|src|content)="([^"]*)"/g;

/**
 * Walks every HTML page of a build and checks each internal link, asset and #fragment:
 * the file exists, and the fragment is an element id on the target page.
 */
export function checkLinks({ distDir, base = '/', site }: LinkCheckOptions): { pages: number; links: number; broken: BrokenLink[] } {
  const files = readdirSync(distDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
  const htmlFiles = files.filter((file) => file.endsWith('.html'));
  const idsByFile = new Map<string, Set<string>>();
  const idsOf = (file: string) => {
    if (!idsByFile.has(file)) idsByFile.set(file, new Set([...readFileSync(file, 'utf8').matchAll(/\sid="([^"]+)"/g)].map((match) => match[1])));
    return idsByFile.get(file)!;
  };
  const origin = site ? new URL(site).origin : undefined;
  const broken: BrokenLink[] = [];
  let links = 0;

  for (const file of htmlFiles) {
    const pagePath = base + relative(distDir, file).split(sep).join('/').replace(/index\.html$/, '');
    const pageUrl = new URL(pagePath, 'http://site.invalid');
    const html = readFileSync(file, 'utf8');
    for (const [, raw] of html.matchAll(ATTRIBUTE)) {
      const value = raw.replace(/&amp;/g, '&');
      if (!/^(\/|#|\.|https?:)/.test(value) || value.startsWith('//')) continue; // meta text, mailto:, data:
      let url: URL;
      try {
        url = new URL(value, pageUrl);
      } catch {
        broken.push({ page: pagePath, target: value, reason: 'not a valid URL' });
        continue;
      }
      const internal = url.origin === 'http://site.invalid' || (origin !== undefined && url.origin === origin);
      if (!internal) continue;
      links += 1;
      const path = decodeURIComponent(url.pathname);
      if (!path.startsWith(base)) {
        broken.push({ page: pagePath, target: value, reason: `outside the base path ${base}` });
        continue;
      }
      let target = join(distDir, path.slice(base.length));
      if (existsSync(target) && statSync(target).isDirectory()) target = join(target, 'index.html');
      if (!existsSync(target)) {
        broken.push({ page: pagePath, target: value, reason: 'no such file' });
        continue;
      }
      const fragment = decodeURIComponent(url.hash.slice(1));
      if (fragment && target.endsWith('.html') && !idsOf(target).has(fragment)) {
        broken.push({ page: pagePath, target: value, reason: `no element with id "${fragment}"` });
      }
    }
  }
  return { pages: htmlFiles.length, links, broken };
}
