/**
 * Status is something a reader can act on: on the home page's timeline and on the search page,
 * each status lists exactly the documents that have it. The expected lists come from the corpus.
 */
import { expect, test, type Page } from '@playwright/test';
import { statusLabels } from '../../src/schemas/status-labels';
import { loadCorpus } from '../../src/loaders/load-corpus';

const corpus = loadCorpus(process.cwd());
const states = Object.keys(statusLabels) as (keyof typeof statusLabels)[];
const withStatus = (state: string) => corpus.policies.filter((policy) => policy.data.status.state === state).map((policy) => policy.id).sort();

const visibleOnTimeline = (page: Page) =>
  page.locator('[data-timeline] li:not([hidden]) article[data-policy]').evaluateAll((cards) => cards.map((card) => card.getAttribute('data-policy')!).sort());

test.describe('the status filter', () => {
  test('on the home page, each status chip shows exactly the documents with that status, and the URL keeps it', async ({ page }) => {
    await page.goto('/');
    const group = page.locator('[data-filter-group="status"]');
    await group.locator('summary').click();
    for (const state of states) {
      const expected = withStatus(state);
      const chip = group.getByRole('button', { name: new RegExp(`^${statusLabels[state]}`) });
      if (expected.length === 0) {
        await expect(chip).toHaveCount(0);
        continue;
      }
      await expect(chip).toContainText(String(expected.length));
      await chip.click();
      await expect(chip).toHaveAttribute('aria-pressed', 'true');
      await expect.poll(() => new URL(page.url()).searchParams.get('status')).toBe(state);
      await expect.poll(() => visibleOnTimeline(page)).toEqual(expected);
      await expect(page.locator('[data-filter-status]')).toHaveText(`显示 ${expected.length} 份，共 ${corpus.policies.length} 份文件`);
      await chip.click();
      await expect.poll(() => new URL(page.url()).searchParams.get('status')).toBeNull();
    }
  });

  test('a shared home-page address with ?status= opens filtered', async ({ page }) => {
    await page.goto('/?status=replaced');
    await expect.poll(() => visibleOnTimeline(page)).toEqual(withStatus('replaced'));
  });

  test('without JavaScript the status chips link to the search page filtered by status', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/');
    const links = page.locator('[data-filter-group="status"] a[data-filter="status"]');
    const hrefs = await links.evaluateAll((elements) => elements.map((element) => element.getAttribute('href')));
    expect(hrefs).toEqual(states.filter((state) => withStatus(state).length > 0).map((state) => `/search/?status=${state}`));
    await context.close();
  });

  for (const state of states) {
    test(`on the search page, ?status=${state} lists exactly the documents that are ${statusLabels[state]}`, async ({ page }) => {
      await page.goto(`/search/?status=${state}`);
      const expected = withStatus(state);
      const statusLine = page.locator('[data-search-status]');
      await expect(statusLine).toHaveText(expected.length > 0 ? `找到 ${expected.length} 份文件` : /没有找到/);
      const pressed = page.locator('[data-search-facets] button[aria-pressed="true"]');
      await expect(pressed).toHaveCount(1);
      await expect(pressed).toContainText(statusLabels[state]);
      const hrefs = await page.locator('section[aria-label="搜索结果"] ol[data-exact] > li h3 > a').evaluateAll((links) => links.map((link) => link.getAttribute('href')!));
      expect(hrefs.map((href) => /\/policies\/([^/]+)\//.exec(href)![1]).sort()).toEqual(expected);
    });
  }

  test('a status badge links to what the status means on /about/', async ({ page }) => {
    await page.goto('/policies/2021-industrial-green-plan/');
    await page.locator('#metadata [data-status-badge]').click();
    await expect(page).toHaveURL(/\/about\/#status-period-ended$/);
    await expect(page.locator('#status-period-ended')).toContainText('规划期结束不等于文件被废止');
  });
});
