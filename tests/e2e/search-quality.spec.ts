/**
 * Search quality against answers a person wrote: every query of tests/search-judgments.json is
 * searched on the built /search/ page (one page, query after query) and checked, all at 100 %:
 * - recall and precision, by the definition of a match (not the ranking): a document holds a query
 *   when every normalized query word occurs in one of its search sections; every such document is
 *   a complete result, and no complete result lacks a word;
 * - the judgment: its `include` documents are complete results and its `exclude` documents are
 *   not, the first complete result is `first`, its link opens `lands` and marks the query words,
 *   and says which issuing body the query named (`issuer`), when it names one;
 * - the report's overview (id "overview", the paragraphs belonging to no document) is judged like a
 *   document: a result of its own, linking to /overview/#<paragraph>;
 * - a query no document holds says 没有找到包含“…”的文件 and lists no complete result.
 * Every miss is collected and printed with the figures. The results do not depend on width or
 * theme: like every test without the @every-view tag, it runs in desktop-light only.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { normalizeText, queryWords } from '../../src/lib/search/normalize';
import { isTitleSection } from '../../src/lib/search/sections';
import { loadCorpus } from '../../src/loaders/load-corpus';
import { exactStatus, resultId, searchTruth } from '../support/search-truth';

/**
 * Kinds of query: a title; a document number; a body's Chinese short name or alias; an English name
 * or abbreviation of a body (alone or with Chinese words); traditional characters; a single character;
 * a term; a quantity, percentage or year as a reader types it; several words (the closest together
 * first); words in different clauses; words only the report's narrative holds; words of the
 * overview's own paragraphs; nothing.
 */
type Kind = 'title' | 'number' | 'alias' | 'english' | 'traditional' | 'single' | 'term' | 'quantity' | 'multi' | 'cross-clause' | 'narrative' | 'overview' | 'no-answer';

interface Judgment {
  query: string;
  kind: Kind;
  /** The document a reader expects first, or null when no document holds the query. */
  first: string | null;
  /** The anchor the first result's link opens: "metadata", a clause id or a narrative passage id. */
  lands: string | null;
  /** Documents that must be listed as complete results. */
  include: string[];
  /** Documents that must not be listed as complete results. */
  exclude: string[];
  /** The issuing body (full name) the first result must say the query named. */
  issuer?: string;
  why: string;
}

/** The smallest number of judgments of each kind (the file's real counts may only grow). */
const MINIMUM_PER_KIND: Record<Kind, number> = {
  title: 8,
  number: 10,
  alias: 5,
  english: 20,
  traditional: 5,
  single: 4,
  term: 12,
  quantity: 12,
  multi: 20,
  'cross-clause': 4,
  narrative: 5,
  overview: 10,
  'no-answer': 12,
};
const MINIMUM_JUDGMENTS = 180;

const root = process.cwd();
const judgments = JSON.parse(readFileSync(join(root, 'tests', 'search-judgments.json'), 'utf8')) as Judgment[];

// ---------------------------------------------------------------------------------------------
// What a document holds, from the corpus (no Pagefind, no ranking).
// ---------------------------------------------------------------------------------------------

const corpus = loadCorpus(root);
const search = searchTruth(corpus);
const { variants } = search;
const documents = [...search.targets].map(([id, sections]) => ({
  id,
  sections: sections.map((section) => ({ ...section, normalized: normalizeText(section.text, variants) })),
}));
const documentIds = new Set(documents.map((document) => document.id));

/** The documents (and the overview) holding the query: each of its words occurs, standing whole, in one of their search sections. */
const holders = (words: string[]): string[] => search.holdersOf(words);

// ---------------------------------------------------------------------------------------------
// The search page, one query after another.
// ---------------------------------------------------------------------------------------------

interface Link {
  id: string;
  anchor: string;
  hl: string[];
  /** The line under the title: number, date, label, and the issuing body the query named. */
  details: string;
}

interface Answer {
  status: string;
  exact: Link[];
  related: Link[];
}

function parseLink([href, details]: [string, string]): Link {
  const url = new URL(href, 'http://localhost');
  return { id: resultId(href), anchor: decodeURIComponent(url.hash.slice(1)), hl: url.searchParams.getAll('hl'), details };
}

/** Opens the search page once, watching for dialogs (a query must never open one). */
async function openSearch(page: Page): Promise<string[]> {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto('/search/');
  await expect(page.locator('#search-query')).toBeVisible();
  return dialogs;
}

/**
 * Submits a query through the page's form and returns every result, after 显示更多 until it
 * disappears. The form marks the results busy in the same task, and the page writes ?q= only once
 * it has answered, so once ?q= is this query and the results are no longer busy, the status and the
 * lists are this query's answer.
 */
async function ask(page: Page, query: string): Promise<Answer> {
  // Set the box without an input event: the page's debounced search-as-you-type would run the query twice.
  await page.locator('#search-query').evaluate((input: HTMLInputElement, text) => {
    input.value = text;
    input.form!.requestSubmit();
  }, query);
  await page.waitForFunction(
    (expected) => new URLSearchParams(location.search).get('q') === expected && !document.querySelector('[data-search-results]')!.hasAttribute('aria-busy'),
    query.trim(),
  );
  const results = page.locator('section[aria-label="搜索结果"]');
  const items = results.locator('li');
  const more = page.locator('[data-search-more]');
  for (let clicks = 0; await more.isVisible(); clicks += 1) {
    if (clicks > 20) throw new Error(`${query}: 显示更多 never disappears`);
    const before = await items.count();
    await more.click();
    await expect.poll(async () => (await items.count()) > before || !(await more.isVisible())).toBe(true);
  }
  const links = async (list: string) =>
    (
      await results
        .locator(`ol[${list}] > li`)
        .evaluateAll((items) => items.map((item): [string, string] => [item.querySelector('h3 > a')!.getAttribute('href')!, item.querySelector('h3 + p')?.textContent ?? '']))
    ).map(parseLink);
  return { status: (await page.locator('[data-search-status]').textContent()) ?? '', exact: await links('data-exact'), related: await links('data-related') };
}

const percent = (part: number, whole: number) => `${whole === 0 ? '100.0' : ((100 * part) / whole).toFixed(1)} % (${part}/${whole})`;
const ids = (links: Link[]) => links.map((link) => link.id);

test.describe('search quality', () => {
  test('the judgments file is complete and names only real documents and anchors', () => {
    const problems: string[] = [];
    expect(judgments.length, 'judgments').toBeGreaterThanOrEqual(MINIMUM_JUDGMENTS);
    const counts = new Map<string, number>();
    for (const judgment of judgments) counts.set(judgment.kind, (counts.get(judgment.kind) ?? 0) + 1);
    for (const [kind, minimum] of Object.entries(MINIMUM_PER_KIND)) {
      if ((counts.get(kind) ?? 0) < minimum) problems.push(`kind ${kind}: ${counts.get(kind) ?? 0} judgments, at least ${minimum} wanted`);
    }
    const seen = new Set<string>();
    for (const { query, kind, first, lands, include, exclude, issuer, why } of judgments) {
      if (seen.has(query.trim())) problems.push(`${query}: judged twice`);
      seen.add(query.trim());
      if (!(kind in MINIMUM_PER_KIND)) problems.push(`${query}: unknown kind ${kind}`);
      if (!why) problems.push(`${query}: no reason given`);
      for (const id of [first, ...include, ...exclude]) if (id !== null && !documentIds.has(id)) problems.push(`${query}: unknown document ${id}`);
      const both = include.filter((id) => exclude.includes(id));
      if (both.length > 0) problems.push(`${query}: ${both.join(', ')} both included and excluded`);
      if (kind === 'no-answer') {
        if (first !== null || lands !== null || include.length > 0) problems.push(`${query}: a no-answer judgment with an answer`);
        continue;
      }
      if (first === null || lands === null) {
        problems.push(`${query}: no first document or landing`);
        continue;
      }
      if (!include.includes(first)) problems.push(`${query}: the first document ${first} is not among those included`);
      const anchors = documents.find((document) => document.id === first)?.sections.map((section) => section.anchor) ?? [];
      if (!anchors.includes(lands)) problems.push(`${query}: ${first} has no section #${lands}`);
      if (issuer !== undefined && !corpus.ministries.some((ministry) => ministry.name === issuer)) problems.push(`${query}: no issuing body is called ${issuer}`);
    }
    expect(problems, problems.join('\n')).toEqual([]);
  });

  test('every judged query: recall, precision, first result, landing, include and exclude at 100 %', async ({ page }, testInfo) => {
    test.setTimeout(120_000);
    const dialogs = await openSearch(page);
    const problems: string[] = [];
    const figures = { holding: 0, listed: 0, first: [0, 0], landing: [0, 0], issuer: [0, 0], noAnswer: [0, 0], include: 0, exclude: 0, falseComplete: 0 };
    const byKind = new Map<string, { judged: number; right: number }>();

    for (const judgment of judgments) {
      const { query, first, lands, include, exclude, issuer } = judgment;
      const words = queryWords(query, variants);
      const truth = holders(words);
      const { status, exact, related } = await ask(page, query);
      const complete = new Set(ids(exact));
      const kind = byKind.get(judgment.kind) ?? { judged: 0, right: 0 };
      byKind.set(judgment.kind, kind);
      kind.judged += 1;
      const before = problems.length;
      const miss = (what: string) => problems.push(`[${judgment.kind}] “${query}”: ${what}`);

      // Recall and precision, by the definition of a match.
      figures.holding += truth.length;
      figures.listed += truth.filter((id) => complete.has(id)).length;
      for (const id of truth.filter((id) => !complete.has(id))) {
        miss(`recall: ${id} holds every word but is ${ids(related).includes(id) ? 'listed only under 相关结果' : 'not listed'}`);
      }
      for (const id of [...complete].filter((id) => !truth.includes(id))) {
        figures.falseComplete += 1;
        miss(`precision: ${id} is a complete result without every word`);
      }
      if (complete.size !== exact.length) miss(`a document is listed twice: ${ids(exact).join(', ')}`);

      // The judgment.
      for (const id of include.filter((id) => !complete.has(id))) {
        figures.include += 1;
        miss(`include: ${id} is not a complete result`);
      }
      for (const id of exclude.filter((id) => complete.has(id))) {
        figures.exclude += 1;
        miss(`exclude: ${id} is a complete result`);
      }
      const [top] = exact;
      if (first === null) {
        figures.noAnswer[1] += 1;
        const expectedStatus = `没有找到包含“${query.trim()}”的文件`;
        if (status === expectedStatus && exact.length === 0) figures.noAnswer[0] += 1;
        else miss(`no answer expected: status “${status}”, complete results ${ids(exact).join(', ') || 'none'}`);
        if (problems.length === before) kind.right += 1;
        continue;
      }
      figures.first[1] += 1;
      if (top?.id === first) figures.first[0] += 1;
      else miss(`first: expected ${first}, got ${top?.id ?? 'nothing'} (order: ${ids(exact).join(', ')})`);
      if (lands !== null) {
        figures.landing[1] += 1;
        if (top?.id === first && top.anchor === lands) figures.landing[0] += 1;
        else miss(`landing: expected ${first}#${lands}, got ${top ? `${top.id}#${top.anchor}` : 'nothing'}`);
      }
      if (issuer !== undefined) {
        figures.issuer[1] += 1;
        // 发文机关：<full name>, with the name the query used in brackets when it is another, bodies joined by 、.
        if (new RegExp(`发文机关：(.+、)?${issuer}(（[^）]+）)?(、|$)`).test(top?.details ?? '')) figures.issuer[0] += 1;
        else miss(`issuer: expected the first result to say 发文机关：${issuer}, it says “${top?.details ?? ''}”`);
      }
      for (const link of exact.filter((link) => JSON.stringify(link.hl) !== JSON.stringify(words))) miss(`hl of ${link.id}: ${JSON.stringify(link.hl)}, expected ${JSON.stringify(words)}`);
      if (!exactStatus(query, truth, true).test(status)) miss(`status “${status}”, expected ${exactStatus(query, truth, true).source}`);
      if (problems.length === before) kind.right += 1;
    }
    if (dialogs.length > 0) problems.push(`dialogs opened: ${dialogs.join(' | ')}`);

    const summary = [
      `search quality over ${judgments.length} judged queries`,
      `  recall     ${percent(figures.listed, figures.holding)} documents holding a query listed as complete results`,
      `  precision  ${figures.falseComplete} complete results lacking a word`,
      `  first      ${percent(figures.first[0], figures.first[1])} queries whose first result is the judged one`,
      `  landing    ${percent(figures.landing[0], figures.landing[1])} queries whose first result opens the judged section`,
      `  issuer     ${percent(figures.issuer[0], figures.issuer[1])} queries naming a body whose first result says which`,
      `  no answer  ${percent(figures.noAnswer[0], figures.noAnswer[1])} queries no document holds that say 没有找到`,
      `  include misses ${figures.include}, exclude misses ${figures.exclude}`,
      `  by kind    ${[...byKind].map(([name, { judged, right }]) => `${name} ${right}/${judged}`).join(', ')}`,
      ...(problems.length > 0 ? [`${problems.length} problems:`, ...problems.map((problem) => `  - ${problem}`)] : ['problems: none']),
    ].join('\n');
    console.log(summary);
    testInfo.annotations.push({ type: 'search quality', description: summary.split('\n').slice(1, 9).join(';') });
    expect(problems, summary).toEqual([]);
  });

  test('documents naming the query in a title come first, across every loaded result', async ({ page }) => {
    await openSearch(page);
    const problems: string[] = [];
    for (const query of ['工业', '有色金属', '节能降碳', '绿色']) {
      const words = queryWords(query, variants);
      const titled = new Set(
        documents
          .filter(({ sections }) => sections.some((section) => isTitleSection(section) && words.every((word) => section.normalized.includes(word))))
          .map(({ id }) => id),
      );
      const { exact } = await ask(page, query);
      const order = ids(exact);
      // The test means something only if the query has documents of both kinds.
      expect(titled.size, `${query}: documents naming it in a title`).toBeGreaterThan(0);
      expect(order.length, `${query}: complete results`).toBeGreaterThan(titled.size);
      const firstUntitled = order.findIndex((id) => !titled.has(id));
      const lateTitled = order.slice(firstUntitled).filter((id) => titled.has(id));
      if (lateTitled.length > 0) problems.push(`${query}: ${lateTitled.join(', ')} named in a title but after ${order[firstUntitled]} (order: ${order.join(', ')})`);
    }
    expect(problems, problems.join('\n')).toEqual([]);
  });

  test('a query no document holds says 没有找到, and 相关结果 lists only documents holding every character', async ({ page }) => {
    const dialogs = await openSearch(page);
    const problems: string[] = [];
    for (const query of ['钛合金', '竖罐炼铝', "'; DROP TABLE policies; --"]) {
      const words = queryWords(query, variants);
      expect(holders(words), query).toEqual([]);
      const characters = [...new Set(words.join(''))];
      const { status, exact, related } = await ask(page, query);
      if (status !== `没有找到包含“${query}”的文件`) problems.push(`${query}: status “${status}”`);
      if (exact.length > 0) problems.push(`${query}: complete results ${ids(exact).join(', ')}`);
      for (const { id } of related) {
        const text = documents.find((document) => document.id === id)!.sections.map((section) => section.normalized).join('');
        const absent = characters.filter((character) => !text.includes(character));
        if (absent.length > 0) problems.push(`${query}: 相关结果 ${id} lacks ${absent.join('')}`);
      }
    }
    expect(dialogs, 'dialogs').toEqual([]);
    expect(problems, problems.join('\n')).toEqual([]);
  });
});
