/**
 * Reads and checks `content/redirects.yaml`: where the addresses that were published and are no
 * longer (a renamed document, a renamed clause) lead now. Every entry is checked against the
 * content: its `to` must be a page or anchor the site publishes, its `from` must be neither.
 * Problems are reported like the rest of the content (file, entry, field, what is expected).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { z } from 'astro/zod';
import { parse as parseYaml } from 'yaml';
import { siteAnchors } from '../lib/site/anchors';
import { sitePagePaths } from '../lib/site/pages';
import { SITE_BASE } from '../lib/site/identity';
import { anchorOf, pageOf, redirectSchema, type Redirect } from '../schemas/redirect';
import { contentDir as buildContentDir, loadedCorpus } from './astro-loaders';
import { ContentError, type ContentProblem } from './content-error';
import type { Corpus } from './load-corpus';

/** The file, in the content folder. */
export const REDIRECTS_FILE = 'redirects.yaml';

/** The pages and anchors the content publishes, as site paths without the deploy base. */
export interface PublishedSite {
  pages: Set<string>;
  anchors: Map<string, Set<string>>;
  /** The clause ids of each document, by document id. */
  clauses: Map<string, string[]>;
}

/** What a corpus publishes: the page list of src/lib/site/pages.ts and the anchors of src/lib/site/anchors.ts. */
export function publishedSite(corpus: Corpus): PublishedSite {
  const paths = sitePagePaths({
    policies: corpus.policies.map(({ id, data }) => ({ id, ...data })),
    ministryIds: corpus.ministries.map((ministry) => ministry.id),
    topicIds: corpus.topics.map((topic) => topic.id),
  });
  return {
    pages: new Set(paths.map((path) => '/' + path.slice(SITE_BASE.length))),
    anchors: new Map(Object.entries(siteAnchors(corpus)).map(([page, ids]) => [page, new Set(ids)])),
    clauses: new Map(corpus.policies.map(({ id, data }) => [id, data.clauses.map((clause) => clause.id)])),
  };
}

/** `/policies/<id>/` → the id; undefined for any other path. */
export const documentIdOf = (page: string): string | undefined => /^\/policies\/([^/#]+)\/$/.exec(page)?.[1];

/**
 * The redirects of `<root>/<contentDir>/redirects.yaml` (none when the file is missing or holds
 * no entry), checked against what `corpus` publishes. Throws a ContentError listing every problem.
 */
export function loadRedirects(root: string, contentDir: string, corpus: Corpus): Redirect[] {
  const path = join(root, contentDir, REDIRECTS_FILE);
  if (!existsSync(path)) return [];
  return parseRedirects(readFileSync(path, 'utf8'), relative(root, path) || path, publishedSite(corpus));
}

/** The redirects in a YAML text, checked against the published site; throws a ContentError listing every problem. */
export function parseRedirects(yamlText: string, file: string, site: PublishedSite): Redirect[] {
  const problems: ContentProblem[] = [];
  let raw: unknown;
  try {
    raw = parseYaml(yamlText);
  } catch (error) {
    throw new ContentError([{ file, field: '(file)', message: `invalid YAML: ${(error as Error).message}` }]);
  }
  // A file of comments only is an empty list.
  raw ??= [];
  if (!Array.isArray(raw)) {
    throw new ContentError([{ file, field: '(file)', message: 'expected a YAML list of redirects, each line "- { from: /policies/old-id/, to: /policies/new-id/ }"' }]);
  }
  const redirects: Redirect[] = [];
  const seen = new Map<string, number>();
  raw.forEach((item, index) => {
    const from = typeof item === 'object' && item !== null && typeof (item as { from?: unknown }).from === 'string' ? (item as { from: string }).from : undefined;
    const label = `[${index}]${from ? ` (from "${from}")` : ''}`;
    const result = redirectSchema.safeParse(item, { reportInput: true });
    if (!result.success) {
      for (const issue of result.error.issues) problems.push({ file, field: joinField(label, issue.path), message: describeIssue(issue) });
      return;
    }
    const entry = result.data;
    const first = seen.get(entry.from);
    if (first !== undefined) {
      problems.push({ file, field: `${label}.from`, message: `entry [${first}] already redirects this address; expected one redirect per address` });
      return;
    }
    seen.set(entry.from, index);
    const before = problems.length;
    checkFrom(entry.from, site, (message) => problems.push({ file, field: `${label}.from`, message }));
    checkTo(entry, site, (message) => problems.push({ file, field: `${label}.to`, message }));
    if (problems.length === before) redirects.push(entry);
  });
  if (problems.length > 0) throw new ContentError(problems);
  return redirects;
}

/** `from` must be an address the site no longer publishes (and, for an anchor, on a document page it does publish). */
function checkFrom(from: string, site: PublishedSite, problem: (message: string) => void) {
  const page = pageOf(from);
  const anchor = anchorOf(from);
  if (anchor === undefined) {
    if (site.pages.has(page)) problem(`"${page}" is still published; a redirect is for an address the site no longer publishes`);
    return;
  }
  if (!documentIdOf(page) || !site.pages.has(page)) {
    problem(
      `"${page}" is not a policy page the site publishes; only a renamed clause keeps its old #anchor, so expected "/policies/<id>/#<old-clause-id>" with a published <id> (the overview's quotes of a renamed policy follow its page redirect by themselves)`,
    );
    return;
  }
  if (site.anchors.get(page)?.has(anchor)) problem(`"#${anchor}" is still an anchor of ${page}; a redirect is for an anchor the page no longer has`);
}

/** `to` must be a page or anchor the site publishes; a renamed anchor must lead to a clause. */
function checkTo({ from, to }: Redirect, site: PublishedSite, problem: (message: string) => void) {
  const page = pageOf(to);
  const anchor = anchorOf(to);
  if (!site.pages.has(page)) {
    problem(`"${page}" is not a page the site publishes; expected the current address (redirects do not chain: point every old address at the one published now)`);
    return;
  }
  if (anchor === undefined) return;
  if (!site.anchors.get(page)?.has(anchor)) {
    problem(`"#${anchor}" is not an anchor of ${page}; expected the id of one of its clauses or passages`);
    return;
  }
  const policyId = documentIdOf(page);
  if (anchorOf(from) !== undefined && policyId && !site.clauses.get(policyId)?.includes(anchor)) {
    problem(`"#${anchor}" is not a clause of ${page}; a renamed anchor leads to a clause (expected one of: ${site.clauses.get(policyId)?.join(', ') || 'none'})`);
  }
}

function joinField(prefix: string, path: PropertyKey[]): string {
  return path.reduce<string>((field, key) => (typeof key === 'number' ? `${field}[${key}]` : `${field}.${String(key)}`), prefix);
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type' && issue.input === undefined) return `required but missing (${issue.message})`;
  if (issue.code === 'unrecognized_keys') return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((key) => `"${key}"`).join(', ')}; expected "from" and "to"`;
  return issue.message;
}

// The build's integrations and its pages are separate module graphs in one process: the checked
// redirects are kept in one slot of the process, with the corpus and the text they were checked against.
const LOADED = Symbol.for('mg-policy.loaded-redirects');
const slot = globalThis as { [LOADED]?: { root: string; corpus: Corpus; text: string | undefined; redirects: Redirect[] } };

/**
 * The redirects of this build, checked against the corpus the content loader read (see
 * loadedCorpus); read again when the corpus or the file changed (in `astro dev`). The project
 * root is the one the build's integration passed first, else the working directory.
 */
export function loadedRedirects(root = slot[LOADED]?.root ?? process.cwd()): Redirect[] {
  const corpus = loadedCorpus();
  const path = join(root, buildContentDir, REDIRECTS_FILE);
  const text = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
  const cached = slot[LOADED];
  if (cached && cached.root === root && cached.corpus === corpus && cached.text === text) return cached.redirects;
  const redirects = text === undefined ? [] : parseRedirects(text, relative(root, path) || path, publishedSite(corpus));
  slot[LOADED] = { root, corpus, text, redirects };
  return redirects;
}
