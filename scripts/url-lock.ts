/**
 * Adds every public URL and permanent anchor of the built site to content/url-lock.json.
 * Entries are never removed here: a published link that goes away needs a redirect instead.
 * Usage: npm run build && npm run urls:lock
 */
import { writeFileSync } from 'node:fs';
import { currentUrls, readUrlLock, urlLockPath, type UrlLock } from './lib/url-lock';

const lock = readUrlLock();
const current = currentUrls();
const merged: UrlLock = {
  pages: [...new Set([...lock.pages, ...current.pages])].sort(),
  files: [...new Set([...lock.files, ...current.files])].sort(),
  anchors: Object.fromEntries(
    [...new Set([...Object.keys(lock.anchors), ...Object.keys(current.anchors)])].sort().map((page) => [
      page,
      [...new Set([...(lock.anchors[page] ?? []), ...(current.anchors[page] ?? [])])].sort(),
    ]),
  ),
};
writeFileSync(urlLockPath, JSON.stringify(merged, null, 2) + '\n');
const anchorCount = Object.values(merged.anchors).flat().length;
console.log(`${urlLockPath}: ${merged.pages.length} pages, ${anchorCount} anchors, ${merged.files.length} data files`);
