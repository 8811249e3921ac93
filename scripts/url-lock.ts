/**
 * Records every public URL and permanent anchor of the built site in content/url-lock.json.
 * A locked address that the site no longer publishes is dropped only when a redirect in
 * content/redirects.yaml leads it to a published one (it then stays in the lock's `redirected`,
 * so that the redirect is kept); without a redirect the script refuses, unless given --allow-drop.
 * Usage: npm run build && npm run urls:lock [-- --allow-drop]
 * (CONTENT_DIR and DIST_DIR point it at another content folder and build, as for the build and tests.)
 */
import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { lockedAddresses, lockedStatus, readUrlLock, siteState, urlLockPath, type UrlLock } from './lib/url-lock';

const allowDrop = process.argv.includes('--allow-drop');
const lock = readUrlLock();
const site = siteState();
const { current } = site;
const lockFile = relative(process.cwd(), urlLockPath) || urlLockPath;

const redirected: Record<string, string> = {};
const dropped: string[] = [];
const refused: string[] = [];

// Addresses locked as published, then those locked as redirected (a redirect may not be removed either).
const previouslyRedirected = Object.keys(lock.redirected ?? {});
for (const address of [...lockedAddresses(lock), ...previouslyRedirected]) {
  const status = lockedStatus(address, site);
  if (status.state === 'published') continue;
  if (status.state === 'redirected') {
    if (!previouslyRedirected.includes(address)) dropped.push(`dropped ${address}: redirected to ${status.to}`);
    redirected[address] = status.to;
  } else if (allowDrop) {
    dropped.push(`dropped ${address}: ${status.reason} (--allow-drop)`);
  } else {
    refused.push(`  ${address}: ${status.reason}`);
  }
}
const files = new Set(current.files);
for (const file of lock.files.filter((path) => !files.has(path))) {
  if (allowDrop) dropped.push(`dropped ${file}: no longer published (--allow-drop)`);
  else refused.push(`  ${file}: the file is no longer published`);
}

for (const line of dropped) console.log(line);
if (refused.length > 0) {
  console.error(
    [
      `${lockFile} lists ${refused.length} address${refused.length === 1 ? '' : 'es'} that the site no longer publishes and that no redirect leads anywhere:`,
      ...refused,
      'Add a redirect for each to content/redirects.yaml (see README.md, "Renaming an id") and rebuild, or run `npm run urls:lock -- --allow-drop` to drop them anyway: every link to them will break.',
      `${lockFile} was not changed.`,
    ].join('\n'),
  );
  process.exit(1);
}

// Every locked address is now published, redirected or (with --allow-drop) dropped: the lock is what is published, plus the redirects.
const merged: UrlLock = {
  pages: [...current.pages].sort(),
  files: [...current.files].sort(),
  anchors: Object.fromEntries(Object.keys(current.anchors).sort().map((page) => [page, [...current.anchors[page]].sort()])),
  ...(Object.keys(redirected).length > 0 ? { redirected: Object.fromEntries(Object.entries(redirected).sort(([a], [b]) => a.localeCompare(b))) } : {}),
};
writeFileSync(urlLockPath, JSON.stringify(merged, null, 2) + '\n');
const anchorCount = Object.values(merged.anchors).flat().length;
const redirectCount = Object.keys(redirected).length;
console.log(
  `${lockFile}: ${merged.pages.length} pages, ${anchorCount} anchors, ${merged.files.length} data files` + (redirectCount > 0 ? `, ${redirectCount} redirected addresses` : ''),
);
