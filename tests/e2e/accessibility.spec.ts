import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { builtPages } from '../../scripts/lib/dist';
import { pageOfEachKind } from './page-of-each-kind';

const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

async function violations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_22_AA).analyze();
  return violations.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`);
}

// One page of each kind in every view (phone width, dark mode): layout and colours change there.

for (const path of pageOfEachKind) {
  test(`axe finds no WCAG 2.2 AA violation on ${path}`, { tag: '@every-view' }, async ({ page }) => {
    await page.goto(path);
    if (path.startsWith('/search/')) await expect(page.locator('[data-search-status]')).toHaveText(/^找到/);
    expect(await violations(page)).toEqual([]);
  });
}

// Every other page of the built site, on a wide screen in light mode.
const otherPages = builtPages()
  .map((page) => page.path)
  .filter((path) => path !== '/404.html' && !pageOfEachKind.includes(path));

for (const path of otherPages) {
  test(`axe finds no WCAG 2.2 AA violation on ${path}`, async ({ page }) => {
    await page.goto(path);
    expect(await violations(page)).toEqual([]);
  });
}
