import { afterAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/loaders/load-corpus';
import { formatMonth } from '../../src/lib/content/dates';
import { builtPages, visibleText } from '../../scripts/lib/dist';
import { WORD_ARTEFACT, narrativeLines, sentences, tableHeader, tableRows, withoutWhitespace } from '../support/report';

// Whitespace is compared away: the report's stray spaces inside names ("财政  部", "自 然 资 源 部")
// and its line breaks are typography, not wording. Everything that was normalized is listed at the end.
const pages = builtPages();
const textOf = new Map(pages.map((page) => [page.path, withoutWhitespace(visibleText(page.html))]));
const siteText = [...textOf.values()].join('\n');
const corpus = loadCorpus(process.cwd());
const normalized: string[] = [`removed the word-processor artefact "${WORD_ARTEFACT}"`];
let checked = 0;
let found = 0;

function expectOn(text: string, sentence: string, where: string) {
  checked += 1;
  const compact = withoutWhitespace(sentence);
  if (compact !== sentence.trim() && /\S\s+\S/.test(sentence.trim())) normalized.push(`whitespace inside "${sentence.trim()}"`);
  expect(text.includes(compact), `"${sentence}" is missing from ${where}`).toBe(true);
  found += 1;
}

describe('fidelity: every sentence of the source report is on the built site', () => {
  it('the narrative (introduction and four sections), sentence by sentence', () => {
    const narrative = narrativeLines().flatMap(sentences);
    // The report's real size, so that a parsing slip cannot pass on an empty list.
    expect(narrative).toHaveLength(36);
    for (const sentence of narrative) expectOn(siteText, sentence, 'the site');
  });

  it('Table 1 caption and column headings', () => {
    const overview = textOf.get('/overview/')!;
    const { caption, columns } = tableHeader();
    expectOn(overview, caption, '/overview/');
    for (const column of columns) expectOn(overview, column, '/overview/');
  });

  const rows = tableRows();
  it('Table 1 has twelve rows, with 43 sentences in their 相关内容', () => {
    expect(rows.map((row) => row.row)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(rows.flatMap((row) => row.contentLines.flatMap(sentences))).toHaveLength(43);
  });

  for (const row of rows) {
    it(`Table 1 row ${row.row}: every cell is on its document's page`, () => {
      const policy = corpus.policies.find((entry) => entry.data.tableRow === row.row);
      expect(policy, `no policy has tableRow ${row.row}`).toBeDefined();
      const path = `/policies/${policy!.id}/`;
      const page = textOf.get(path)!;
      expectOn(page, row.title, path);
      expectOn(page, row.issuers, path);
      for (const line of row.contentLines) {
        for (const sentence of sentences(line)) expectOn(page, sentence, path);
      }
      const [year, month] = row.date.split('.');
      const shown = formatMonth(`${year}-${month.padStart(2, '0')}`);
      if (shown !== row.date) normalized.push(`date "${row.date}" shown as "${shown}"`);
      expectOn(page, shown, path);
    });
  }

  afterAll(() => {
    const share = checked === 0 ? 0 : (found / checked) * 100;
    console.log(`fidelity: ${found}/${checked} sentences and cells found on the site (${share.toFixed(1)}%)`);
    console.log(`normalized (${normalized.length}):\n  ${[...new Set(normalized)].join('\n  ')}`);
  });
});
