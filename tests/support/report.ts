import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The source report, exactly as received. */
export const reportText = readFileSync(join(import.meta.dirname, '..', '..', 'content', 'source', 'report.txt'), 'utf8');

/** A word-processor artefact in the report's table, not part of its text. */
export const WORD_ARTEFACT = '[bookmark: _GoBack]';

/** One row of the report's Table 1, cells as printed. */
export interface TableRow {
  row: number;
  /** 时间 as printed, e.g. "2023.8". */
  date: string;
  title: string;
  issuers: string;
  /** 相关内容, one entry per printed line. */
  contentLines: string[];
}

const TABLE_START = /^\s*表1\s/m;

/** The narrative part of the report: everything before Table 1. */
export function narrativeLines(): string[] {
  const end = reportText.search(TABLE_START);
  return reportText.slice(0, end).split('\n').map((line) => line.trim()).filter(Boolean);
}

/** The caption and header cells of Table 1. */
export function tableHeader(): { caption: string; columns: string[] } {
  const cells = tableCells();
  const caption = reportText.slice(reportText.search(TABLE_START)).split('\n')[0].trim();
  return { caption, columns: cells.slice(0, 5).map((cell) => cell.join('')) };
}

/** Table 1's twelve rows, parsed from the tab-indented cells of the report. */
export function tableRows(): TableRow[] {
  const cells = tableCells().slice(5);
  const rows: TableRow[] = [];
  for (let index = 0; index + 4 < cells.length; index += 5) {
    const [row, date, title, issuers, content] = cells.slice(index, index + 5);
    rows.push({
      row: Number(row.join('')),
      date: date.join(''),
      title: title.join(''),
      // A cell that wraps onto a second printed line is one value.
      issuers: issuers.join(''),
      contentLines: content.map((line) => line.replace(WORD_ARTEFACT, '').trim()).filter(Boolean),
    });
  }
  return rows;
}

/** Cells of Table 1: a line starting with a tab opens a cell, other lines continue it. */
function tableCells(): string[][] {
  const lines = reportText.slice(reportText.search(TABLE_START)).split('\n').slice(1);
  const cells: string[][] = [];
  for (const line of lines) {
    if (line.startsWith('\t')) cells.push([line.trim()]);
    else if (line.trim() && cells.length > 0) cells[cells.length - 1].push(line.trim());
  }
  return cells;
}

/** Splits text into sentences, each keeping its closing punctuation. */
export function sentences(text: string): string[] {
  return text.match(/[^。；！？]+[。；！？]?/g)?.map((sentence) => sentence.trim()).filter(Boolean) ?? [];
}

/** Removes all whitespace, including the report's stray spaces inside names ("财政  部"). */
export function withoutWhitespace(text: string): string {
  return text.replace(/\s+/g, '');
}
