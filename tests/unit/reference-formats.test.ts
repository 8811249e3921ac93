import { Cite } from '@citation-js/core';
import '@citation-js/plugin-ris';
import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import { parse as parseRisAstrocite } from 'astrocite-ris';
import { describe, expect, it } from 'vitest';
import { formatReferences, type Reference } from '../../src/lib/share/reference-formats';

// Read back by parsers written by others: citation-js (RIS, CSL-JSON), astrocite (RIS), Better BibTeX's parser (biblatex).

const clause: Reference = {
  key: '2023-nonferrous-stable-growth.international-markets',
  shortTitle: '有色金属行业稳增长工作方案',
  document: {
    officialTitle: '工业和信息化部等七部门关于印发有色金属行业稳增长工作方案的通知',
    documentNumber: '工信部联原〔2023〕130号',
    published: '2023-08-22',
    issuerNames: ['工业和信息化部', '国家发展和改革委员会', '财政部', '自然资源部'],
    issuersComplete: false,
    status: { state: 'replaced', since: '2025-08-28' },
  },
  // TeX's special characters, to see them escaped and read back.
  clause: { heading: '用好国际国内两个市场 & 50%_{资源}' },
  url: 'https://example.org/policies/2023-nonferrous-stable-growth/international-markets/',
  accessed: '2026-12-03',
};
const undatedDocument: Reference = {
  key: '2023-building-materials-stable-growth',
  shortTitle: '建材行业稳增长工作方案',
  document: { officialTitle: '《建材行业稳增长工作方案》', reportDate: '2023-08', issuerNames: ['工业和信息化部'], issuersComplete: true },
  url: 'https://example.org/policies/2023-building-materials-stable-growth/',
  accessed: '2026-12-03',
};
const references = [clause, undatedDocument];

describe('RIS', () => {
  const ris = formatReferences('ris', references);

  it('writes one GOVDOC record per reference, CRLF line ends, tags as the specification has them', () => {
    expect(ris.split('TY  - GOVDOC\r\n')).toHaveLength(3);
    expect(ris.split('\r\n').filter(Boolean).every((line) => /^[A-Z][A-Z0-9]  - /.test(line))).toBe(true);
    expect(ris.endsWith('ER  - \r\n')).toBe(true);
  });

  it('reads back with citation-js: every field it maps for GOVDOC', () => {
    const [first, second] = new Cite(ris).data;
    expect(first).toMatchObject({
      id: clause.key,
      type: 'report',
      title: clause.document.officialTitle,
      author: clause.document.issuerNames.map((family) => ({ family })),
      number: '工信部联原〔2023〕130号',
      section: '“用好国际国内两个市场 & 50%_{资源}”条',
      issued: { 'date-parts': [[2023]] },
      URL: clause.url,
      accessed: { 'date-parts': [[2026, 12, 3]] },
      source: '中国镁产业政策文库',
      language: 'zh-CN',
      note: ['发文机关未全部列出', '已被替代，自2025年8月28日起'],
    });
    expect(second).toMatchObject({ id: undatedDocument.key, title: '《建材行业稳增长工作方案》', author: [{ family: '工业和信息化部' }] });
    expect(second).not.toHaveProperty('number');
  });

  it('reads back with astrocite: the full date and the short title', () => {
    const [first, second] = parseRisAstrocite(ris) as unknown as Record<string, unknown>[];
    expect(first).toMatchObject({ shortTitle: clause.shortTitle, issued: { 'date-parts': [['2023', '08', '22']] } });
    expect(second).toMatchObject({ shortTitle: undatedDocument.shortTitle, issued: { 'date-parts': [['2023', '08', '']] } });
  });

  it('keeps Chinese intact as UTF-8 bytes with a byte-order mark, as the download is written', () => {
    const bytes = new TextEncoder().encode(`\ufeff${ris}`);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const decoded = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    expect(decoded).toContain('TI  - 工业和信息化部等七部门关于印发有色金属行业稳增长工作方案的通知');
    expect(new Cite(decoded).data[0].title).toBe(clause.document.officialTitle);
  });
});

describe('BibTeX (biblatex)', () => {
  const bibtex = formatReferences('bibtex', references);

  it('reads back with Better BibTeX\'s parser: every field', () => {
    const { entries, errors } = parseBibtex(bibtex);
    expect(errors).toEqual([]);
    expect(entries.map((entry) => [entry.type, entry.key])).toEqual([
      ['online', clause.key],
      ['online', undatedDocument.key],
    ]);
    expect(entries[0].fields).toMatchObject({
      author: [...clause.document.issuerNames.map((name) => ({ name })), { lastName: 'others' }],
      title: clause.document.officialTitle,
      shorttitle: clause.shortTitle,
      titleaddon: '工信部联原〔2023〕130号, “用好国际国内两个市场 & 50%_{资源}”条',
      number: '工信部联原〔2023〕130号',
      date: '2023-08-22',
      organization: ['中国镁产业政策文库'],
      langid: 'chinese',
      url: clause.url,
      urldate: '2026-12-03',
      note: '发文机关未全部列出；已被替代，自2025年8月28日起',
    });
    expect(entries[1].fields).toMatchObject({ author: [{ name: '工业和信息化部' }], date: '2023-08' });
    expect(entries[1].fields).not.toHaveProperty('number');
  });
});

describe('CSL-JSON', () => {
  const csl = formatReferences('csl', references);

  it('reads back with citation-js: every field', () => {
    const [first, second] = new Cite(JSON.parse(csl)).data;
    expect(first).toMatchObject({
      id: clause.key,
      type: 'report',
      title: clause.document.officialTitle,
      'title-short': clause.shortTitle,
      section: '用好国际国内两个市场 & 50%_{资源}',
      author: clause.document.issuerNames.map((literal) => ({ literal })),
      issued: { 'date-parts': [[2023, 8, 22]] },
      number: '工信部联原〔2023〕130号',
      source: '中国镁产业政策文库',
      language: 'zh-CN',
      URL: clause.url,
      accessed: { 'date-parts': [[2026, 12, 3]] },
      note: '发文机关未全部列出；已被替代，自2025年8月28日起',
    });
    expect(second).toMatchObject({ issued: { 'date-parts': [[2023, 8]] } });
  });
});

describe('GB/T 7714 list', () => {
  it('numbers the references of a collection, one a line, and leaves a single reference unnumbered', () => {
    const lines = formatReferences('gbt', references).trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^\[1\] 工业和信息化部, 国家发展和改革委员会, 财政部, 等\. 工业和信息化部等七部门关于印发有色金属行业稳增长工作方案的通知: 工信部联原〔2023〕130号, “用好国际国内两个市场 & 50%_\{资源\}”条\[EB\/OL\]\. \(2023-08-22\)\[2026-12-03\]\. https:\/\/example\.org\/policies\/2023-nonferrous-stable-growth\/international-markets\/\./);
    expect(lines[1]).toMatch(/^\[2\] 工业和信息化部\. 《建材行业稳增长工作方案》\[EB\/OL\]\. \(2023-08\)/);
    expect(formatReferences('gbt', [undatedDocument])).toMatch(/^工业和信息化部\. /);
  });
});
