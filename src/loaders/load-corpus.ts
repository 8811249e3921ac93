import { existsSync, readdirSync } from 'node:fs';
import { basename, dirname, extname, join, relative } from 'node:path';
import type { z } from 'astro/zod';
import { parse as parseYaml } from 'yaml';
import { buildDay } from '../lib/site/build-time';
import { slug } from '../schemas/common';
import { ministrySchema, type Ministry } from '../schemas/ministry';
import { overviewSchema, type Overview } from '../schemas/overview';
import { policySchema, type Policy } from '../schemas/policy';
import { topicSchema, type Topic } from '../schemas/topic';
import { ContentError, type ContentProblem } from './content-error';
import { checkMinistryNames, checkSuccessors, checkTableRows, checkTopicCoverage, withResolvedSuccessors, type LoadedPolicies } from './cross-checks';
import { parseMdxDocument, type Block, type MdxDocument } from './mdx-blocks';
import { readContentFile } from './read-content-file';

/** A policy document with its id (the file name) and where it came from. */
export interface PolicyEntry {
  id: string;
  filePath: string;
  data: Policy;
}

/** Everything in `content/`, validated and cross-checked. */
export interface Corpus {
  ministries: Ministry[];
  topics: Topic[];
  policies: PolicyEntry[];
  overview: Overview;
}

/**
 * Reads and validates the whole content folder. Throws a ContentError listing every problem
 * (file, field, what is expected) so that nothing broken is published. Dates are checked against
 * `today`, the build's day ("YYYY-MM-DD", from SOURCE_DATE_EPOCH when set).
 */
export function loadCorpus(root: string, contentDir = 'content', today = buildDay()): Corpus {
  const dir = join(root, contentDir);
  const problems: ContentProblem[] = [];
  const display = (path: string) => relative(root, path) || path;

  const ministries = loadRegistry(join(dir, 'ministries.yaml'), ministrySchema, display, problems);
  checkMinistryNames(ministries.entries, ministries.labels, display(join(dir, 'ministries.yaml')), problems);
  const topics = loadRegistry(join(dir, 'topics.yaml'), topicSchema, display, problems);
  // Ids of entries that failed their own checks still count as known, so that they are reported once.
  const known = { ministries: ministries.ids, topics: topics.ids };

  const policies = loadPolicies(join(dir, 'policies'), policySchema(known, today), display, problems);
  checkSuccessors(policies, problems);
  checkTableRows(policies, problems);
  // Checks across documents are only meaningful when every document loaded.
  if (policies.failedIds.size === 0) checkTopicCoverage(topics.entries, policies.entries, display(join(dir, 'topics.yaml')), problems);
  const overview = loadOverview(join(dir, 'overview.mdx'), policies, display, problems);

  if (problems.length > 0) throw new ContentError(problems);
  return { ministries: ministries.entries, topics: topics.entries, policies: withResolvedSuccessors(policies.entries), overview: overview! };
}

/** What was loaded of a registry: the valid entries (with the field label of each), and the ids of all, valid or not. */
interface Loaded<T> {
  entries: T[];
  /** `[index] (id "…")`, the way problems name each entry, by entry. */
  labels: string[];
  ids: Set<string>;
}

function loadRegistry<Schema extends z.ZodType<{ id: string }>>(
  path: string,
  schema: Schema,
  display: (path: string) => string,
  problems: ContentProblem[],
): Loaded<z.infer<Schema>> {
  const file = display(path);
  const entries: z.infer<Schema>[] = [];
  const labels: string[] = [];
  const ids = new Set<string>();
  if (!existsSync(path)) {
    problems.push({ file, field: '(file)', message: 'missing; expected a YAML list of entries' });
    return { entries, labels, ids };
  }
  const source = readContentFile(path);
  if (source.problem) {
    problems.push({ file, ...source.problem });
    return { entries, labels, ids };
  }
  let raw: unknown;
  try {
    raw = parseYaml(source.text);
  } catch (error) {
    problems.push({ file, field: '(file)', message: `invalid YAML: ${(error as Error).message}` });
    return { entries, labels, ids };
  }
  if (!Array.isArray(raw)) {
    problems.push({ file, field: '(file)', message: 'expected a YAML list of entries (each line starting with "- id: …")' });
    return { entries, labels, ids };
  }
  const seen = new Set<string>();
  raw.forEach((item, index) => {
    const id = isRecord(item) && typeof item.id === 'string' ? item.id : undefined;
    if (id) ids.add(id);
    const label = `[${index}]${id ? ` (id "${id}")` : ''}`;
    const result = schema.safeParse(item, { reportInput: true });
    if (!result.success) {
      for (const issue of result.error.issues) problems.push({ file, field: joinField(label, issue.path), message: describeIssue(issue) });
      return;
    }
    if (seen.has(result.data.id)) problems.push({ file, field: `${label}.id`, message: `duplicate id "${result.data.id}"; ids must be unique` });
    seen.add(result.data.id);
    entries.push(result.data);
    labels.push(label);
  });
  return { entries, labels, ids };
}

function loadPolicies(
  dir: string,
  schema: ReturnType<typeof policySchema>,
  display: (path: string) => string,
  problems: ContentProblem[],
): LoadedPolicies {
  const policies: PolicyEntry[] = [];
  const ids = new Set<string>();
  const failedIds = new Set<string>();
  const lines = new Map<string, Record<string, number>>();
  const { files, misplaced } = existsSync(dir) ? listPolicyFiles(dir, display(dir)) : { files: [], misplaced: [] };
  for (const { path, message } of misplaced) {
    problems.push({ file: display(path), field: '(file name)', message });
    // Its id is known, so that a reference to it is not reported a second time.
    const id = basename(path).replace(/\.[^.]*$/, '');
    ids.add(id);
    failedIds.add(id);
  }
  if (files.length === 0) problems.push({ file: display(dir), field: '(folder)', message: `expected at least one policy file ${POLICY_FILE}` });

  // The file name is the id, and a folder cannot hold a name twice: ids are unique.
  for (const path of files) {
    const file = display(path);
    const id = basename(path, POLICY_EXTENSION);
    if (!slug.safeParse(id).success) problems.push({ file, field: '(file name)', message: `policy id "${id}" must be lower-case ASCII kebab case, e.g. "2023-nonferrous-stable-growth"` });
    ids.add(id);

    const source = readContentFile(path);
    if (source.problem) {
      problems.push({ file, ...source.problem });
      failedIds.add(id);
      continue;
    }
    const document = parseMdxDocument(source.text);
    for (const problem of document.syntaxProblems) problems.push({ file, ...problem });
    lines.set(id, document.frontmatterLines);

    const clauseBlocks = document.blocks.filter((block) => block.name === 'Clause');
    const narrativeBlocks = document.blocks.filter((block) => block.name === 'Narrative');
    for (const block of document.blocks) {
      if (block.name !== 'Clause' && block.name !== 'Narrative') {
        problems.push({ file, line: block.line, field: `<${block.name}>`, message: 'unknown element; a policy body holds <Clause> and <Narrative> blocks only' });
      }
    }
    const raw = {
      ...(isRecord(document.frontmatter) ? document.frontmatter : {}),
      clauses: clauseBlocks.map((block) => ({
        id: block.attributes.id,
        heading: block.attributes.heading,
        topics: (block.attributes.topics ?? '').split(/\s+/).filter(Boolean),
        text: block.text,
      })),
      narrative: narrativeBlocks.map((block) => ({ id: block.attributes.id, text: block.text })),
    };
    const result = schema.safeParse(raw, { reportInput: true });
    if (!result.success || document.syntaxProblems.length > 0) failedIds.add(id);
    if (!result.success) {
      for (const issue of result.error.issues) {
        if (followsFromSyntax(issue.path, document, ['clauses', 'narrative'])) continue;
        problems.push({ file, ...locateField(issue.path, document.frontmatterLines, { clauses: clauseBlocks, narrative: narrativeBlocks }), message: describeIssue(issue) });
      }
      continue;
    }
    policies.push({ id, filePath: file, data: result.data });
  }
  return { entries: policies, ids, failedIds, lines };
}

function loadOverview(
  path: string,
  policies: LoadedPolicies,
  display: (path: string) => string,
  problems: ContentProblem[],
): Overview | undefined {
  const file = display(path);
  if (!existsSync(path)) {
    problems.push({ file, field: '(file)', message: 'missing; expected the report\'s introduction and sections' });
    return undefined;
  }
  const source = readContentFile(path);
  if (source.problem) {
    problems.push({ file, ...source.problem });
    return undefined;
  }
  const document = parseMdxDocument(source.text);
  for (const problem of document.syntaxProblems) problems.push({ file, ...problem });
  const paragraphs = document.blocks.filter((block) => block.name === 'Paragraph');
  const sections = document.blocks.filter((block) => block.name === 'Section');
  for (const block of document.blocks) {
    if (block.name !== 'Paragraph' && block.name !== 'Section') {
      problems.push({ file, line: block.line, field: `<${block.name}>`, message: 'unknown element; the overview holds <Paragraph> and <Section> blocks only' });
    }
  }
  const raw = {
    ...(isRecord(document.frontmatter) ? document.frontmatter : {}),
    paragraphs: paragraphs.map((block) => ({ id: block.attributes.id, text: block.text })),
    sections: sections.map((block) => ({
      id: block.attributes.id,
      heading: block.attributes.heading,
      excerpts: block.children.map((child) => ({ policy: child.attributes.policy, passage: child.attributes.passage })),
    })),
  };
  const result = overviewSchema.safeParse(raw, { reportInput: true });
  if (!result.success) {
    for (const issue of result.error.issues) {
      if (followsFromSyntax(issue.path, document, ['paragraphs', 'sections'])) continue;
      problems.push({ file, ...locateField(issue.path, document.frontmatterLines, { paragraphs, sections }), message: describeIssue(issue) });
    }
    return undefined;
  }

  checkExcerpts(result.data, sections, policies, file, problems);
  return result.data;
}

/**
 * Every excerpt names a narrative passage, and every passage is quoted exactly once, so that the
 * overview reproduces the report in full. Counting is only meaningful when every policy file loaded:
 * a file with its own problems would otherwise look unquoted.
 */
function checkExcerpts(overview: Overview, sections: Block[], policies: LoadedPolicies, file: string, problems: ContentProblem[]) {
  const passages = new Map(policies.entries.flatMap((policy) => policy.data.narrative.map((passage) => [`${policy.id}#${passage.id}`, 0])));
  overview.sections.forEach((section, sectionIndex) => {
    section.excerpts.forEach((excerpt, excerptIndex) => {
      const key = `${excerpt.policy}#${excerpt.passage}`;
      const line = sections[sectionIndex]?.children[excerptIndex]?.line;
      if (policies.failedIds.has(excerpt.policy)) return; // that policy file's own problems are reported already
      if (!passages.has(key)) {
        problems.push({ file, line, field: `<Excerpt policy="${excerpt.policy}" passage="${excerpt.passage}">`, message: 'names no narrative passage; expected a policy id and the id of one of its <Narrative> blocks' });
      } else {
        passages.set(key, passages.get(key)! + 1);
      }
    });
  });
  if (policies.failedIds.size > 0) return;
  for (const [key, count] of passages) {
    if (count !== 1) problems.push({ file, field: 'sections', message: `the narrative passage ${key} is quoted ${count} times; every passage belongs in exactly one section` });
  }
}

/**
 * Whether a schema issue only repeats a syntax problem: a field of a frontmatter that could not be
 * read, or a body field of a body with no readable block (an MDX error stops the parser).
 */
function followsFromSyntax(path: PropertyKey[], document: MdxDocument, bodyFields: string[]): boolean {
  const inBody = typeof path[0] === 'string' && bodyFields.includes(path[0]);
  if (inBody) return document.blocks.length === 0 && document.syntaxProblems.length > 0;
  return document.syntaxProblems.some((problem) => problem.field === 'frontmatter');
}

/** Turns a schema path into a readable field name and the line it sits on (frontmatter key or body block). */
function locateField(
  path: PropertyKey[],
  frontmatterLines: Record<string, number>,
  blocksByField: Record<string, Block[]>,
): { field: string; line?: number } {
  const [head, index] = path;
  const blocks = typeof head === 'string' ? blocksByField[head] : undefined;
  if (blocks && typeof index === 'number' && blocks[index]) {
    const block = blocks[index];
    const id = block.attributes.id ? ` id="${block.attributes.id}"` : '';
    const rest = joinField('', path.slice(2));
    return { field: `<${block.name}${id}>${rest ? ` ${rest}` : ''}`, line: block.line };
  }
  return { field: joinField('', path) || '(frontmatter)', line: typeof head === 'string' ? frontmatterLines[head] : undefined };
}

function joinField(prefix: string, path: PropertyKey[]): string {
  return path.reduce<string>((field, key) => (typeof key === 'number' ? `${field}[${key}]` : field ? `${field}.${String(key)}` : String(key)), prefix);
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type' && issue.input === undefined) return `required but missing (${issue.message})`;
  if (issue.code === 'unrecognized_keys') return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((key) => `"${key}"`).join(', ')}`;
  return issue.message;
}

/** Where policy files live and how they are named: content/policies/<policy-id>.mdx. */
const POLICY_EXTENSION = '.mdx';
const POLICY_FILE = `<policy-id>${POLICY_EXTENSION}`;

/**
 * The policy files of a folder, and the files that look like policy files but would not be
 * published: in a subfolder, or with another extension (.md, .markdown, .txt, .MDX…).
 * Hidden files (.DS_Store, .gitkeep) are not content and are left alone.
 */
function listPolicyFiles(dir: string, shown: string): { files: string[]; misplaced: { path: string; message: string }[] } {
  const files: string[] = [];
  const misplaced: { path: string; message: string }[] = [];
  const entries = readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && !entry.name.startsWith('.'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
  for (const path of entries) {
    const inSubfolder = dirname(path) !== dir;
    const extension = extname(path);
    if (inSubfolder) {
      misplaced.push({ path, message: `policy files live directly in ${shown}/ as ${POLICY_FILE}, not in a subfolder; move it there (or out of the content folder if it is a draft)` });
    } else if (extension !== POLICY_EXTENSION) {
      const found = extension ? `not "${extension}"` : 'and this file has none';
      misplaced.push({ path, message: `a policy file needs the extension ${POLICY_EXTENSION} (lower case), ${found}: rename it to ${basename(path, extension)}${POLICY_EXTENSION}` });
    } else {
      files.push(path);
    }
  }
  return { files, misplaced };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
