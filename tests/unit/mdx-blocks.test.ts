import { describe, expect, it } from 'vitest';
import { parseMdxDocument } from '../../src/loaders/mdx-blocks';

const frontmatter = '---\ntitle: 测试\n---\n\n';
/** The body starts on this line of the file. */
const bodyLine = 5;

/** The text of the one `<Clause>` of a file whose body is `body`; fails on any syntax problem. */
function clauseText(body: string): string {
  const document = parseMdxDocument(`${frontmatter}<Clause id="a" heading="标题" topics="energy-carbon">\n${body}\n</Clause>\n`);
  expect(document.syntaxProblems).toEqual([]);
  expect(document.blocks).toHaveLength(1);
  return document.blocks[0].text;
}

/** The one syntax problem of a file whose body is `body`. */
function problemOf(body: string) {
  const document = parseMdxDocument(`${frontmatter}${body}`);
  expect(document.syntaxProblems).toHaveLength(1);
  return document.syntaxProblems[0];
}

describe('parseMdxDocument: block text is taken as typed', () => {
  it.each([
    ['a self-closing HTML tag', '文本<img/>文本'],
    ['a self-closing tag alone on its line', '<img src="x.png" />'],
    ['an HTML tag with content', '加强<b>重点</b>产品保供稳价'],
    ['an {expression}', '提升供给能力，{alert(1)}保障上下游'],
    ['an expression that would read the environment', '路径{process.env.HOME}'],
    ['a sum in braces', '共{1+1}项'],
    ['an MDX comment', '{/* 注释 */}文本'],
    ['a numbered item at line start', '1. 提升供给能力'],
    ['numbered items on several lines', '1. 提升供给能力；\n2. 加强重点产品保供稳价。'],
    ['a bullet at line start', '- 培育优质骨干企业'],
    ['a heading marker at line start', '# 支持重大项目建设'],
    ['bold stars', '**鼓励**有条件地区'],
    ['emphasis underscores', '_镁_合金 与 __镁__'],
    ['a link', '[公告](https://www.gov.cn/)'],
    ['a numeric character reference', '&#x41;&#65;'],
    ['a named entity', '&amp; &lt; &nbsp;'],
    ['a block quote marker', '> 引文'],
    ['a code span', '`镁冶炼`'],
    ['a trailing backslash (a Markdown hard break)', '第一行\\\n第二行'],
    ['a backslash before other punctuation', '\\* \\[ \\} \\\\ \\>'],
    ['a closing brace and a greater-than sign', '} ≥5万吨 > 3'],
    ['a less-than sign followed by a space', '单炉生产能力 < 10万吨/年'],
    ['CJK punctuation and full-width characters', '“双碳”目标：《方案》〔2023〕130号；（一）、【附】——ＣＯ２…'],
  ])('keeps %s', (_kind, typed) => {
    expect(clauseText(typed)).toBe(typed);
  });

  it('reads \\< as < and \\{ as {, and nothing else', () => {
    expect(clauseText('半焦炉单炉生产能力\\<10万吨/年')).toBe('半焦炉单炉生产能力<10万吨/年');
    expect(clauseText('集合\\{a, b}与\\<b>')).toBe('集合{a, b}与<b>');
    expect(clauseText('\\<img/>')).toBe('<img/>');
    expect(clauseText('\\\\\\<')).toBe('\\\\<');
  });

  it('keeps line breaks, blank lines and indentation inside the text, and trims around it', () => {
    const typed = '第一段第一行\n第一段第二行\n\n  第二段，缩进照录。';
    const document = parseMdxDocument(`${frontmatter}<Clause id="a">\n\n   ${typed}   \n\n</Clause>\n`);
    expect(document.blocks[0].text).toBe(typed);
  });

  it('keeps the whole mixed text as typed, every kind at once', () => {
    const typed = '1. 一\n2. 二 **粗** [链接](b) &#x41; # 非标题\n- 项\n\n# 标题\n文本<img/>和<b>x</b>，{1+1}';
    expect(clauseText(typed)).toBe(typed);
  });

  it('reads <Narrative> and <Paragraph> the same way, and a block with no content as empty', () => {
    const document = parseMdxDocument(
      `${frontmatter}<Narrative id="n">\n《方案》提出：**一**、{x}\n</Narrative>\n\n<Paragraph id="p">\n1. 段落\\<\n</Paragraph>\n\n<Clause id="e">\n</Clause>\n`,
    );
    expect(document.syntaxProblems).toEqual([]);
    expect(document.blocks.map((block) => [block.name, block.text])).toEqual([
      ['Narrative', '《方案》提出：**一**、{x}'],
      ['Paragraph', '1. 段落<'],
      ['Clause', ''],
    ]);
  });

  it('still finds the attributes, the line and the nested elements of a block', () => {
    const document = parseMdxDocument(`${frontmatter}<Section id="s" heading="在……方面：">\n<Excerpt policy="p" passage="n" />\n</Section>\n`);
    expect(document.syntaxProblems).toEqual([]);
    const [section] = document.blocks;
    expect(section.attributes).toEqual({ id: 's', heading: '在……方面：' });
    expect(section.line).toBe(bodyLine);
    expect(section.children.map((child) => [child.name, child.attributes, child.line])).toEqual([['Excerpt', { policy: 'p', passage: 'n' }, bodyLine + 1]]);
  });
});

describe('parseMdxDocument: what MDX cannot read fails with the line and the escape to write', () => {
  it('a "<" before a digit', () => {
    const problem = problemOf('<Clause id="a">\n半焦炉单炉生产能力<10万吨/年\n</Clause>\n');
    expect(problem.line).toBe(bodyLine + 1);
    expect(problem.field).toBe('body');
    expect(problem.message).toContain('near "半焦炉单炉生产能力<10万吨/年"');
    expect(problem.message).toContain('write "\\<" to keep the character "<"');
  });

  it('a "<" before a letter that does not make a tag', () => {
    const problem = problemOf('<Clause id="a">\n\n镁含量a<b 时\n</Clause>\n');
    expect(problem.line).toBe(bodyLine + 2);
    expect(problem.message).toContain('write "\\<"');
  });

  it('an HTML comment', () => {
    const problem = problemOf('<Clause id="a">\n<!-- 注 -->\n</Clause>\n');
    expect(problem.line).toBe(bodyLine + 1);
    expect(problem.message).toContain('write "\\<"');
  });

  it('a tag that is never closed, with MDX\'s positions given as file lines', () => {
    const problem = problemOf('<Clause id="a">\n加强<b>重点产品\n</Clause>\n');
    expect(problem.line).toBe(bodyLine + 1);
    expect(problem.message).toContain('tags do not match near "加强<b>重点产品"');
    expect(problem.message).toContain('"\\<"');
    expect(problem.message).toContain(`line ${bodyLine + 1}, column 3`);
  });

  it('a block without its closing tag', () => {
    const problem = problemOf('<Clause id="a">\n文本\n');
    expect(problem.line).toBe(bodyLine);
    expect(problem.message).toContain('near "<Clause id=');
    expect(problem.message).toContain('every block needs its closing tag');
  });

  it('a "{" that is never closed, pointed at where it opens', () => {
    const problem = problemOf('<Clause id="a">\n能力，{保障\n上下游\n</Clause>\n\n<Clause id="b">\n乙\n</Clause>\n');
    expect(problem.line).toBe(bodyLine + 1);
    expect(problem.message).toContain('near "能力，{保障"');
    expect(problem.message).toContain('write "\\{" to keep the character "{"');
  });

  it('a closing tag that opens nowhere', () => {
    const problem = problemOf('<Clause id="a">\n加强</b>重点\n</Clause>\n');
    expect(problem.line).toBe(bodyLine + 1);
    expect(problem.message).toContain('near "加强</b>重点"');
  });

  it('a tag alone on its line inside a block, with an expression for an attribute', () => {
    const problem = problemOf('<Clause id="a">\n<img src={x} />\n</Clause>\n');
    expect(problem.line).toBe(bodyLine + 1);
    expect(problem.field).toBe('<img> src');
    expect(problem.message).toContain('if the tag is text, write "\\<img" to keep its characters');
  });

  it('a "{" whose content is not JavaScript', () => {
    const problem = problemOf('<Clause id="a">\n集合{1 +}与\n</Clause>\n');
    expect(problem.line).toBe(bodyLine + 1);
    expect(problem.message).toContain('write "\\{"');
  });
});
