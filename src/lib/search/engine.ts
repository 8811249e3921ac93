/**
 * Pagefind on the search page, loaded when first needed: the engine that answers queries, a second
 * instance that counts results per facet in a large collection, each result's search record
 * (fetched once per page visit), and whether a query token is in the index at all.
 */
import { searchRecordFile, type SearchRecord } from './sections';

/** A candidate Pagefind returns. */
export interface PagefindResult {
  /** Pagefind's id of the page, which names the document's search record. */
  id: string;
}

/** Pagefind's answer to a search. */
export interface PagefindResponse {
  results: PagefindResult[];
  filters: Record<string, Record<string, number>>;
}

/** The part of Pagefind's JS API the page uses. */
export interface Pagefind {
  options: (options: { ranking: { pageLength: number }; noWorker?: boolean }) => Promise<void>;
  init: () => Promise<void>;
  /** Loads the filter index; after it, every search response carries filter counts. */
  filters: () => Promise<unknown>;
  /** A null term lists every document (narrowed by the filters). */
  search: (term: string | null, options?: { filters?: Record<string, string>; sort?: Record<string, 'asc' | 'desc'> }) => Promise<PagefindResponse | null>;
}

/** Pagefind and the search records of one page visit. */
export class SearchEngine {
  private engine: Promise<Pagefind> | undefined;
  private countingEngine: Promise<Pagefind> | undefined;
  private readonly records = new Map<string, Promise<SearchRecord>>();
  /** Whether the index holds a token, asked once per page visit (lacksToken). */
  private readonly tokensPresent = new Map<string, Promise<boolean>>();

  /** `smallCollection`: facet counts come from the main engine (see counter). */
  constructor(
    private readonly base: string,
    private readonly smallCollection: boolean,
  ) {}

  /** Starts Pagefind; a different `copy` is a separate instance of it (the module under another URL). */
  private start(copy = ''): Promise<Pagefind> {
    return import(/* @vite-ignore */ `${this.base}pagefind/pagefind.js${copy}`).then(async (engine: Pagefind) => {
      // Each section lists a token once, so a longer document holds a query in more sections and
      // should rank no lower for its length: Pagefind's default would put the shortest documents first.
      // The engine that answers queries runs on the page: a search is a few milliseconds of
      // WebAssembly, and Pagefind's web worker would add its own script to download and a message
      // round trip to every index chunk and every search. The counting copy keeps the worker, as its
      // searches are slow once the filters are loaded and must not hold up the page.
      await engine.options({ ranking: { pageLength: 0 }, noWorker: copy === '' });
      await engine.init();
      return engine;
    });
  }

  /** The engine that answers queries (started once; a failed start is tried again next time). */
  main(): Promise<Pagefind> {
    return (this.engine ??= this.start().catch((error: unknown) => {
      this.engine = undefined;
      throw error;
    }));
  }

  /**
   * The engine that counts results per facet. Facet counts need Pagefind's filter index, and once it
   * is loaded every search counts its results per filter value, which makes a search several times
   * slower at a few thousand documents. A small collection counts with its searches; a large one
   * counts in a second instance of Pagefind, so that the results never wait for the counts.
   */
  counter(): Promise<Pagefind> {
    return (this.countingEngine ??= (this.smallCollection ? this.main() : this.start('?facet-counts'))
      .then(async (engine) => {
        await engine.filters();
        return engine;
      })
      .catch((error: unknown) => {
        this.countingEngine = undefined;
        throw error;
      }));
  }

  /** A result's search record, fetched once per page visit. */
  record(result: PagefindResult): Promise<SearchRecord> {
    let record = this.records.get(result.id);
    if (!record) {
      const url = this.base + searchRecordFile(result.id);
      record = fetch(url).then(async (response) => {
        if (!response.ok) throw new Error(`${url}: ${response.status}`);
        return (await response.json()) as SearchRecord;
      });
      record.catch(() => this.records.delete(result.id));
      this.records.set(result.id, record);
    }
    return record;
  }

  /**
   * Whether a token of the query is in no document at all. Pagefind leaves such a token out of the
   * search instead of finding nothing, so the candidates hold the rest of the query only, and no
   * document can hold the word the token comes from. Each token is searched alone (its index chunk is
   * loaded already) once per page visit; only a paged collection asks, where this spares checking
   * candidates in vain, and only when a first batch of candidates holds no result (a document
   * holding the query holds all its tokens), so that a query with results never waits for it.
   */
  async lacksToken(term: string): Promise<boolean> {
    const tokens = [...new Set(term.split(' '))];
    if (tokens.length < 2) return false;
    const engine = await this.main();
    const present = (token: string) => {
      let answer = this.tokensPresent.get(token);
      if (!answer) {
        answer = engine.search(token).then((response) => (response?.results.length ?? 1) > 0);
        answer.catch(() => this.tokensPresent.delete(token));
        this.tokensPresent.set(token, answer);
      }
      return answer;
    };
    return Promise.all(tokens.map(present)).then(
      (answers) => answers.includes(false),
      () => false,
    );
  }
}
