import { describe, expect, it } from 'vitest';
import { BOM, csvField, csvTable, parseCsv, startsLikeFormula, toCsv } from '../../src/lib/open-data/csv';
import { clauseColumns, clauseRows, policyColumns } from '../../src/lib/open-data/csv-columns';
import { buildOpenData } from '../../src/lib/open-data/records';
import { loadCorpus } from '../../src/loaders/load-corpus';

describe('csvField', () => {
  it('leaves plain text, Chinese included, unquoted', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('工信部联原〔2023〕130号')).toBe('工信部联原〔2023〕130号');
    // Full-width punctuation is not CSV syntax.
    expect(csvField('提升供给能力，保障上下游行业平稳增长；“双碳”')).toBe('提升供给能力，保障上下游行业平稳增长；“双碳”');
  });

  it('quotes a field with a comma, a quote, a CR or an LF, doubling quotes', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('"')).toBe('""""');
    expect(csvField('line 1\nline 2')).toBe('"line 1\nline 2"');
    expect(csvField('line 1\r\nline 2')).toBe('"line 1\r\nline 2"');
    expect(csvField('cr\ronly')).toBe('"cr\ronly"');
  });

  it('writes empty values as empty cells, numbers and booleans as themselves', () => {
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
    expect(csvField('')).toBe('');
    expect(csvField(7)).toBe('7');
    expect(csvField(0)).toBe('0');
    expect(csvField(true)).toBe('true');
    expect(csvField(false)).toBe('false');
  });

  it('refuses numbers CSV cannot hold', () => {
    expect(() => csvField(Number.NaN)).toThrow(/NaN/);
    expect(() => csvField(Number.POSITIVE_INFINITY)).toThrow(/Infinity/);
  });

  it('keeps leading and trailing spaces (they are part of the field in RFC 4180)', () => {
    expect(csvField(' padded ')).toBe(' padded ');
  });

  it('writes a text that begins like a formula with a leading single quote, so a spreadsheet shows it as text', () => {
    expect(csvField('=HYPERLINK("http://example.com","点击")')).toBe(`"'=HYPERLINK(""http://example.com"",""点击"")"`);
    expect(csvField('+86')).toBe("'+86");
    expect(csvField('-1+2')).toBe("'-1+2");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('\t=1')).toBe("'\t=1");
    expect(csvField('\r=1')).toBe(`"'\r=1"`);
  });

  it('leaves a formula character that does not begin the text, and numbers, as they are', () => {
    expect(csvField('a=b')).toBe('a=b');
    expect(csvField('2024—2025年节能降碳行动方案')).toBe('2024—2025年节能降碳行动方案');
    expect(csvField(' =1')).toBe(' =1');
    expect(csvField(-1)).toBe('-1');
  });
});

describe('the real data', () => {
  it('has no cell that begins like a formula, so policies.csv and clauses.csv are written as before', () => {
    const corpus = loadCorpus(process.cwd());
    const policies = corpus.policies.map(({ id, data }) => ({ id, ...data }));
    const records = buildOpenData({ policies, ministries: corpus.ministries, topics: corpus.topics, generated: '2026-01-02T03:04:05Z', site: undefined }).policies.policies;
    const cells = [
      ...records.flatMap((record) => policyColumns.map((column) => column.value(record))),
      ...clauseRows(records).flatMap((row) => clauseColumns.map((column) => column.value(row))),
    ];
    expect(cells.length).toBeGreaterThan(300);
    expect(cells.filter((cell) => typeof cell === 'string' && startsLikeFormula(cell))).toEqual([]);
  });
});

describe('startsLikeFormula', () => {
  it('is true for =, +, -, @, a tab or a CR at the start, and only there', () => {
    for (const text of ['=1', '+1', '-1', '@A1', '\t1', '\r1']) expect(startsLikeFormula(text), text).toBe(true);
    for (const text of ['', '1=1', '“=”', '＝1', ' =1', '\n=1']) expect(startsLikeFormula(text), text).toBe(false);
  });
});

describe('toCsv', () => {
  it('starts with the BOM, ends every record with CRLF', () => {
    expect(toCsv(['a', 'b'], [['1', '2']])).toBe(`${BOM}a,b\r\n1,2\r\n`);
  });

  it('can leave the BOM out', () => {
    expect(toCsv(['a'], [['x']], { bom: false })).toBe('a\r\nx\r\n');
  });

  it('writes a header alone when there are no rows', () => {
    expect(toCsv(['id', 'title'], [])).toBe(`${BOM}id,title\r\n`);
  });

  it('quotes header cells too', () => {
    expect(toCsv(['a,b', 'c'], [], { bom: false })).toBe('"a,b",c\r\n');
  });

  it('rejects a row whose length differs from the header', () => {
    expect(() => toCsv(['a', 'b'], [['1']])).toThrow(/row 1 has 1 fields; the header has 2/);
    expect(() => toCsv([], [])).toThrow(/at least one column/);
  });
});

describe('csvTable', () => {
  it('writes columns from their definitions, in order', () => {
    const rows = [{ id: 'x', n: 1 }, { id: 'y,z', n: 2 }];
    const csv = csvTable(
      [
        { name: 'id', value: (row: (typeof rows)[number]) => row.id },
        { name: 'double', value: (row: (typeof rows)[number]) => row.n * 2 },
      ],
      rows,
    );
    expect(csv).toBe(`${BOM}id,double\r\nx,2\r\n"y,z",4\r\n`);
  });
});

describe('parseCsv', () => {
  it('reads what toCsv writes, whatever the fields hold', () => {
    const header = ['id', 'text', 'empty', 'number'];
    const rows = [
      ['a', '含逗号,与"引号"', '', '1'],
      ['b', '多行\r\n第二行\n第三行', '', '2'],
      ['c', '"', ',', 'a\r\n'],
      ['d', ' spaced ', '""', ''],
    ];
    expect(parseCsv(toCsv(header, rows))).toEqual([header, ...rows]);
  });

  it('accepts LF line ends and a missing final line end', () => {
    expect(parseCsv('a,b\n1,2')).toEqual([['a', 'b'], ['1', '2']]);
    expect(parseCsv('a,b\r\n1,2')).toEqual([['a', 'b'], ['1', '2']]);
  });

  it('reads empty fields and empty input', () => {
    expect(parseCsv('a,,c\r\n,,\r\n')).toEqual([['a', '', 'c'], ['', '', '']]);
    expect(parseCsv('')).toEqual([]);
    expect(parseCsv(BOM)).toEqual([]);
  });

  it('rejects what RFC 4180 does not allow, saying where', () => {
    expect(() => parseCsv('a,"unterminated\r\n')).toThrow(/unterminated quoted field/);
    expect(() => parseCsv('a,b"c\r\n')).toThrow(/double quote inside an unquoted field at line 1/);
    expect(() => parseCsv('a,"b"c\r\n')).toThrow(/unexpected "c" after a quoted field/);
    expect(() => parseCsv('a\r\nb,\rc')).toThrow(/CR not followed by LF at line 2/);
  });
});
