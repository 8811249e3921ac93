/**
 * The ids the pages render themselves, which a content id (a clause, a narrative passage, an
 * overview paragraph or section) may not take: two elements with one id break the anchor links.
 * tests/unit/page-ids.test.ts reads the components, the layouts and the two routes, and fails
 * when one of them renders an id that is not listed here.
 */

/** Ids of the frame and of the components (every page may carry them). */
const componentIds = [
  // BaseLayout, SiteHeader (with its SearchBox), ThemeToggle
  'main-content',
  'site-search',
  'theme-toggle',
  // PolicyMeta, CitationPanel, EditorialNotes
  'metadata',
  'cite',
  'citation-gbt',
  'citation-plain',
  'notes',
  'notes-heading',
  // TimelineFilters and the two charts
  'filters-heading',
  'co-issuance-chart',
  'topic-year-chart',
] as const;

/** Ids the policy page (`/policies/<id>/`) and the clause page render; clause and passage ids may not take them. */
export const policyPageIds: ReadonlySet<string> = new Set([
  ...componentIds,
  'clauses',
  'clauses-heading',
  'narrative',
  'narrative-heading',
  'related-heading',
]);

/** Ids the overview page (`/overview/`) renders; paragraph and section ids may not take them. */
export const overviewPageIds: ReadonlySet<string> = new Set([...componentIds, 'table-1', 'table-1-heading']);

/**
 * The id of a section's heading on /overview/ (overview.astro writes `${section.id}-heading`).
 * A quoted passage's anchor there, `<policy>--<passage>`, holds "--", which no content id can.
 */
export function sectionHeadingId(sectionId: string): string {
  return `${sectionId}-heading`;
}
