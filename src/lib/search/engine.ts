/**
 * Pagefind on the search page, loaded when first needed: the engine that answers queries, a second
 * instance that counts results per facet in a large collection, the search records (a small
 * collection's all at once, a larger one's each when first checked, once per page visit), and
 * whether a query token is in the index at all.
 */
import { decodeRecord, recordsInOneFile, SEARCH_RECORDS_FILE, searchRecordFile, type PublishedRecord, type SearchRecord } from './sections';

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
  /** Downloads the index chunks a search for the term reads, and searches nothing. */
  preload: (term: string) => Promise<void>;
}

/**
 * Up to this many documents, the facet counts load with the results (Pagefind's filter index is a few
 * KB, and counting slows no search); a larger collection counts when the reader opens the facet box.
 */
const SMALL_COLLECTION = 100;

/** A JSON file of the site. */
async function fetchJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return (await response.json()) as T;
}

/** Pagefind and the search records of one page visit. */
export class SearchEngine {
  private engine: Promise<Pagefind> | undefined;
  private countingEngine: Promise<Pagefind> | undefined;
  private readonly records = new Map<string, Promise<SearchRecord>>();
  /** A small collection's records, all in one file (sections.ts). */
  private everyRecord: Promise<Record<string, PublishedRecord>> | undefined;
  /** Whether the index holds a token, asked once per page visit (lacksToken). */
  private readonly tokensPresent = new Map<string, Promise<boolean>>();
  /** Facets are counted with every search (see counter), and shown open on a wide screen. */
  readonly smallCollection: boolean;
  /** The records come in one file (a small collection), not one request each. */
  readonly recordsInOneFile: boolean;

  /** `documents`: how many the collection has, which decides how facets are counted (see counter) and how records are fetched. */
  constructor(
    private readonly base: string,
    documents: number,
  ) {
    this.smallCollection = documents <= SMALL_COLLECTION;
    this.recordsInOneFile = recordsInOneFile(documents);
  }

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

  /**
   * Downloads the index chunks of a query the reader is still typing: the page waits a moment
   * after each keystroke before it searches, and the chunks, most of a query's time, load meanwhile.
   */
  preload(term: string): void {
    this.main()
      .then((engine) => engine.preload(term))
      .catch(() => undefined);
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
      const published = this.recordsInOneFile
        ? this.allRecords().then((records) => records[result.id] ?? Promise.reject(new Error(`${SEARCH_RECORDS_FILE} holds no record ${result.id}`)))
        : fetchJson<PublishedRecord>(this.base + searchRecordFile(result.id));
      record = published.then(decodeRecord);
      record.catch(() => this.records.delete(result.id));
      this.records.set(result.id, record);
    }
    return record;
  }

  /** A small collection's records, from their one file (fetched once; a failed fetch is tried again next time). */
  private allRecords(): Promise<Record<string, PublishedRecord>> {
    return (this.everyRecord ??= fetchJson<Record<string, PublishedRecord>>(this.base + SEARCH_RECORDS_FILE).catch((error: unknown) => {
      this.everyRecord = undefined;
      throw error;
    }));
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
