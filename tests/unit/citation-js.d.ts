// citation-js ships no types; the tests read its parsed records only.
declare module '@citation-js/core' {
  export class Cite {
    constructor(input: unknown);
    data: Record<string, unknown>[];
  }
}
declare module '@citation-js/plugin-ris';
