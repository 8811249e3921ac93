import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { overviewPageIds, policyPageIds } from '../../src/schemas/page-ids';

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));

/** The .astro files under a folder of the project, as paths relative to the project. */
function astroFiles(folder: string): string[] {
  return readdirSync(join(projectRoot, folder), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.astro'))
    .map((entry) => relative(projectRoot, join(entry.parentPath, entry.name)))
    .sort();
}

/** The ids a file writes: literal ones (`id="x"`, or a default prop `id = 'x'`) and expressions (`id={…}`). */
function idsIn(file: string): { literal: string[]; dynamic: string[] } {
  const source = readFileSync(join(projectRoot, file), 'utf8');
  const literal = [...source.matchAll(/\bid="([^"]+)"|\bid = '([^']+)'/g)].map((match) => match[1] ?? match[2]);
  const dynamic: string[] = [];
  for (const match of source.matchAll(/\bid=\{/g)) {
    // The expression up to its closing brace, nested braces (`${…}`) included.
    let depth = 1;
    let end = match.index + match[0].length;
    for (; depth > 0 && end < source.length; end += 1) depth += source[end] === '{' ? 1 : source[end] === '}' ? -1 : 0;
    dynamic.push(source.slice(match.index + match[0].length, end - 1));
  }
  return { literal, dynamic };
}

/**
 * Ids built from values, and why none of them can take an id listed in page-ids.ts. A new
 * expression fails the test until it is added here with its reason.
 */
const knownExpressions: Record<string, string> = {
  'src/components/ClauseBlock.astro clause.id': 'a clause id; the loader checks it against policyPageIds',
  'src/components/NarrativePassage.astro id': 'given by the page: a passage id, or an excerpt anchor "<policy>--<passage>"',
  'src/components/SearchBox.astro id': 'given by its caller as a literal (SiteHeader: "site-search")',
  'src/components/charts/ChartFrame.astro `${id}-title`': "derived from a chart's id, on pages without content ids",
  'src/components/charts/ChartFrame.astro `${id}-desc`': "derived from a chart's id, on pages without content ids",
  'src/components/charts/CoIssuanceChart.astro id': 'its default id is listed; no page passes another',
  'src/components/charts/TopicYearChart.astro id': 'its default id is listed; no page passes another',
  'src/pages/policies/[id].astro passage.id': 'a passage id; the loader checks it against policyPageIds',
  'src/pages/overview.astro paragraph.id': 'a paragraph id; the loader checks it against overviewPageIds',
  'src/pages/overview.astro section.id': 'a section id; the loader checks it against overviewPageIds',
  'src/pages/overview.astro `${section.id}-heading`': 'sectionHeadingId(); the loader checks paragraph and section ids against it',
  'src/pages/overview.astro excerptAnchor(excerpt.policy, excerpt.passage)': 'holds "--", which no content id can',
  'src/components/StatusGlossary.astro statusAnchor(state)': '"status-<state>", rendered on /about/ only, which has no content ids',
  'src/components/FormerIds.astro id': 'a former clause or excerpt id from content/redirects.yaml, which the redirects loader checks is no longer published',
};

const shared = [...astroFiles('src/components'), ...astroFiles('src/layouts')];
const policyRoutes = astroFiles('src/pages/policies');
const overviewRoute = ['src/pages/overview.astro'];

describe('ids the pages render themselves', () => {
  it('lists every literal id of the components and layouts, for both pages', () => {
    const missing = shared.flatMap((file) => idsIn(file).literal.filter((id) => !policyPageIds.has(id) || !overviewPageIds.has(id)).map((id) => `${file}: "${id}"`));
    expect(missing, 'add these ids to src/schemas/page-ids.ts').toEqual([]);
  });

  it('lists every literal id of the policy and clause pages', () => {
    expect(policyRoutes.length).toBeGreaterThanOrEqual(2);
    const missing = policyRoutes.flatMap((file) => idsIn(file).literal.filter((id) => !policyPageIds.has(id)).map((id) => `${file}: "${id}"`));
    expect(missing, 'add these ids to policyPageIds in src/schemas/page-ids.ts').toEqual([]);
  });

  it('lists every literal id of the overview page', () => {
    const missing = overviewRoute.flatMap((file) => idsIn(file).literal.filter((id) => !overviewPageIds.has(id)).map((id) => `${file}: "${id}"`));
    expect(missing, 'add these ids to overviewPageIds in src/schemas/page-ids.ts').toEqual([]);
  });

  it('lists no id that no page renders', () => {
    const rendered = new Set([...shared, ...policyRoutes, ...overviewRoute].flatMap((file) => idsIn(file).literal));
    expect([...policyPageIds, ...overviewPageIds].filter((id) => !rendered.has(id))).toEqual([]);
  });

  it('knows why no id built from a value can take a listed one', () => {
    const expressions = [...shared, ...policyRoutes, ...overviewRoute].flatMap((file) => idsIn(file).dynamic.map((expression) => `${file} ${expression}`));
    expect(expressions.filter((expression) => !(expression in knownExpressions)), 'explain each in knownExpressions').toEqual([]);
    expect(Object.keys(knownExpressions).filter((expression) => !expressions.includes(expression)), 'no longer in the code').toEqual([]);
  });
});
