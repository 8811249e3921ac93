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
    super(
      `Invalid content (${problems.length} problem${problems.length === 1 ? '' : 's'}); nothing was published:\n` +
        problems.map(formatProblem).join('\n'),
    );
    this.name = 'ContentError';
    this.problems = problems;
    // Where in the loader the problem was found is of no use to whoever edits the content.
    this.stack = this.message;
  }
}

/** Formats a problem as `file:line  field: message`. */
export function formatProblem({ file, line, field, message }: ContentProblem): string {
  return `  ${file}${line ? `:${line}` : ''}  ${field}: ${message}`;
}
