import { describe, expect, it } from 'vitest';
import { builtFiles } from '../../scripts/lib/dist';
import { currentUrls, lockedAddresses, lockedStatus, readUrlLock, siteState } from '../../scripts/lib/url-lock';

const lock = readUrlLock();
const site = siteState();
/** Locked addresses the site neither publishes nor redirects (content/redirects.yaml) to one it publishes, and why. */
const missing = (addresses: string[]) =>
  addresses.flatMap((address) => {
    const status = lockedStatus(address, site);
    return status.state === 'missing' ? [`${address}: ${status.reason}`] : [];
  });

describe('published URLs never disappear (content/url-lock.json)', () => {
  it('the lock is not empty', () => {
    expect(lock.pages.length).toBeGreaterThan(0);
  });

  it('every locked page is still built, or redirected to one that is', () => {
    expect(missing(lock.pages), 'a published page is gone; add a redirect to content/redirects.yaml instead of removing it').toEqual([]);
  });

  it('every locked data file is still published', () => {
    const files = new Set(builtFiles());
    expect(lock.files.length).toBeGreaterThan(0);
    expect(lock.files.filter((path) => !files.has(path))).toEqual([]);
  });

  it('every locked anchor is still on its page, or redirected to one that is', () => {
    const anchors = lockedAddresses({ ...lock, pages: [] });
    expect(missing(anchors), 'a published anchor is gone; a renamed clause needs a redirect in content/redirects.yaml').toEqual([]);
  });

  it('every address the lock records as redirected still is', () => {
    const redirected = Object.entries(lock.redirected ?? {});
    const broken = redirected.flatMap(([address, to]) => {
      const status = lockedStatus(address, site);
      if (status.state === 'missing') return [`${address}: ${status.reason}`];
      return status.state === 'redirected' && status.to === to ? [] : [`${address}: expected a redirect to ${to}, found ${JSON.stringify(status)}`];
    });
    expect(broken, 'a redirect was removed; keep it in content/redirects.yaml (or run `npm run urls:lock` if it now leads elsewhere)').toEqual([]);
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
