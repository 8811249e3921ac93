/**
 * The search page over a large collection (the large test site of scripts/lib/test-sites.ts, built
 * under the sub-path /mg-policy/): candidates are checked a batch at a time, 显示更多 adds results
 * below those shown, the count says 约 until every candidate is checked, facet counts come from a
 * second engine when the facet box opens, no record is fetched ahead, and a query nothing answers
 * fetches a bounded number of records. What the page should show is worked out from the generated
 * content, not from Pagefind.
 */
import { resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { indexTokens, normalizeText } from '../../src/lib/search/normalize';
import { decodeRecord, type PublishedRecord } from '../../src/lib/search/sections';
import { timelineMonth, timelineYear } from '../../src/lib/content/timeline';
import { loadCorpus, type Corpus } from '../../src/loaders/load-corpus';
import { servedUrl, testSites } from '../../scripts/lib/test-sites';
import { exactStatus, OVERVIEW_ID, resultId, searchTruth } from '../support/search-truth';

// The large test site (scripts/lib/test-sites.ts), served under its sub-path by Playwright's web server.
const site = servedUrl(testSites.large);
const contentDir = testSites.large.contentDir;
const searchUrl = (params: Record<string, string>) => `${site}search/?${new URLSearchParams(params)}`;

/** At most this many records are fetched per search or per click (paging.ts's STEP_LIMIT). */
const STEP_LIMIT = 20;

/** The generated collection, read once (and only by the tests that run). */
let loaded: ReturnType<typeof load> | undefined;
function load() {
  const corpus: Corpus = loadCorpus(resolve(contentDir), '.');
  const truth = searchTruth(corpus);
  const policies = new Map(corpus.policies.map((policy) => [policy.id, policy.data]));
  /** Every token the index holds (each section's pairs and characters). */
  const tokens = new Set([...truth.targets.values()].flat().flatMap((section) => indexTokens(normalizeText(section.text, truth.variants))));
  /** The documents, and the overview (OVERVIEW_ID), in which every word of the query occurs in some searchable section. */
  return { corpus, policies, holders: truth.holders, documentHolders: truth.documentHolders, tokens };
}
const collection = () => (loaded ??= load());

const status = (page: Page) => page.locator('[data-search-status]');
const more = (page: Page) => page.locator('[data-search-more]');
const exactLinks = (page: Page) => page.locator('section[aria-label="搜索结果"] ol[data-exact] > li h3 > a');

/** The documents (and the overview, OVERVIEW_ID) of the exact list, in order. */
async function listed(page: Page): Promise<string[]> {
  const hrefs = await exactLinks(page).evaluateAll((links) => links.map((link) => link.getAttribute('href')!));
  return hrefs.map(resultId);
}

/** How many documents a list of results holds: the overview is counted apart. */
const documentCount = (ids: string[]) => ids.filter((id) => id !== OVERVIEW_ID).length;

/** Counts the search records the page requests from now on. */
function watchRecords(page: Page) {
  const urls: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname.includes('/search/records/')) urls.push(request.url());
  });
  return urls;
}

/** Waits until nothing changes for a moment: no record is still on its way. */
async function quiet(page: Page) {
  await page.waitForLoadState('networkidle');
}

/** The estimate N of `找到约 N 份文件，已显示 M 份` (及报告综述 when the overview is shown), checked against the results shown. */
async function estimate(page: Page, shown: string[]): Promise<number> {
  const text = (await status(page).textContent()) ?? '';
  const match = /^找到约 (\d+) 份文件，已显示 (\d+) 份(及报告综述)?$/.exec(text);
  expect(match, `status “${text}”`).not.toBeNull();
  expect(Number(match![2])).toBe(documentCount(shown));
  expect(Boolean(match![3]), 'the overview is named when shown').toBe(shown.includes(OVERVIEW_ID));
  return Number(match![1]);
}

/**
 * Clicks 显示更多 until it disappears, checking each click: it fetches at most two batches, keeps the
 * results shown where they were and adds new ones below, and the status says 约 until the end.
 * Resolves to the number of clicks.
 */
async function showEverything(page: Page, records: string[], truth: number): Promise<number> {
  let clicks = 0;
  for (; await more(page).isVisible(); clicks += 1) {
    expect(clicks, '显示更多 keeps coming back').toBeLessThan(60);
    await expect(more(page)).toHaveText('显示更多');
    const before = await listed(page);
    const said = await status(page).textContent();
    const fetched = records.length;
    await more(page).click();
    // A step adds results, or (having found none) lowers the estimate, or ends the list; its records are fetched by then.
    await expect
      .poll(async () => (await listed(page)).length > before.length || (await status(page).textContent()) !== said || !(await more(page).isVisible()))
      .toBe(true);
    // It may show a first batch before the rest of the page: the list is marked busy until the step ends.
    await expect(page.locator('[data-search-results]')).not.toHaveAttribute('aria-busy');
    const after = await listed(page);
    expect(after.slice(0, before.length), 'the results already shown keep their place').toEqual(before);
    expect(new Set(after).size, 'a result listed twice').toBe(after.length);
    expect(records.length - fetched, 'records fetched by one click').toBeLessThanOrEqual(STEP_LIMIT);
    if (await more(page).isVisible()) expect(await estimate(page, after)).toBeGreaterThanOrEqual(truth);
  }
  return clicks;
}

// The paging does not depend on width or theme: like every untagged test, it runs in desktop-light only.
test.describe('a large collection', () => {
  for (const query of ['镁', '镁合金']) {
    test(`“${query}”: a page of ten at a time, 显示更多 adds below, 约 until every candidate is checked, then the exact count`, async ({ page }) => {
      // Paging through every candidate of a common character is some thirty clicks.
      test.setTimeout(120_000);
      const truth = collection().holders(query);
      const documents = collection().documentHolders(query).length;
      expect(documents).toBeGreaterThan(2 * STEP_LIMIT);
      const records = watchRecords(page);
      await page.goto(searchUrl({ q: query }));
      await expect(status(page)).toHaveText(/^找到约 \d+ 份文件，已显示 \d+ 份(及报告综述)?$/);
      await quiet(page);
      const first = await listed(page);
      expect(first.length).toBeGreaterThan(0);
      expect(first.length).toBeLessThanOrEqual(STEP_LIMIT);
      if (query === '镁') expect(first).toHaveLength(10); // every candidate of a single character holds it
      expect(records.length, 'records fetched for the first page').toBeLessThanOrEqual(STEP_LIMIT);
      const firstRecords = records.length;
      expect(await estimate(page, first)).toBeGreaterThanOrEqual(documents);
      await expect(more(page)).toBeVisible();

      const clicks = await showEverything(page, records, documents);
      const all = await listed(page);
      expect(all.slice(0, first.length)).toEqual(first);
      expect([...all].sort()).toEqual([...truth].sort());
      await expect(status(page)).toHaveText(exactStatus(query, truth, true));
      expect(new Set(records).size, 'a record fetched twice').toBe(records.length);
      console.log(`“${query}” in ${collection().corpus.policies.length} documents: ${documents} hold it; the first page shows ${first.length} after ${firstRecords} records; ${clicks} clicks of 显示更多 list all ${all.length} results, ${records.length} records fetched, none twice`);
    });
  }

  test('no record is fetched ahead: after the first results, only the records checked', async ({ page }) => {
    const records = watchRecords(page);
    const documents: string[] = [];
    page.on('response', async (response) => {
      if (new URL(response.url()).pathname.includes('/search/records/')) documents.push(resultId(decodeRecord((await response.json()) as PublishedRecord).url));
    });
    await page.goto(searchUrl({ q: '镁' }));
    await expect(status(page)).toHaveText(/^找到约 \d+ 份文件/);
    await quiet(page);
    await page.waitForTimeout(1000);
    expect(records).toHaveLength(10);
    // Larger than the collections whose records come in one file, or whose facets are counted eagerly (100).
    expect(collection().corpus.policies.length).toBeGreaterThan(100);
    // Every candidate of 镁 holds it: the records checked are exactly the results listed.
    await expect.poll(() => [...documents].sort()).toEqual([...(await listed(page))].sort());
  });

  test('facet counts come from a second engine when the facet box opens, and equal the documents holding the query', async ({ page }) => {
    const { documentHolders, policies, corpus } = collection();
    // The facets count documents: the overview, filed under none, is not among them.
    const truth = documentHolders('镁');
    const counter: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('pagefind.js?facet-counts')) counter.push(request.url());
    });
    await page.goto(searchUrl({ q: '镁' }));
    await expect(status(page)).toHaveText(/^找到约 \d+ 份文件/);
    const box = page.locator('[data-search-facets-box]');
    await expect(box).toBeVisible();
    expect(await box.evaluate((element) => (element as HTMLDetailsElement).open)).toBe(false);
    await quiet(page);
    expect(counter, 'the counting engine before the box opens').toEqual([]);

    await box.locator('summary').click();
    const buttons = page.locator('[data-search-facets] button');
    await expect(buttons.first()).toBeVisible();
    expect(counter.length).toBeGreaterThan(0);
    const shown = new Map(
      (await buttons.allTextContents()).map((text) => {
        const [, label, count] = /^(.*) (\d+)$/.exec(text)!;
        return [label, Number(count)] as const;
      }),
    );

    const expected = new Map<string, number>();
    const add = (label: string) => expected.set(label, (expected.get(label) ?? 0) + 1);
    for (const id of truth) add(`${timelineYear(policies.get(id)!)}年`);
    for (const [label, count] of expected) expect(shown.get(label), `documents of ${label}`).toBe(count);
    for (const label of shown.keys()) if (/^\d{4}年$/.test(label)) expect(expected.has(label), `${label} holds none`).toBe(true);

    const ministryLabel = new Map(corpus.ministries.map((ministry) => [ministry.id, ministry.shortNames[0] ?? ministry.name]));
    const byMinistry = new Map<string, number>();
    for (const id of truth) for (const issuer of policies.get(id)!.issuers) byMinistry.set(ministryLabel.get(issuer)!, (byMinistry.get(ministryLabel.get(issuer)!) ?? 0) + 1);
    expect(byMinistry.size).toBeGreaterThan(3);
    for (const [label, count] of byMinistry) expect(shown.get(label), `documents of ${label}`).toBe(count);
  });

  test('a word in no document: says so at once, fetching at most two batches', async ({ page }) => {
    const { holders, tokens } = collection();
    expect(holders('钛合金')).toEqual([]);
    expect(holders('合金').length).toBeGreaterThan(2 * STEP_LIMIT);
    expect(tokens.has(indexTokens('钛')[0])).toBe(false);
    const records = watchRecords(page);
    await page.goto(searchUrl({ q: '钛合金' }));
    await expect(status(page)).toHaveText('没有找到包含“钛合金”的文件');
    await quiet(page);
    expect(records.length).toBeLessThanOrEqual(STEP_LIMIT);
    await expect(exactLinks(page)).toHaveCount(0);
    await expect(more(page)).toBeHidden();
    await expect(page.locator('[data-search-empty]')).toBeVisible();
    console.log(`“钛合金” (钛 in no document; 合金 in ${holders('合金').length}): 没有找到 after ${records.length} records`);
  });

  test('a glued phrase whose pairs all occur, but never in a row: two batches per step, said honestly, until every candidate is checked', async ({ page }) => {
    const query = '降碳技术';
    const { holders, tokens } = collection();
    expect(holders(query)).toEqual([]);
    const chars = [...query];
    expect(chars.slice(1).every((char, index) => tokens.has(indexTokens(chars[index] + char)[0])), 'every pair of the phrase occurs').toBe(true);
    const records = watchRecords(page);
    await page.goto(searchUrl({ q: query }));
    await expect(status(page)).toHaveText(`前 20 份候选文件中没有包含“${query}”的文件`);
    await quiet(page);
    expect(records).toHaveLength(STEP_LIMIT);
    await expect(exactLinks(page)).toHaveCount(0);
    await expect(more(page)).toHaveText('继续查找');

    for (let clicks = 1; await more(page).isVisible(); clicks += 1) {
      expect(clicks).toBeLessThan(20);
      const fetched = records.length;
      await more(page).click();
      await expect(status(page)).toHaveText(new RegExp(`^前 ${(clicks + 1) * STEP_LIMIT} 份候选文件中没有包含“${query}”的文件$|^没有找到包含“${query}”的文件$`));
      expect(records.length - fetched).toBeLessThanOrEqual(STEP_LIMIT);
    }
    await expect(status(page)).toHaveText(`没有找到包含“${query}”的文件`);
    await expect(exactLinks(page)).toHaveCount(0);
    await expect(page.locator('[data-search-empty]')).toBeVisible();
    // More candidates than one step checks: the reader was asked before every candidate was fetched.
    expect(records.length).toBeGreaterThan(STEP_LIMIT);
    console.log(`“${query}” (every pair occurs, never in a row): 没有找到 after ${records.length} records in steps of at most ${STEP_LIMIT}`);
  });

  test('a filter without a query lists documents newest first, ten at a time, with an exact count', async ({ page }) => {
    const { corpus, policies } = collection();
    const expected = corpus.policies.filter((policy) => policy.data.issuers.includes('miit')).map((policy) => policy.id);
    expect(expected.length).toBeGreaterThan(2 * STEP_LIMIT);
    const records = watchRecords(page);
    await page.goto(searchUrl({ ministry: 'miit' }));
    await expect(status(page)).toHaveText(`找到 ${expected.length} 份文件，已显示 10 份`);
    await quiet(page);
    expect(await listed(page)).toHaveLength(10);
    expect(records).toHaveLength(10);
    await expect(page.locator('select[name="sort"]')).toHaveValue('newest');

    for (let clicks = 0; await more(page).isVisible(); clicks += 1) {
      expect(clicks).toBeLessThan(40);
      const before = await listed(page);
      await more(page).click();
      // Ten more, or the rest when no more than two batches remain.
      const next = expected.length - before.length <= STEP_LIMIT ? expected.length : before.length + 10;
      await expect.poll(async () => (await listed(page)).length).toBe(next);
      expect((await listed(page)).slice(0, before.length)).toEqual(before);
      if (next < expected.length) await expect(status(page)).toHaveText(`找到 ${expected.length} 份文件，已显示 ${next} 份`);
    }
    const all = await listed(page);
    expect([...all].sort()).toEqual([...expected].sort());
    const months = all.map((id) => timelineMonth(policies.get(id)!));
    expect(months).toEqual([...months].sort().reverse());
    await expect(status(page)).toHaveText(`找到 ${expected.length} 份文件`);
  });
});
