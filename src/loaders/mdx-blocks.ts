import type { Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { parse as parseYaml } from 'yaml';

/** A top-level JSX element of a content file, e.g. `<Clause id="…">text</Clause>`. */
export interface Block {
  /** Element name, e.g. `Clause`. */
  name: string;
  /** String attributes as written. */
  attributes: Record<string, string>;
  /**
   * The element's content exactly as typed between its opening and closing tag, whitespace-trimmed,
   * with `\<` and `\{` read as `<` and `{` (see {@link literalText}).
   */
  text: string;
  /** Nested elements (e.g. `<Excerpt>` inside `<Section>`). */
  children: Block[];
  /** 1-based line of the opening tag. */
  line: number;
}

/** A content file split into its YAML frontmatter and its body blocks. */
export interface MdxDocument {
  frontmatter: unknown;
  /** 1-based line of each top-level frontmatter key, so problems can point at it. */
  frontmatterLines: Record<string, number>;
  blocks: Block[];
  /** Problems with the file's shape (not with its values), each with the line it sits on. */
  syntaxProblems: { line?: number; field: string; message: string }[];
}

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/;

/** Parses an MDX content file into frontmatter and top-level JSX blocks. Never throws. */
export function parseMdxDocument(source: string): MdxDocument {
  const syntaxProblems: MdxDocument['syntaxProblems'] = [];
  const match = FRONTMATTER.exec(source);
  if (!match) {
    return { frontmatter: {}, frontmatterLines: {}, blocks: [], syntaxProblems: [{ line: 1, field: 'frontmatter', message: 'expected the file to start with a YAML frontmatter block between two "---" lines' }] };
  }
  let frontmatter: unknown = {};
  try {
    // Dates stay strings: the schemas validate their format themselves.
    frontmatter = parseYaml(match[1], { schema: 'core' }) ?? {};
  } catch (error) {
    syntaxProblems.push({ line: 2, field: 'frontmatter', message: `invalid YAML: ${(error as Error).message}` });
  }

  const frontmatterLines: Record<string, number> = {};
  match[1].split('\n').forEach((line, index) => {
    const key = /^([A-Za-z][\w-]*):/.exec(line)?.[1];
    if (key) frontmatterLines[key] = index + 2;
  });

  const bodyLineOffset = match[0].split('\n').length - 1;
  const body = source.slice(match[0].length);
  let tree: Root;
  try {
    tree = unified().use(remarkParse).use(remarkMdx).parse(body);
  } catch (error) {
    syntaxProblems.push(describeParseError(error as ParseError, body, bodyLineOffset));
    return { frontmatter, frontmatterLines, blocks: [], syntaxProblems };
  }

  const blocks: Block[] = [];
  for (const node of tree.children) {
    const block = toBlock(node, body, bodyLineOffset, syntaxProblems);
    if (block) blocks.push(block);
    else if (toString(node).trim() !== '') {
      syntaxProblems.push({
        line: (node.position?.start.line ?? 0) + bodyLineOffset,
        field: 'body',
        message: 'text outside a block; every passage must sit inside an element such as <Clause> or <Narrative>',
      });
    }
  }
  return { frontmatter, frontmatterLines, blocks, syntaxProblems };
}

function toBlock(node: RootContent, body: string, lineOffset: number, problems: MdxDocument['syntaxProblems'], nested = false): Block | undefined {
  if (node.type !== 'mdxJsxFlowElement' || !node.name) return undefined;
  const line = (node.position?.start.line ?? 0) + lineOffset;
  const attributes: Record<string, string> = {};
  for (const attribute of node.attributes) {
    if (attribute.type === 'mdxJsxAttribute' && typeof attribute.value === 'string') {
      attributes[attribute.name] = attribute.value;
    } else {
      const name = attribute.type === 'mdxJsxAttribute' ? attribute.name : '{…}';
      // A tag inside a block may be text the editor meant to keep, e.g. `<img src={x} />` in a clause.
      const text = nested ? `; if the tag is text, write "\\<${node.name}" to keep its characters` : '';
      problems.push({ line, field: `<${node.name}> ${name}`, message: `attributes must be plain strings in double quotes, e.g. topics="energy-carbon recycling"${text}` });
    }
  }
  const children = node.children
    .map((child) => toBlock(child, body, lineOffset, problems, true))
    .filter((child): child is Block => child !== undefined);
  return {
    name: node.name,
    attributes,
    text: literalText(node.children, body),
    children,
    line,
  };
}

/**
 * An element's content as the editor typed it: the source from its first child to its last
 * (everything between the tags but the surrounding whitespace), trimmed. MDX's reading of that
 * content is ignored, so Markdown (`1. `, `**`, `[a](b)`), entities (`&#x41;`), tags (`<b>x</b>`)
 * and expressions (`{1+1}`) stay as typed. Only the two escapes MDX demands for a literal `<` and
 * `{` are undone: `\<` reads `<` and `\{` reads `{`. Every other character, backslashes included,
 * is kept.
 */
function literalText(children: RootContent[], body: string): string {
  const start = children[0]?.position?.start.offset;
  const end = children.at(-1)?.position?.end.offset;
  if (start === undefined || end === undefined) return '';
  return body.slice(start, end).trim().replace(/\\([<{])/g, '$1');
}

/** What remark-mdx throws (a VFileMessage): a reason, where, and which part of MDX rejected it. */
interface ParseError {
  message: string;
  reason?: string;
  line?: number;
  source?: string;
  ruleId?: string;
  place?: { offset?: number } | { start: { offset?: number } };
}

/**
 * Turns an MDX syntax error into a problem an editor can act on: the line, the text around the
 * spot, and the escape to write. MDX reads `<` followed by a letter, digit, `/` or `!` as a tag and
 * every `{` as the start of an expression, so text holding either must write `\<` or `\{`.
 */
function describeParseError(error: ParseError, body: string, lineOffset: number): MdxDocument['syntaxProblems'][number] {
  // Positions quoted in the reason count lines from the end of the frontmatter; make them file lines.
  let quoted: { line: number; column: number } | undefined;
  const reason = (error.reason ?? error.message).replace(/\((\d+):(\d+)-(\d+):(\d+)\)/g, (_, startLine: string, startColumn: string, endLine: string, endColumn: string) => {
    quoted ??= { line: Number(startLine), column: Number(startColumn) };
    return `(line ${Number(startLine) + lineOffset}, column ${startColumn} to line ${Number(endLine) + lineOffset}, column ${endColumn})`;
  });
  const place = error.place;
  let offset = place && 'start' in place ? place.start.offset : place?.offset;
  let line = error.line ? error.line + lineOffset : undefined;
  // "Expected a closing tag for `<b>` (…)" is reported at the end of what holds the tag; point at the tag.
  if (quoted && (line === undefined || reason.startsWith('Expected a closing tag'))) {
    line = quoted.line + lineOffset;
    offset = offsetOf(body, quoted.line, quoted.column);
  }

  if (error.source === 'micromark-extension-mdx-expression') {
    // An unclosed `{` is reported where the text ended; point at the `{` itself.
    const brace = error.ruleId === 'unexpected-eof' && offset !== undefined ? unclosedBrace(body, offset) : undefined;
    if (brace !== undefined) {
      offset = brace;
      line = body.slice(0, brace).split('\n').length + lineOffset;
    }
    return { line, field: 'body', message: `a "{" in text starts an MDX expression${near(body, offset)}: write "\\{" to keep the character "{" (MDX: ${reason})` };
  }
  if (error.source === 'micromark-extension-mdx-jsx') {
    return { line, field: 'body', message: `a "<" in text starts an MDX tag${near(body, offset)}: write "\\<" to keep the character "<" (MDX: ${reason})` };
  }
  if (error.source === 'mdast-util-mdx-jsx') {
    return { line, field: 'body', message: `tags do not match${near(body, offset)}: every block needs its closing tag, and a "<" in text must be written "\\<" (MDX: ${reason})` };
  }
  return { line, field: 'body', message: `invalid MDX${near(body, offset)}: ${reason}` };
}

/** The offset of a 1-based line and column of `text`. */
function offsetOf(text: string, line: number, column: number): number {
  let offset = 0;
  for (let current = 1; current < line; current++) offset = text.indexOf('\n', offset) + 1;
  return offset + column - 1;
}

/** The last `{` before `offset` that no `}` closes, unless escaped as `\{`. */
function unclosedBrace(text: string, offset: number): number | undefined {
  let depth = 0;
  for (let index = Math.min(offset, text.length) - 1; index >= 0; index--) {
    const char = text[index];
    if ((char !== '{' && char !== '}') || text[index - 1] === '\\') continue;
    if (char === '}') depth++;
    else if (depth === 0) return index;
    else depth--;
  }
  return undefined;
}

/** ` near "…"`: the characters of `text` around `offset`, on its line, for an error message. */
function near(text: string, offset: number | undefined): string {
  if (offset === undefined) return '';
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const newline = text.indexOf('\n', offset);
  const lineEnd = newline === -1 ? text.length : newline;
  const from = Math.max(lineStart, offset - 12);
  const to = Math.min(lineEnd, offset + 12);
  return ` near "${from > lineStart ? '…' : ''}${text.slice(from, to).trim()}${to < lineEnd ? '…' : ''}"`;
}
