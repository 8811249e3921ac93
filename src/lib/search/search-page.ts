/**
 * The search page in the browser: reads the query and filters from the URL, asks Pagefind for the
 * documents holding the query's character pairs, fetches their search records a batch at a time
 * (paging.ts), confirms and ranks them (rank.ts), and shows each as a link to the clause that holds
 * the query. Every string from the reader or the index reaches the page as text (textContent), never
 * as HTML.
 */
import type { Facet } from './facets';
import { appendMarked } from './highlight';
import { queryTokens, queryWords, type VariantMap } from './normalize';
import { FIRST_BATCH, moreLabel, NO_QUERY_LEAD, Paging, statusText, type Step } from './paging';
import { isFiltered, pagefindOptions, readSearchState, searchStateQuery, type SearchState, type SortOrder } from './query-state';
import { assessDocument, excerpt, type Assessment } from './rank';
import { SearchEngine, type Pagefind, type PagefindResponse, type PagefindResult } from './engine';
import { collectButton } from '../collection/collect-controls';
import { isClauseSection, ISSUER_LABEL, type SearchRecord } from './sections';

/** What the page embeds for this script. */
export interface SearchConfig {
  base: string;
  /** How many documents the site has: a small collection counts its facets with every search, and fetches its records in one file. */
  documents: number;
  variants: VariantMap;
  facets: Facet[];
}


interface Ranked {
  record: SearchRecord;
  assessment: Assessment;
  /** The report's overview, not a document (paging.ts counts it apart). */
  overview: boolean;
}

/** How a document stands when browsing: listed, with no text to quote. */
const LISTED: Assessment = { complete: true, related: false, issuers: [], score: 0 };
const DEBOUNCE_MS = 150;
/** A search still running after this long says so. */
const SEARCHING_NOTICE_MS = 300;

export function startSearchPage(root: HTMLElement, config: SearchConfig) {
  const form = root.querySelector<HTMLFormElement>('form[role="search"]')!;
  const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
  const sortSelect = form.querySelector<HTMLSelectElement>('select[name="sort"]')!;
  const relevanceOption = sortSelect.querySelector<HTMLOptionElement>('option[value="relevance"]')!;
  const status = root.querySelector<HTMLElement>('[data-search-status]')!;
  const facetsBox = root.querySelector<HTMLElement>('[data-search-facets]')!;
  const facetsDetails = root.querySelector<HTMLDetailsElement>('[data-search-facets-box]')!;
  const results = root.querySelector<HTMLElement>('[data-search-results]')!;
  const exactList = results.querySelector<HTMLOListElement>('[data-exact]')!;
  const relatedHeadings = results.querySelectorAll<HTMLElement>('[data-related-heading]');
  const relatedList = results.querySelector<HTMLOListElement>('[data-related]')!;
  const more = root.querySelector<HTMLButtonElement>('[data-search-more]')!;
  const empty = root.querySelector<HTMLElement>('[data-search-empty]')!;

  const pagefind = new SearchEngine(config.base, config.documents);
  let generation = 0;
  /** The current query's candidates, checked a step at a time. */
  let paging = new Paging<PagefindResult, Ranked>([], false);
  let words: string[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;



  /** Shows the facets with their counts for the current query, when the facet box is open. */
  async function updateFacetCounts(current: number) {
    if (facetsDetails.hidden || !facetsDetails.open) return;
    if (!facetsBox.hasChildNodes()) facetsBox.textContent = '正在统计…';
    try {
      const response = await (await pagefind.counter()).search(searchTerm(), searchOptions());
      if (current === generation && response) renderFacets(response.filters);
    } catch {
      if (current === generation) facetsBox.textContent = '筛选统计加载失败。';
    }
  }

  /** A filter is set. */
  const filtered = () => isFiltered(state);

  /** With no query but a filter, the page lists every document the filters leave (browsing, newest first). */
  const browsing = () => words.length === 0 && filtered();

  /** Pagefind's query: the words' character pairs, or null (every document) when browsing. */
  const searchTerm = () => (browsing() ? null : queryTokens(words));

  /** Pagefind's filter and sort options for the current state. */
  const searchOptions = () => pagefindOptions(state, config.facets, browsing());

  /** Takes the reader's change of query, filter or order, and searches again. */
  function update(change: Partial<SearchState>) {
    state = { ...state, ...change };
    void run({ writeUrl: true });
  }

  let state = readSearchState(location.search, config.facets);
  input.value = state.query;
  sortSelect.value = state.sort;
  // Facets stand open beside the results on wide screens and fold above them on phones; a large
  // collection opens them (and loads the counts) when the reader asks, or when a filter is set.
  facetsDetails.open = (pagefind.smallCollection && matchMedia('(min-width: 64rem)').matches) || filtered();
  facetsDetails.addEventListener('toggle', () => void updateFacetCounts(generation));

  function say(text: string) {
    status.textContent = text;
  }

  /** Empties the result lists (the results of the query before stay until the new ones replace them). */
  function clearResults() {
    exactList.replaceChildren();
    relatedList.replaceChildren();
    for (const element of relatedHeadings) element.hidden = true;
    more.hidden = true;
  }

  /**
   * Searches for the current state. `writeUrl`: the reader changed it, so the address bar follows,
   * once the page has answered: updating the URL makes the browser commit a navigation (and ask
   * for the page's icon again), which would otherwise hold up the results.
   */
  async function run({ writeUrl = false } = {}) {
    const current = ++generation;
    results.setAttribute('aria-busy', 'true');
    // Said only when the answer takes long enough to be waited for: a status that changes twice in a
    // few milliseconds only makes the page draw (and a screen reader speak) once more.
    const notice = setTimeout(() => current === generation && say('正在搜索…'), SEARCHING_NOTICE_MS);
    try {
      await search(current);
    } finally {
      clearTimeout(notice);
      if (current === generation) {
        results.removeAttribute('aria-busy');
        if (writeUrl) setTimeout(() => history.replaceState(null, '', searchStateQuery(state) || location.pathname));
      }
    }
  }

  async function search(current: number) {
    words = queryWords(state.query, config.variants);
    // Browsing lists the newest first: relevance means nothing without a query.
    relevanceOption.disabled = browsing();
    sortSelect.value = browsing() && state.sort === 'relevance' ? 'newest' : state.sort;
    empty.hidden = true;
    if (words.length === 0 && !browsing()) {
      clearResults();
      say('');
      facetsDetails.hidden = true;
      empty.hidden = false;
      renderEmpty('');
      return;
    }
    let engine: Pagefind;
    try {
      engine = await pagefind.main();
    } catch {
      if (current !== generation) return;
      clearResults();
      say('搜索索引加载失败。请检查网络后刷新页面重试，或按时间线浏览全部文件。');
      return;
    }
    const term = searchTerm();
    const response = await engine.search(term, searchOptions());
    if (current !== generation || !response) return;
    paging = new Paging(response.results, state.sort === 'relevance' && !browsing(), pagefind.recordsInOneFile ? Infinity : FIRST_BATCH);
    // With no results, the facets stay only to take a filter off.
    facetsDetails.hidden = response.results.length === 0 && !filtered();
    if (response.results.length === 0) showNothingFound();
    else await showMore(current, { first: true, lacksToken: term !== null && paging.paged ? () => pagefind.lacksToken(term) : undefined });
    void updateFacetCounts(current);
  }


  function showNothingFound() {
    clearResults();
    say(browsing() ? '没有找到符合筛选条件的文件' : `没有找到包含“${state.query}”的文件`);
    empty.hidden = false;
    renderEmpty(state.query);
  }

  /**
   * Downloads and checks the next candidates (paging.ts), and adds the results found below those
   * shown. On a query's `first` step, they replace the results of the query before; and when its
   * first batch holds no complete result, `lacksToken` tells whether a word of the query is in no
   * document, and then no further candidate is checked.
   */
  async function showMore(current: number, { first = false, lacksToken }: { first?: boolean; lacksToken?: () => Promise<boolean> } = {}) {
    const check = async (batch: PagefindResult[]): Promise<Ranked[] | undefined> => {
      const loaded = await Promise.all(batch.map((result) => pagefind.record(result)));
      if (current !== generation) return undefined;
      const checked = loaded.map((record) => ({ record, assessment: browsing() ? LISTED : assessDocument(record.sections, words), overview: record.kind === 'overview' }));
      // A document holding the whole query holds all its tokens; only a batch without one asks.
      const lacking = lacksToken && !checked.some((result) => result.assessment.complete) && (await lacksToken());
      lacksToken = undefined;
      if (current !== generation) return undefined;
      if (lacking) {
        paging.ruleOut();
        return [];
      }
      return checked;
    };
    let cleared = !first;
    const related: Ranked[] = [];
    const show = (batch: Step<Ranked>, done: boolean) => {
      if (current !== generation) return;
      related.push(...batch.related);
      // Until a result is found, batches wait for the end of the step: the status line would claim too early that none was.
      if (!done && paging.complete === 0 && !paging.overview) return;
      if (!cleared) clearResults();
      cleared = true;
      exactList.append(...batch.complete.map(renderResult));
      relatedList.append(...related.splice(0).map(renderResult));
      for (const element of relatedHeadings) element.hidden = paging.related === 0;
      const progress = { query: state.query, browsing: browsing(), checked: paging.checked, unchecked: paging.unchecked, complete: paging.complete, overview: paging.overview, related: paging.related };
      // The button changes at the end of the step (a click during one does nothing).
      if (done) {
        const label = moreLabel(progress);
        more.hidden = label === undefined;
        if (label) more.textContent = label;
      }
      // Every candidate checked and none holds the query: the empty state offers other ways in.
      if (paging.complete === 0 && !paging.overview && paging.unchecked === 0) showNothingFound();
      else say(statusText(progress));
    };
    try {
      await paging.next(check, show);
    } catch {
      if (current !== generation) return;
      if (!cleared) clearResults();
      say('搜索结果加载失败。请检查网络后重试。');
    }
  }

  function renderResult({ record, assessment }: Ranked): HTMLLIElement {
    const item = document.createElement('li');
    item.className = 'card';
    const best = assessment.best;
    const target = new URL(record.url, location.href);
    for (const word of words) target.searchParams.append('hl', word);
    target.hash = best?.section.anchor ?? '';

    const heading = document.createElement('h3');
    heading.className = 'text-lg font-semibold';
    const link = document.createElement('a');
    link.href = target.pathname + target.search + target.hash;
    link.textContent = record.title;
    heading.append(link);

    // Which issuing body the query named (MIIT, 发改委…), when it did: in place of the label of that body's section.
    const issuers = assessment.issuers.length > 0 ? `${ISSUER_LABEL}：${assessment.issuers.join('、')}` : undefined;
    const label = issuers && best?.section.issuer ? undefined : best?.section.label;
    const details = document.createElement('p');
    details.className = 'text-sm text-muted';
    details.textContent = [record.documentNumber, record.date, label, issuers].filter(Boolean).join(' · ');

    item.append(heading, details);
    if (best) {
      const quote = excerpt(best);
      const paragraph = document.createElement('p');
      paragraph.className = 'mt-1';
      if (quote.cutStart) paragraph.append('…');
      appendMarked(paragraph, quote.text, quote.ranges);
      if (quote.cutEnd) paragraph.append('…');
      item.append(paragraph);
    }
    // 加入引用夹 for the clause the result links to, or for the document.
    const policyId = /\/policies\/([a-z0-9-]+)\/$/.exec(new URL(record.url, location.href).pathname)?.[1];
    if (policyId) {
      const clause = best && isClauseSection(best.section) ? best.section : undefined;
      const controls = document.createElement('p');
      controls.className = 'mt-2';
      controls.append(collectButton(clause ? `${policyId}.${clause.anchor}` : policyId, clause?.label ?? record.title));
      item.append(controls);
    }
    return item;
  }

  function renderFacets(counts: PagefindResponse['filters']) {
    facetsBox.replaceChildren();
    for (const facet of config.facets) {
      const count = (option: Facet['values'][number]) => counts[facet.key]?.[option.indexValue] ?? 0;
      const options = facet.values
        .filter((option) => count(option) > 0 || state.filters[facet.key] === option.value)
        .sort((a, b) => (facet.key === 'year' ? 0 : count(b) - count(a)));
      if (options.length === 0) continue;
      const group = document.createElement('fieldset');
      group.className = 'mt-3';
      const legend = document.createElement('legend');
      legend.className = 'text-sm text-muted';
      legend.textContent = facet.label;
      const list = document.createElement('div');
      list.className = 'mt-1 flex flex-wrap gap-2';
      for (const option of options) {
        const button = document.createElement('button');
        button.type = 'button';
        button.className = 'chip';
        const pressed = state.filters[facet.key] === option.value;
        button.setAttribute('aria-pressed', String(pressed));
        button.textContent = `${option.label} `;
        const countLabel = document.createElement('span');
        countLabel.className = 'text-muted';
        countLabel.textContent = String(count(option));
        button.append(countLabel);
        button.addEventListener('click', () => {
          update({ filters: { ...state.filters, [facet.key]: pressed ? undefined : option.value } });
        });
        list.append(button);
      }
      group.append(legend, list);
      facetsBox.append(group);
    }
    // Results in the overview alone (which is filed under no facet) leave nothing to filter by.
    facetsDetails.hidden = !facetsBox.hasChildNodes() && !filtered();
  }

  function renderEmpty(query: string) {
    const lead = empty.querySelector<HTMLElement>('[data-empty-lead]')!;
    lead.textContent = query
      ? `没有找到包含“${query}”的文件。可以减少关键词、去掉筛选条件，或换一个说法：`
      : NO_QUERY_LEAD;
  }

  function searchSoon() {
    clearTimeout(timer);
    const typed = queryWords(input.value.trim(), config.variants);
    if (typed.length > 0) pagefind.preload(queryTokens(typed));
    timer = setTimeout(() => update({ query: input.value.trim() }), DEBOUNCE_MS);
  }
  // While an input method composes (pinyin letters before a character is chosen), the box holds
  // letters the reader is not searching for: the search waits for the composed text.
  input.addEventListener('input', (event) => {
    if (!(event as InputEvent).isComposing) searchSoon();
  });
  input.addEventListener('compositionend', searchSoon);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(timer);
    update({ query: input.value.trim() });
  });
  sortSelect.addEventListener('change', () => update({ sort: sortSelect.value as SortOrder }));
  more.addEventListener('click', async () => {
    const current = generation;
    results.setAttribute('aria-busy', 'true');
    await showMore(current);
    if (current === generation) results.removeAttribute('aria-busy');
  });
  // The engine loads while the reader is about to type (or at once for a query in the URL), so the
  // first query does not wait for it and a visit that never searches downloads none of it.
  const warmUp = () => void pagefind.main().catch(() => undefined);
  for (const event of ['focus', 'pointerenter', 'touchstart']) input.addEventListener(event, warmUp, { once: true, passive: true });
  void run();
}
