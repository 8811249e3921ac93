import { expect, test, type Page } from '@playwright/test';
import { builtPages } from '../../scripts/lib/dist';
import { axeViolations } from './axe';
import { pageOfEachKind } from './page-of-each-kind';

/**
 * The violations axe finds on each of the pages, by address, none listed where there are none. One
 * browser page walks them all: a new page per address cost more than the check itself.
 */
async function violationsOn(page: Page, paths: readonly string[]): Promise<Record<string, string[]>> {
  const found: Record<string, string[]> = {};
  for (const path of paths) {
    await page.goto(path);
    // A search with a query is checked once its results are shown.
    if (path.startsWith('/search/?')) await expect(page.locator('[data-search-status]')).toHaveText(/^找到/);
    const pageViolations = await axeViolations(page);
    if (pageViolations.length > 0) found[path] = pageViolations;
  }
  return found;
}

// One page of each kind in every view (phone width, dark mode): layout and colours change there.
// Two tests of half the kinds each, so that both workers have one.
const half = Math.ceil(pageOfEachKind.length / 2);
for (const paths of [pageOfEachKind.slice(0, half), pageOfEachKind.slice(half)]) {
  test(`axe finds no WCAG 2.2 AA violation on ${paths.join(' ')}`, { tag: '@every-view' }, async ({ page }) => {
    test.setTimeout(paths.length * 15_000);
    expect(await violationsOn(page, paths)).toEqual({});
  });
}

// Every other page of the built site, on a wide screen in light mode, a few pages to a test.
const otherPages = builtPages()
  .map((page) => page.path)
  .filter((path) => path !== '/404.html' && !pageOfEachKind.includes(path));
const PAGES_PER_TEST = 12;

for (let start = 0; start < otherPages.length; start += PAGES_PER_TEST) {
  const paths = otherPages.slice(start, start + PAGES_PER_TEST);
  test(`axe finds no WCAG 2.2 AA violation on ${paths[0]} … ${paths.at(-1)} (${paths.length} pages)`, async ({ page }) => {
    test.setTimeout(paths.length * 15_000);
    expect(await violationsOn(page, paths)).toEqual({});
  });
}

test('the check reports a violation when there is one', async ({ page }) => {
  await page.goto('/about/');
  await page.evaluate(() => document.querySelector('main')!.insertAdjacentHTML('beforeend', '<img src="/favicon.svg">'));
  expect(await axeViolations(page)).toEqual([expect.stringMatching(/^image-alt: /)]);
});
