/**
 * CSV as RFC 4180 describes it, written so that Excel opens Chinese text correctly:
 * UTF-8 with a byte-order mark, CRLF line ends, a header row, and a field quoted when it
 * holds a comma, a double quote, a CR or an LF (a quote inside a quoted field is doubled).
 * A text that a spreadsheet would run as a formula is written with a leading single quote.
 */

/** The UTF-8 byte-order mark, which tells Excel the file is UTF-8. */
export const BOM = '\uFEFF';

/** What a cell may hold: null and undefined become an empty cell, numbers and booleans their JSON form. */
export type CsvValue = string | number | boolean | null | undefined;

/** A column of a table: its header and how to read it from a row. */
export interface CsvColumn<Row> {
  name: string;
  value: (row: Row) => CsvValue;
}

/** The characters a spreadsheet reads as the start of a formula when a cell begins with them (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Whether a text begins like a spreadsheet formula (=, +, -, @, a tab or a CR). */
export function startsLikeFormula(text: string): boolean {
  return FORMULA_START.test(text);
}

/** One field, quoted only when it has to be; a text that begins like a formula gets a leading "'" so it stays text. */
export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' && !Number.isFinite(value)) throw new Error(`cannot write ${value} to CSV`);
  const text = typeof value === 'string' && startsLikeFormula(value) ? `'${value}` : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole file: BOM (unless `bom: false`), header row, then the rows, every record ending in CRLF. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[], options: { bom?: boolean } = {}): string {
  if (header.length === 0) throw new Error('a CSV file needs at least one column');
  const lines = [header, ...rows].map((record, index) => {
    if (record.length !== header.length) {
      throw new Error(`CSV row ${index} has ${record.length} fields; the header has ${header.length}`);
    }
    return record.map(csvField).join(',') + '\r\n';
  });
  return (options.bom === false ? '' : BOM) + lines.join('');
}

/** A file from column definitions, so that a header and its values are written side by side. */
export function csvTable<Row>(columns: readonly CsvColumn<Row>[], rows: readonly Row[], options: { bom?: boolean } = {}): string {
  return toCsv(
    columns.map((column) => column.name),
    rows.map((row) => columns.map((column) => column.value(row))),
    options,
  );
}

/**
 * Parses RFC 4180 text strictly into records of fields (a leading BOM is skipped). A quote may
 * only open a field or, doubled, stand inside a quoted one; a record may end in CRLF or, leniently,
 * LF; the final line end is optional. Throws on anything else, saying where.
 */
export function parseCsv(text: string): string[][] {
  const input = text.startsWith(BOM) ? text.slice(1) : text;
  const records: string[][] = [];
  let record: string[] = [];
  let position = 0;
  const fail = (message: string): never => {
    const before = input.slice(0, position);
    const line = before.split('\n').length;
    throw new Error(`CSV: ${message} at line ${line}, column ${position - before.lastIndexOf('\n')}`);
  };

  if (input === '') return records;
  for (;;) {
    // One field.
    let field = '';
    if (input[position] === '"') {
      position += 1;
      for (;;) {
        const quote = input.indexOf('"', position);
        if (quote === -1) fail('unterminated quoted field');
        field += input.slice(position, quote);
        position = quote + 1;
        if (input[position] === '"') {
          field += '"';
          position += 1;
        } else break;
      }
    } else {
      const end = input.slice(position).search(/[,\r\n"]/);
      const stop = end === -1 ? input.length : position + end;
      if (input[stop] === '"') {
        position = stop;
        fail('a double quote inside an unquoted field');
      }
      field = input.slice(position, stop);
      position = stop;
    }
    record.push(field);

    // What follows it: a comma, a line end, or the end of the text.
    if (position === input.length) {
      records.push(record);
      return records;
    }
    const next = input[position];
    if (next === ',') {
      position += 1;
    } else if (next === '\r' && input[position + 1] === '\n') {
      position += 2;
    } else if (next === '\n') {
      position += 1;
    } else {
      fail(next === '\r' ? 'a CR not followed by LF' : `unexpected ${JSON.stringify(next)} after a quoted field`);
    }
    if (next !== ',') {
      records.push(record);
      record = [];
      if (position === input.length) return records;
    }
  }
}
