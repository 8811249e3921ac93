import { describe, expect, it } from 'vitest';
import { builtFiles, builtPages, elementIds } from '../../scripts/lib/dist';
import { currentUrls, readUrlLock } from '../../scripts/lib/url-lock';

const lock = readUrlLock();
const pages = new Map(builtPages().map((page) => [page.path, page.html]));

describe('published URLs never disappear (content/url-lock.json)', () => {
  it('the lock is not empty', () => {
    expect(lock.pages.length).toBeGreaterThan(0);
  });

  it('every locked page is still built', () => {
    const missing = lock.pages.filter((path) => !pages.has(path));
    expect(missing, 'a published page is gone; add a redirect instead of removing it').toEqual([]);
  });

  it('every locked data file is still published', () => {
    const files = new Set(builtFiles());
    expect(lock.files.length).toBeGreaterThan(0);
    expect(lock.files.filter((path) => !files.has(path))).toEqual([]);
  });

  it('every locked anchor is still on its page', () => {
    const missing = Object.entries(lock.anchors).flatMap(([path, anchors]) => {
      const ids = elementIds(pages.get(path) ?? '');
      return anchors.filter((anchor) => !ids.has(anchor)).map((anchor) => `${path}#${anchor}`);
    });
    expect(missing, 'a published anchor is gone; clause ids never change once published').toEqual([]);
  });

  it('every new page and anchor is in the lock (run `npm run urls:lock` after adding content)', () => {
    const current = currentUrls();
    expect(current.pages.filter((path) => !lock.pages.includes(path))).toEqual([]);
    expect(current.files.filter((path) => !lock.files.includes(path))).toEqual([]);
    const unlocked = Object.entries(current.anchors).flatMap(([path, anchors]) =>
      anchors.filter((anchor) => !(lock.anchors[path] ?? []).includes(anchor)).map((anchor) => `${path}#${anchor}`),
    );
    expect(unlocked).toEqual([]);
  });
});
