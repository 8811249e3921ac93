/**
 * Paging through a query's candidates on the search page: which candidates to check next, where the
 * newly checked results go, and what the status line may claim. Pagefind finds the documents that
 * hold the query's character pairs; each candidate's record must be downloaded to know whether it
 * holds the query itself (rank.ts), so a large collection is checked a batch at a time. No DOM and
 * no network here: the page passes the function that fetches and checks a batch.
 */

/** Results a page adds, and the size of a batch of candidates checked together. */
export const PAGE_SIZE = 10;
/** At most this many candidates (two batches) are checked per search or per 显示更多 click. */
export const STEP_LIMIT = 2 * PAGE_SIZE;

/** How a checked candidate answers the query (rank.ts's Assessment), and whether it is the report's overview rather than a document. */
export interface Checked {
  assessment: { complete: boolean; related: boolean; score: number };
  overview?: boolean;
}

/** What one step adds below the results already shown. */
export interface Step<R> {
  /** New complete results, for the end of the exact list. */
  complete: R[];
  /** New related results, for the end of the 相关结果 list. */
  related: R[];
}

/**
 * One query's candidates, in Pagefind's order, checked step by step. A step checks every remaining
 * candidate when they are no more than STEP_LIMIT (so a small collection is ranked and counted
 * exactly at once), otherwise a batch of PAGE_SIZE, and a second one if the first yields fewer than
 * a page of complete results. What a step finds goes below what is shown: results the reader has
 * seen never move.
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

  /** `rank`: order each step's complete results by score (relevance); otherwise keep Pagefind's order (a date sort). */
  constructor(
    candidates: readonly C[],
    private readonly rank: boolean,
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

  /**
   * Checks the next candidates with `check` (which resolves to undefined when its answer is no longer
   * wanted, and then so does the step). A step already running makes another one do nothing.
   * A batch that fails to load goes back to the unchecked candidates, and the error is thrown.
   */
  async next(check: (batch: C[]) => Promise<R[] | undefined>): Promise<Step<R> | undefined> {
    if (this.stepping) return undefined;
    this.stepping = true;
    try {
      const step: Step<R> = { complete: [], related: [] };
      for (let budget = STEP_LIMIT; this.pending.length > 0 && budget > 0 && step.complete.length < PAGE_SIZE; ) {
        const batch = this.pending.splice(0, this.pending.length <= budget ? this.pending.length : PAGE_SIZE);
        budget -= batch.length;
        let results: R[] | undefined;
        try {
          results = await check(batch);
        } catch (error) {
          this.pending.unshift(...batch);
          throw error;
        }
        if (!results) return undefined;
        this.checked += batch.length;
        step.complete.push(...results.filter((result) => result.assessment.complete));
        step.related.push(...results.filter((result) => result.assessment.related && !result.overview));
      }
      // Stable: equal scores keep Pagefind's order.
      if (this.rank) step.complete.sort((a, b) => b.assessment.score - a.assessment.score);
      this.complete += step.complete.filter((result) => !result.overview).length;
      this.overview ||= step.complete.some((result) => result.overview);
      this.related += step.related.length;
      return step;
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
