/** One thing wrong with one content file. */
export interface ContentProblem {
  /** Path of the file, relative to the project root. */
  file: string;
  /** Line in the file, when the problem sits in a body block. */
  line?: number;
  /** The field, e.g. `issuers[2]` or `clauses[1] "supply-capacity" → topics`. */
  field: string;
  /** What is wrong and what is expected. */
  message: string;
}

/** Thrown when content is invalid; its message lists every problem, one per line. */
export class ContentError extends Error {
  readonly problems: ContentProblem[];

  constructor(problems: ContentProblem[]) {
    super(`${headline(problems.length)}:\n${problems.map(formatProblem).join('\n')}`);
    this.name = 'ContentError';
    this.problems = problems;
    // Where in the loader the problem was found is of no use to whoever edits the content.
    this.stack = this.message;
  }

  /**
   * The headline alone. Astro's error printer adds a hint about browser APIs when toString()
   * holds "document" or "window", as a field such as documentNumber does; it prints the message,
   * which keeps the full list.
   */
  override toString(): string {
    return `${this.name}: ${headline(this.problems.length)}`;
  }
}

function headline(count: number): string {
  return `Invalid content (${count} problem${count === 1 ? '' : 's'}); nothing was published`;
}

/** Formats a problem as `file:line  field: message`. */
export function formatProblem({ file, line, field, message }: ContentProblem): string {
  return `  ${file}${line ? `:${line}` : ''}  ${field}: ${message}`;
}
