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
  /** The element's text content, whitespace-trimmed. */
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
  let tree: Root;
  try {
    tree = unified().use(remarkParse).use(remarkMdx).parse(source.slice(match[0].length));
  } catch (error) {
    const { message, line } = error as { message: string; line?: number };
    syntaxProblems.push({ line: line ? line + bodyLineOffset : undefined, field: 'body', message: `invalid MDX: ${message}` });
    return { frontmatter, frontmatterLines, blocks: [], syntaxProblems };
  }

  const blocks: Block[] = [];
  for (const node of tree.children) {
    const block = toBlock(node, bodyLineOffset, syntaxProblems);
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

function toBlock(node: RootContent, lineOffset: number, problems: MdxDocument['syntaxProblems']): Block | undefined {
  if (node.type !== 'mdxJsxFlowElement' || !node.name) return undefined;
  const line = (node.position?.start.line ?? 0) + lineOffset;
  const attributes: Record<string, string> = {};
  for (const attribute of node.attributes) {
    if (attribute.type === 'mdxJsxAttribute' && typeof attribute.value === 'string') {
      attributes[attribute.name] = attribute.value;
    } else {
      const name = attribute.type === 'mdxJsxAttribute' ? attribute.name : '{…}';
      problems.push({ line, field: `<${node.name}> ${name}`, message: 'attributes must be plain strings in double quotes, e.g. topics="energy-carbon recycling"' });
    }
  }
  const children = node.children
    .map((child) => toBlock(child, lineOffset, problems))
    .filter((child): child is Block => child !== undefined);
  return {
    name: node.name,
    attributes,
    text: toString(node).trim(),
    children,
    line,
  };
}
