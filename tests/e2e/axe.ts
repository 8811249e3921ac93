import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect, type Page } from '@playwright/test';

const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * The WCAG 2.2 AA violations axe-core finds on the page, run in the page itself. The site's pages
 * have no frames, so one run covers the whole page; @axe-core/playwright's per-frame runs and the
 * extra page it opens to merge them cost about a second a page. Only violations are reported in
 * full (`resultTypes`), which spares axe describing every element that passes.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  expect(page.frames(), 'a frame on the page: axe would not look inside it').toHaveLength(1);
  await page.evaluate(axeSource);
  const { violations } = await page.evaluate(
    (tags) => (window as unknown as { axe: typeof import('axe-core') }).axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }),
    WCAG_22_AA,
  );
  return violations.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`);
}
