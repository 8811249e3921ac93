import { expect, test } from '@playwright/test';
import { builtPages } from '../../scripts/lib/dist';
import { axeViolations } from './axe';
import { pageOfEachKind } from './page-of-each-kind';

// One page of each kind in every view (phone width, dark mode): layout and colours change there.
for (const path of pageOfEachKind) {
  test(`axe finds no WCAG 2.2 AA violation on ${path}`, { tag: '@every-view' }, async ({ page }) => {
    await page.goto(path);
    if (path.startsWith('/search/')) await expect(page.locator('[data-search-status]')).toHaveText(/^找到/);
    expect(await axeViolations(page)).toEqual([]);
  });
}

// Every other page of the built site, on a wide screen in light mode, a few pages to a test (one
// browser page walks them all: a new page per address cost more than the check).
const otherPages = builtPages()
  .map((page) => page.path)
  .filter((path) => path !== '/404.html' && !pageOfEachKind.includes(path));
const PAGES_PER_TEST = 8;

for (let start = 0; start < otherPages.length; start += PAGES_PER_TEST) {
  const paths = otherPages.slice(start, start + PAGES_PER_TEST);
  test(`axe finds no WCAG 2.2 AA violation on ${paths[0]} … ${paths.at(-1)} (${paths.length} pages)`, async ({ page }) => {
    test.setTimeout(paths.length * 15_000);
    const found: Record<string, string[]> = {};
    for (const path of paths) {
      await page.goto(path);
      const pageViolations = await axeViolations(page);
      if (pageViolations.length > 0) found[path] = pageViolations;
    }
    expect(found).toEqual({});
  });
}

test('the check reports a violation when there is one', async ({ page }) => {
  await page.goto('/about/');
  await page.evaluate(() => document.querySelector('main')!.insertAdjacentHTML('beforeend', '<img src="/favicon.svg">'));
  expect(await axeViolations(page)).toEqual([expect.stringMatching(/^image-alt: /)]);
});
