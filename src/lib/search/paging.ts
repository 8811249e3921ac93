/**
 * Paging through a query's candidates on the search page: which candidates to check next, where the
 * newly checked results go, and what the status line may claim. Pagefind finds the documents that
 * hold the query's character pairs; each candidate's record must be downloaded to know whether it
 * holds the query itself (rank.ts), so a large collection is checked a batch at a time. No DOM and
 * no network here: the page passes the function that fetches and checks a batch.
 */

/** Results a page adds, and the size of a batch of candidates checked together. */
export const PAGE_SIZE = 10;
/** At most this many candidates (two pages' worth) are checked per search or per 显示更多 click. */
export const STEP_LIMIT = 2 * PAGE_SIZE;
/**
 * Where each candidate's record is a request of its own (a large collection), a step checks this
 * many first and shows what they hold, before it checks more for the rest of the page: each request
 * costs the browser a few milliseconds, so the first results are shown after two requests rather
 * than ten, and the rest of the first page follows a few tens of milliseconds later.
 */
export const FIRST_BATCH = 2;

/** How a checked candidate answers the query (rank.ts's Assessment), and whether it is the report's overview rather than a document. */
export interface Checked {
  assessment: { complete: boolean; related: boolean; score: number };
  overview?: boolean;
}

/** What one batch of a step adds below the results already shown. */
export interface Step<R> {
  /** New complete results, for the end of the exact list. */
  complete: R[];
  /** New related results, for the end of the 相关结果 list. */
  related: R[];
}

/**
 * One query's candidates, in Pagefind's order, checked step by step. A step checks at most
 * STEP_LIMIT candidates, a batch at a time, until it has found a page of complete results: first
 * `firstBatch` of them (or every remaining candidate when they fit in the step, so that a small
 * collection is ranked and counted exactly at once); then every remaining candidate when they fit
 * in what the step may still check, else, having found nothing yet, the rest of the step (a query
 * no document holds costs two rounds), or what the page still lacks. Each batch's results are
 * shown as soon as it is checked, below what is shown already: results the reader has seen never move.
 */
export class Paging<C, R extends Checked> {
  private readonly pending: C[];
  private stepping = false;
  /** Candidates checked so far. */
  checked = 0;
  /** Complete results found (and shown) so far: documents. */
  complete = 0;
  /** The report's overview holds the query (it is shown among the complete results, and is no document: counted apart). */
  overview = false;
  /** Related results found so far (documents only: the overview is a result when it holds the query, or none). */
  related = 0;

  /**
   * `rank`: order each batch's complete results by score (relevance); otherwise keep Pagefind's order (a date sort).
   * `firstBatch`: how many candidates a step checks first, where each costs a request and the
   * reader's first results should not wait for a whole page of them.
   */
  constructor(
    candidates: readonly C[],
    private readonly rank: boolean,
    private readonly firstBatch = Infinity,
  ) {
    this.pending = [...candidates];
  }

  /** Candidates not yet checked. */
  get unchecked(): number {
    return this.pending.length;
  }

  /** More candidates than one step checks: the collection is paged, and its counts estimated until the end. */
  get paged(): boolean {
    return this.checked + this.pending.length > STEP_LIMIT;
  }

  /** No remaining candidate can hold the query (e.g. a word of it is in no document): stop checking. */
  ruleOut(): void {
    this.pending.length = 0;
  }

  /** Whether a step checks another batch, with `budget` candidates left to check and `found` complete results so far. */
  private continues(budget: number, found: number): boolean {
    return this.pending.length > 0 && budget > 0 && found < PAGE_SIZE;
  }

  /** How many candidates the next batch of a step takes, with `budget` left to check and `found` complete results so far. */
  private batchSize(budget: number, found: number, first: boolean): number {
    const rest = this.pending.length <= budget;
    if (first) return rest && this.pending.length <= this.firstBatch ? this.pending.length : Math.min(this.firstBatch, PAGE_SIZE);
    return rest ? this.pending.length : found === 0 ? budget : Math.min(budget, PAGE_SIZE - found);
  }

  /**
   * Checks the next candidates with `check` (which resolves to undefined when its answer is no longer
   * wanted, and then the step ends), passing each batch's new results to `show`, with whether the
   * step is done (no batch follows). Resolves to false when the step ended that way or another step
   * was running (a step already running makes another one do nothing). A batch that fails to load
   * goes back to the unchecked candidates, and the error is thrown.
   */
  async next(check: (batch: C[]) => Promise<R[] | undefined>, show: (batch: Step<R>, done: boolean) => void): Promise<boolean> {
    if (this.stepping) return false;
    this.stepping = true;
    try {
      let found = 0;
      for (let budget = STEP_LIMIT, first = true; this.continues(budget, found); first = false) {
        const batch = this.pending.splice(0, this.batchSize(budget, found, first));
        budget -= batch.length;
        let results: R[] | undefined;
        try {
          results = await check(batch);
        } catch (error) {
          this.pending.unshift(...batch);
          throw error;
        }
        if (!results) return false;
        this.checked += batch.length;
        const complete = results.filter((result) => result.assessment.complete);
        // Stable: equal scores keep Pagefind's order.
        if (this.rank) complete.sort((a, b) => b.assessment.score - a.assessment.score);
        const related = results.filter((result) => result.assessment.related && !result.overview);
        found += complete.length;
        this.complete += complete.filter((result) => !result.overview).length;
        this.overview ||= complete.some((result) => result.overview);
        this.related += related.length;
        show({ complete, related }, !this.continues(budget, found));
      }
      return true;
    } finally {
      this.stepping = false;
    }
  }
}

/** What the empty state says before any query (the search page renders it, the script writes it back). */
export const NO_QUERY_LEAD = '输入关键词开始搜索，例如：';

/** What the status line and the button below the results say. */
export interface Progress {
  /** The query as typed (shown in quotes). */
  query: string;
  /** No query, a filter: every candidate is a result, so the count is exact from the start. */
  browsing: boolean;
  checked: number;
  unchecked: number;
  /** Complete results shown: documents. */
  complete: number;
  /** The report's overview is among the results shown. */
  overview: boolean;
  /** Related results shown. */
  related: number;
}

/**
 * The status line. It states an exact count only when every candidate is checked (or browsing, where
 * every candidate is a result); before that, the count is an estimate, the confirmed results plus the
 * unchecked candidates, and says so. The report's overview, when it holds the query, is named apart
 * from the documents (及报告综述), or alone when no document holds it.
 */
export function statusText({ query, browsing, checked, unchecked, complete, overview, related }: Progress): string {
  if (browsing) {
    if (complete + unchecked === 0) return '没有找到符合筛选条件的文件';
    return `找到 ${complete + unchecked} 份文件${unchecked > 0 ? `，已显示 ${complete} 份` : ''}`;
  }
  const alsoOverview = overview ? '及报告综述' : '';
  const alsoRelated = related > 0 ? `，另有 ${related} 份相关结果` : '';
  if (complete === 0 && overview) return unchecked > 0 ? `只在报告综述中找到“${query}”，还有 ${unchecked} 份候选文件未查看` : `只在报告综述中找到“${query}”${alsoRelated}`;
  if (complete === 0) return unchecked > 0 ? `前 ${checked} 份候选文件中没有包含“${query}”的文件` : `没有找到包含“${query}”的文件`;
  if (unchecked > 0) return `找到约 ${complete + unchecked} 份文件，已显示 ${complete} 份${alsoOverview}`;
  return `找到 ${complete} 份文件${alsoOverview}${alsoRelated}`;
}

/** The label of the button that checks more candidates, or undefined when none remain (no button). */
export function moreLabel({ unchecked, complete }: Progress): string | undefined {
  if (unchecked === 0) return undefined;
  return complete === 0 ? '继续查找' : '显示更多';
}
