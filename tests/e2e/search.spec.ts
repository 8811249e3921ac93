/**
 * The search page's behaviour, at every width and in both themes: URL state, facets, sorting,
 * keyboard shortcuts, hostile input, failure modes (no JavaScript, no index, no Intl.Segmenter),
 * landing on the matching clause, and the empty state. Which documents a query should find is
 * worked out here from the corpus, not from Pagefind.
 */
import { expect, test, type Page } from '@playwright/test';
import { timelineMonth, timelineYear } from '../../src/lib/content/timeline';
import { loadCorpus } from '../../src/loaders/load-corpus';
import { exactStatus, OVERVIEW_ID, resultId, searchTruth } from '../support/search-truth';

const corpus = loadCorpus(process.cwd());
const policies = new Map(corpus.policies.map((policy) => [policy.id, policy.data]));
/** The documents (and the overview, OVERVIEW_ID) in which every word of the query occurs in some searchable section. */
const { holders, documentHolders } = searchTruth(corpus);

const month = (id: string) => timelineMonth(policies.get(id)!);
const sorted = (ids: Iterable<string>) => [...ids].sort();

const status = (page: Page) => page.locator('[data-search-status]');
const results = (page: Page) => page.locator('section[aria-label="搜索结果"]');
const searchBox = (page: Page) => page.locator('#search-query');

/** Waits until the search has answered. */
async function settled(page: Page) {
  await expect(status(page)).toHaveText(/找到 \d+ 份文件|没有找到|只在报告综述中找到|搜索索引加载失败/);
}

/** The documents of the exact (complete) list, in order, after showing every page. */
async function exactResults(page: Page): Promise<string[]> {
  await settled(page);
  const more = page.locator('[data-search-more]');
  const items = results(page).locator('li');
  for (let clicks = 0; await more.isVisible(); clicks += 1) {
    expect(clicks, '显示更多 keeps coming back').toBeLessThan(20);
    const before = await items.count();
    await more.click();
    await expect.poll(async () => (await items.count()) > before || !(await more.isVisible())).toBe(true);
  }
  const hrefs = await results(page).locator('ol[data-exact] > li h3 > a').evaluateAll((links) => links.map((link) => link.getAttribute('href')!));
  return hrefs.map(resultId);
}

/** Facets fold into a closed <details> on phones: open it before clicking a facet. */
async function openFacets(page: Page) {
  const box = page.locator('[data-search-facets-box]');
  await expect(box).toBeVisible();
  if (!(await box.evaluate((element) => (element as HTMLDetailsElement).open))) await box.locator('summary').click();
  await expect(page.locator('[data-search-facets]')).toBeVisible();
}

/** A parameter of the page's URL, which the page writes once it has answered: poll it after a change. */
const param = (page: Page, key: string) => new URL(page.url()).searchParams.get(key);

test.describe('URL state', () => {
  test('typing updates ?q= and reloading restores the query and its results', async ({ page }) => {
    await page.goto('/search/');
    await searchBox(page).fill('竖罐炼镁');
    await expect.poll(() => param(page, 'q')).toBe('竖罐炼镁');
    const expected = holders('竖罐炼镁');
    expect(expected).toEqual(['2022-nonferrous-carbon-peak']);
    expect(await exactResults(page)).toEqual(expected);

    // Refining the query replaces the URL state (no stale words).
    await searchBox(page).fill('竖罐 炼镁');
    await expect.poll(() => param(page, 'q')).toBe('竖罐 炼镁');
    await expect(status(page)).toHaveText(exactStatus('竖罐 炼镁', holders('竖罐 炼镁')));

    await page.reload();
    await expect(searchBox(page)).toHaveValue('竖罐 炼镁');
    expect(sorted(await exactResults(page))).toEqual(sorted(holders('竖罐 炼镁')));
  });

  test('with an input method, the chosen characters are searched, not the pinyin letters being composed', async ({ page }) => {
    await page.goto('/search/');
    await searchBox(page).focus();
    const statuses: string[] = [];
    await page.exposeFunction('recordStatus', (text: string) => statuses.push(text));
    await status(page).evaluate((element) =>
      new MutationObserver(() => (window as unknown as { recordStatus: (text: string) => void }).recordStatus(element.textContent ?? '')).observe(element, {
        childList: true,
        characterData: true,
        subtree: true,
      }),
    );
    const input = await page.context().newCDPSession(page);
    for (const letters of ['m', 'me', 'mei']) {
      await input.send('Input.imeSetComposition', { text: letters, selectionStart: letters.length, selectionEnd: letters.length });
      await page.waitForTimeout(300); // longer than the search waits after a keystroke
    }
    await expect(searchBox(page)).toHaveValue('mei');
    expect(param(page, 'q')).toBeNull();
    await input.send('Input.insertText', { text: '镁' });
    await expect.poll(() => param(page, 'q')).toBe('镁');
    await expect(status(page)).toHaveText(exactStatus('镁', holders('镁')));
    expect(statuses.filter((text) => /m/.test(text))).toEqual([]);
  });

  test('the index chunks of a query load as it is typed, before the search starts', async ({ page }) => {
    await page.goto('/search/');
    await searchBox(page).focus();
    const chunk = page.waitForRequest(/\/pagefind\/index\/[^/]+\.pf_index$/);
    // Typed, then taken back at once: the search, which waits a moment after the last keystroke, never runs for it.
    await searchBox(page).evaluate((box: HTMLInputElement) => {
      for (const text of ['竖罐炼镁', '']) {
        box.value = text;
        box.dispatchEvent(new InputEvent('input', { bubbles: true, data: text }));
      }
    });
    await chunk;
    await expect(page.locator('[data-search-empty]')).toBeVisible();
    expect(param(page, 'q')).toBeNull();
  });

  test('loading ?q=镁&ministry=ndrc restores the query, the pressed facet and the filtered results', async ({ page }) => {
    await page.goto(`/search/?q=${encodeURIComponent('镁')}&ministry=ndrc`);
    await expect(searchBox(page)).toHaveValue('镁');
    // A filter leaves out the overview, which has no issuer.
    const expected = documentHolders('镁').filter((id) => policies.get(id)!.issuers.includes('ndrc'));
    expect(expected.length).toBeGreaterThan(1);
    expect(expected.length).toBeLessThan(documentHolders('镁').length);
    expect(sorted(await exactResults(page))).toEqual(sorted(expected));
    const pressed = page.locator('[data-search-facets] button[aria-pressed="true"]');
    await expect(pressed).toHaveCount(1);
    await expect(pressed).toHaveText(new RegExp(`^国家发展改革委 ${expected.length}$`));
    expect(param(page, 'ministry')).toBe('ndrc');
  });

  test('an unknown filter value in the URL is ignored', async ({ page }) => {
    await page.goto(`/search/?q=${encodeURIComponent('镁')}&ministry=nobody&sort=sideways`);
    expect(sorted(await exactResults(page))).toEqual(sorted(holders('镁')));
    await expect(page.locator('[data-search-facets] button[aria-pressed="true"]')).toHaveCount(0);
    await expect(page.locator('select[name="sort"]')).toHaveValue('relevance');
  });
});

test('a facet click filters the results and sets the URL; a second click clears it', { tag: '@every-view' }, async ({ page }) => {
  await page.goto(`/search/?q=${encodeURIComponent('镁')}`);
  await settled(page);
  await openFacets(page);
  const year = page.locator('[data-search-facets]').getByRole('button', { name: /^2024年/ });
  await expect(year).toHaveAttribute('aria-pressed', 'false');
  await year.click();
  await expect.poll(() => param(page, 'year')).toBe('2024');
  await expect(year).toHaveAttribute('aria-pressed', 'true');
  const in2024 = documentHolders('镁').filter((id) => timelineYear(policies.get(id)!) === '2024');
  expect(in2024.length).toBeGreaterThan(0);
  await expect(status(page)).toHaveText(`找到 ${in2024.length} 份文件`);
  expect(sorted(await exactResults(page))).toEqual(sorted(in2024));
  await expect.poll(() => param(page, 'q')).toBe('镁');

  await page.locator('[data-search-facets]').getByRole('button', { name: /^2024年/ }).click();
  await expect.poll(() => param(page, 'year')).toBeNull();
  await expect(status(page)).toHaveText(/^找到 \d+ 份文件/);
  expect(sorted(await exactResults(page))).toEqual(sorted(holders('镁')));
});

test('sorting by newest and oldest orders the results by date, the undated overview last, and is kept in the URL', async ({ page }) => {
  const all = sorted(holders('镁'));
  expect(all).toContain(OVERVIEW_ID);
  const documentMonths = (ids: string[]) => ids.filter((id) => id !== OVERVIEW_ID).map(month);
  await page.goto(`/search/?q=${encodeURIComponent('镁')}`);
  await settled(page);

  await page.locator('select[name="sort"]').selectOption('newest');
  await expect.poll(() => param(page, 'sort')).toBe('newest');
  await expect(status(page)).toHaveText(exactStatus('镁', all));
  const newest = await exactResults(page);
  expect(sorted(newest)).toEqual(all);
  expect(newest.at(-1)).toBe(OVERVIEW_ID);
  const newestMonths = documentMonths(newest);
  expect(newestMonths).toEqual([...newestMonths].sort().reverse());

  await page.locator('select[name="sort"]').selectOption('oldest');
  await expect.poll(() => param(page, 'sort')).toBe('oldest');
  await expect(status(page)).toHaveText(exactStatus('镁', all));
  const oldest = await exactResults(page);
  expect(sorted(oldest)).toEqual(all);
  expect(oldest.at(-1)).toBe(OVERVIEW_ID);
  const oldestMonths = documentMonths(oldest);
  expect(oldestMonths).toEqual([...oldestMonths].sort());
  expect(oldestMonths[0] < oldestMonths.at(-1)!).toBe(true);

  await page.reload();
  await expect(page.locator('select[name="sort"]')).toHaveValue('oldest');
  expect(documentMonths(await exactResults(page))).toEqual(oldestMonths);
});

test('"/" and Ctrl+K put the cursor in the search box from the home page', { tag: '@every-view' }, async ({ page }) => {
  await page.goto('/');
  const box = page.locator('#site-search');
  await expect(box).not.toBeFocused();
  await page.keyboard.press('/');
  await expect(box).toBeFocused();
  await expect(box).toHaveValue(''); // the "/" itself is not typed

  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await expect(box).not.toBeFocused();
  await page.keyboard.press('Control+k');
  await expect(box).toBeFocused();

  // The header box leads to the search page with the query.
  await box.fill('镁渣');
  await box.press('Enter');
  await expect(page).toHaveURL(/\/search\/\?q=/);
  expect(param(page, 'q')).toBe('镁渣');
  expect(await exactResults(page)).toEqual(holders('镁渣'));
});

test('a hostile query, in the URL or typed, is shown as text: nothing injected, no dialog', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const injected = () =>
    page.evaluate(() => ({
      handlers: document.querySelectorAll('[onerror], [onload], [onclick]').length,
      images: document.querySelectorAll('img[src="x"]').length,
      scripts: [...document.scripts].filter((script) => script.textContent?.includes('alert')).length,
    }));
  const clean = { handlers: 0, images: 0, scripts: 0 };

  const inUrl = '<img src=x onerror=alert(1)>';
  await page.goto(`/search/?q=${encodeURIComponent(inUrl)}`);
  await settled(page);
  await expect(status(page)).toHaveText(`没有找到包含“${inUrl}”的文件`);
  await expect(page.locator('[data-empty-lead]')).toContainText(inUrl);
  await expect(searchBox(page)).toHaveValue(inUrl);
  expect(await injected()).toEqual(clean);

  const typed = '"><script>alert(1)</script>';
  await searchBox(page).fill(typed);
  await searchBox(page).press('Enter');
  await expect(status(page)).toHaveText(`没有找到包含“${typed}”的文件`);
  await expect.poll(() => param(page, 'q')).toBe(typed);
  expect(await injected()).toEqual(clean);

  await page.reload();
  await expect(status(page)).toHaveText(`没有找到包含“${typed}”的文件`);
  expect(await injected()).toEqual(clean);
  await page.waitForTimeout(300);
  expect(dialogs).toEqual([]);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('/search/ says search needs JavaScript and links to the timeline', async ({ page }) => {
    await page.goto(`/search/?q=${encodeURIComponent('镁')}`);
    const notice = page.locator('[data-search-needs-js]');
    await expect(notice).toBeVisible();
    await expect(notice).toContainText('搜索需要启用 JavaScript');
    await expect(notice.getByRole('link', { name: '按时间线浏览全部文件' })).toHaveAttribute('href', '/');
    await expect(page.locator('form[role="search"] #search-query')).toBeHidden();
    await notice.getByRole('link', { name: '按时间线浏览全部文件' }).click();
    await expect(page).toHaveURL(/\/$/);
  });
});

test('when the index cannot load, a clear error is shown', async ({ page }) => {
  await page.route('**/pagefind/pagefind.js', (route) => route.abort());
  await page.goto(`/search/?q=${encodeURIComponent('镁')}`);
  await expect(status(page)).toContainText('搜索索引加载失败');
  await expect(results(page).locator('li')).toHaveCount(0);
  await expect(page.locator('[data-search-more]')).toBeHidden();
});

test('with a filter and no query, every document the filter leaves is listed, newest first, linking to the document', async ({ page }) => {
  await page.goto('/search/?topic=alloys-lightweighting');
  const expected = corpus.policies.filter((policy) => policy.data.topics.includes('alloys-lightweighting')).map((policy) => policy.id);
  expect(expected.length).toBeGreaterThan(1);
  const listed = await exactResults(page);
  expect(sorted(listed)).toEqual(sorted(expected));
  const months = listed.map(month);
  expect(months).toEqual([...months].sort().reverse());
  // Without a query the order is by date: the sort menu says so and offers no relevance.
  await expect(page.locator('select[name="sort"]')).toHaveValue('newest');
  await expect(page.locator('select[name="sort"] option[value="relevance"]')).toBeDisabled();
  const hrefs = await results(page).locator('li h3 > a').evaluateAll((links) => links.map((link) => link.getAttribute('href')!));
  expect(hrefs.every((href) => /^\/policies\/[^/?#]+\/$/.test(href))).toBe(true);
  await openFacets(page);
  await expect(page.locator('[data-search-facets] button[aria-pressed="true"]')).toHaveCount(1);
  // Clearing the filter leaves no query and no filter: the empty state.
  await page.locator('[data-search-facets] button[aria-pressed="true"]').click();
  await expect(page.locator('[data-search-empty]')).toBeVisible();
  await expect.poll(() => param(page, 'topic')).toBeNull();
});

test('when the documents of the results cannot load, a clear error is shown', async ({ page }) => {
  await page.route((url) => url.pathname.startsWith('/search/records'), (route) => route.abort());
  await page.goto(`/search/?q=${encodeURIComponent('镁')}`);
  await expect(status(page)).toContainText('搜索结果加载失败');
  await expect(results(page).locator('li')).toHaveCount(0);
});

test('without Intl.Segmenter, substrings and ministry short names are still found', async ({ page }) => {
  await page.addInitScript(() => {
    delete (Intl as { Segmenter?: unknown }).Segmenter;
  });
  await page.goto(`/search/?q=${encodeURIComponent('镁冶')}`);
  expect(await page.evaluate(() => typeof (Intl as { Segmenter?: unknown }).Segmenter)).toBe('undefined');
  const smelting = holders('镁冶');
  expect(sorted(smelting)).toEqual(['2021-industrial-green-plan', '2023-industrial-structure-catalogue']);
  expect(sorted(await exactResults(page))).toEqual(smelting);

  await page.goto(`/search/?q=${encodeURIComponent('发改委')}`);
  const ndrc = holders('发改委');
  expect(ndrc.length).toBeGreaterThan(1);
  expect(sorted(await exactResults(page))).toEqual(sorted(ndrc));
});

test('a result link opens the clause, scrolled into view, with the query words marked in it', { tag: '@every-view' }, async ({ page }) => {
  await page.goto(`/search/?q=${encodeURIComponent('盐湖 锂')}`);
  await settled(page);
  const first = results(page).locator('ol[data-exact] > li').first();
  await expect(first.locator('mark').first()).toBeVisible();
  await first.locator('h3 > a').click();
  await expect(page).toHaveURL(/\/policies\/2022-east-west-sci-tech\/\?hl=.*#qinghai-sci-tech-aid$/);
  const clause = page.locator('#qinghai-sci-tech-aid');
  await expect(clause).toBeInViewport();
  // The clause text holds 盐湖 twice and 锂 once; its topic link 盐湖提镁 is not text the search looked at.
  await expect(clause.locator('p', { hasText: '提高盐湖钾' }).locator('mark')).toHaveText(['盐湖', '盐湖', '锂']);
  await expect(clause.getByRole('link', { name: '盐湖提镁' })).toBeVisible();
  // Only the clause's own text is marked, and only with the query words.
  await expect(page.locator('mark')).toHaveText(['盐湖', '盐湖', '锂']);

  // A traditional-character query marks the simplified text it matched.
  await page.goto(`/search/?q=${encodeURIComponent('竪罐煉鎂')}`);
  await settled(page);
  await results(page).locator('ol[data-exact] > li h3 > a').first().click();
  await expect(page).toHaveURL(/\/policies\/2022-nonferrous-carbon-peak\/.*#green-low-carbon-technology$/);
  await expect(page.locator('#green-low-carbon-technology')).toBeInViewport();
  await expect(page.locator('#green-low-carbon-technology mark')).toHaveText(['竖罐炼镁']);

  // An alias lands on the document's details, which list the issuers' short names, and marks it there.
  await page.goto(`/search/?q=${encodeURIComponent('发改委')}`);
  await settled(page);
  await results(page).locator('ol[data-exact] > li h3 > a').first().click();
  await expect(page).toHaveURL(/#metadata$/);
  await expect(page.locator('#metadata mark').first()).toHaveText('发改委');
});

test('a result in the report overview and a result by an issuing body\'s English name land where they say, with the words marked', { tag: '@every-view' }, async ({ page }) => {
  // Words only the overview's introduction holds: a result of its own, opening the paragraph.
  await page.goto(`/search/?q=${encodeURIComponent('大健康')}`);
  await expect(status(page)).toHaveText('只在报告综述中找到“大健康”');
  const overview = results(page).locator('ol[data-exact] > li').first();
  await expect(overview.locator('h3')).toHaveText('报告综述');
  await expect(overview.locator('h3 + p')).toHaveText('引言');
  await expect(overview.locator('mark')).toHaveText(['大健康']);
  await overview.locator('h3 > a').click();
  await expect(page).toHaveURL(/\/overview\/\?hl=.*#introduction$/);
  await expect(page.locator('#introduction')).toBeInViewport();
  await expect(page.locator('mark')).toHaveText(['大健康']);

  // An abbreviation in any case: the result says which body it named, and the document's details mark it.
  await page.goto(`/search/?q=${encodeURIComponent('miit')}`);
  await settled(page);
  const byBody = results(page).locator('ol[data-exact] > li').first();
  await expect(byBody.locator('h3 + p')).toContainText('发文机关：工业和信息化部（MIIT）');
  await expect(byBody.locator('mark')).toHaveText(['MIIT']);
  await byBody.locator('h3 > a').click();
  await expect(page).toHaveURL(/#metadata$/);
  await expect(page.locator('#metadata mark').first()).toHaveText('MIIT');
  await expect(page.locator('#metadata mark').first()).toBeVisible();

  // An English name is marked in the folded-away list of English names, which the landing unfolds.
  await page.goto(`/search/?q=${encodeURIComponent('Ministry of Finance')}`);
  await settled(page);
  await results(page).locator('ol[data-exact] > li h3 > a').first().click();
  await expect(page).toHaveURL(/#metadata$/);
  const english = page.locator('#metadata [data-english-names] details');
  await expect(english).toHaveAttribute('open', '');
  const finance = english.locator('li', { hasText: 'Finance' });
  await expect(finance.locator('mark')).toHaveText(['Ministry', 'of', 'Finance']);
  await expect(finance.locator('mark').last()).toBeVisible();
});

test('the empty state offers suggestions, before a query and when nothing is found', { tag: '@every-view' }, async ({ page }) => {
  await page.goto('/search/');
  const empty = page.locator('[data-search-empty]');
  await expect(empty).toBeVisible();
  await expect(empty.locator('[data-empty-lead]')).toHaveText('输入关键词开始搜索，例如：');
  const suggestions = empty.getByRole('listitem').getByRole('link');
  expect(await suggestions.count()).toBeGreaterThanOrEqual(3);
  // Every suggestion finds something.
  for (const text of await suggestions.allTextContents()) expect(holders(text), `suggestion ${text}`).not.toEqual([]);

  await page.goto(`/search/?q=${encodeURIComponent('稀土永磁')}`);
  await expect(status(page)).toHaveText('没有找到包含“稀土永磁”的文件');
  await expect(empty).toBeVisible();
  await expect(empty.locator('[data-empty-lead]')).toContainText('没有找到包含“稀土永磁”的文件');
  await expect(results(page).locator('li')).toHaveCount(0);
  await empty.getByRole('link', { name: '竖罐炼镁' }).click();
  await expect(page).toHaveURL(/\/search\/\?q=/);
  expect(param(page, 'q')).toBe('竖罐炼镁');
  expect(await exactResults(page)).toEqual(holders('竖罐炼镁'));
  await expect(empty).toBeHidden();
});
