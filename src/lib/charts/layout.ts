/**
 * Data and geometry of the two build-time SVG charts (components/charts/). Pure functions: no URLs,
 * no markup. Coordinates are in viewBox units, which equal CSS pixels at the chart's smallest
 * rendered size (the components never let an SVG shrink below its viewBox width).
 */
import type { Ministry } from '../../schemas/ministry';
import type { Topic } from '../../schemas/topic';
import type { PolicyDoc } from '../content/corpus';
import { timelineMonth, timelineYear } from '../content/timeline';

/** The fields of a document the charts read. */
export type ChartPolicy = Pick<PolicyDoc, 'id' | 'title' | 'issuers' | 'issuersComplete' | 'topics' | 'reportDate' | 'signed' | 'published' | 'tableRow'>;

/** Font sizes (px at the smallest rendered size; never below 12). */
export const chartFont = { label: 13, small: 12 } as const;

// ---------------------------------------------------------------------------------------------
// Shared helpers

/** Estimated advance width of one line: full-width (CJK) characters 1 em, everything else 0.6 em. */
export function textWidth(text: string, fontSize: number): number {
  let ems = 0;
  for (const char of text) ems += isFullWidth(char.codePointAt(0) ?? 0) ? 1 : 0.6;
  return ems * fontSize;
}

function isFullWidth(code: number): boolean {
  return (
    (code >= 0x2e80 && code <= 0x9fff) || // CJK radicals, punctuation, kana, unified ideographs
    (code >= 0xf900 && code <= 0xfaff) || // compatibility ideographs
    (code >= 0xfe30 && code <= 0xfe4f) || // CJK compatibility forms
    (code >= 0xff00 && code <= 0xff60) || // full-width forms
    (code >= 0x201c && code <= 0x201d) // “ ” in CJK fonts
  );
}

/** Splits a label before a full-width bracket, e.g. "冶炼技术（竖罐、竖式还原）" → two lines. */
export function labelLines(label: string): string[] {
  const at = label.indexOf('（');
  return at > 0 ? [label.slice(0, at), label.slice(at)] : [label];
}

/** "2023-08" → "2023.8", the compact month of a chart axis. */
export function shortMonth(yearMonth: string): string {
  const [year, month] = yearMonth.split('-');
  return `${year}.${Number(month)}`;
}

/** Joins items the Chinese way: "甲", "甲和乙", "甲、乙和丙". */
export function joinZh(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join('、')}和${items.at(-1)}`;
}

/** Every year from the first to the last, as strings ("2021", "2022", …); empty for no years. */
export function yearSpan(years: Iterable<string>): string[] {
  const numbers = [...years].map(Number);
  if (numbers.length === 0) return [];
  const first = Math.min(...numbers);
  const last = Math.max(...numbers);
  return Array.from({ length: last - first + 1 }, (_, index) => String(first + index));
}

function mustGet<T>(map: ReadonlyMap<string, T>, id: string, what: string): T {
  const value = map.get(id);
  if (value === undefined) throw new Error(`unknown ${what} id "${id}"`);
  return value;
}

// ---------------------------------------------------------------------------------------------
// Heat-map shading

/** The shade of a non-empty heat-map cell: percentage of accent mixed into surface, and which token the count is printed in. */
export interface CellTone {
  percent: number;
  text: 'ink' | 'surface';
}

// Ink stays readable (≥ 4.5:1, light and dark palettes) up to 45 % accent, surface text from 75 %;
// shades in between would fail with both, so they are never used. The levels are fixed so that the
// stylesheet can name each one (a Content-Security-Policy forbids inline style attributes).
/** The accent percentages a cell can take; each has a `.tone-<percent>` rule in the chart's stylesheet. */
export const TONE_LEVELS = [18, 27, 36, 45, 75, 90] as const;
const inkUpTo = 45;

/** Shade of a cell holding `count` (≥ 1) when the largest cell holds `max`: from 18 % to 90 % accent. */
export function cellTone(count: number, max: number): CellTone {
  const t = max > 1 ? (Math.min(count, max) - 1) / (max - 1) : 1;
  const percent = TONE_LEVELS[Math.round(t * (TONE_LEVELS.length - 1))];
  return { percent, text: percent <= inkUpTo ? 'ink' : 'surface' };
}

/** The class that paints a shade (see TONE_LEVELS). */
export function toneClass(tone: CellTone): string {
  return `tone-${tone.percent} t-${tone.text}`;
}

// ---------------------------------------------------------------------------------------------
// Chart 1: documents per year by topic

/** One topic's row of the year matrix. */
export interface TopicYearRow {
  id: string;
  name: string;
  /** Documents per year, aligned with `TopicYearData.years`. */
  counts: number[];
  /** Documents having the topic, all years. */
  total: number;
}

/** Counts for the topic × year matrix. */
export interface TopicYearData {
  /** Every year from the first document's to the last's. */
  years: string[];
  /** Documents per year (each counted once, whatever its topics). */
  yearTotals: number[];
  /** One row per topic, most documents first (ties in the order of the topics map). */
  rows: TopicYearRow[];
  /** Number of documents. */
  documents: number;
  /** The largest cell. */
  max: number;
}

/** Counts, for every topic and year, the documents of that year having that topic; rows with the most documents first. */
export function countTopicYears(policies: readonly ChartPolicy[], topics: ReadonlyMap<string, Pick<Topic, 'name'>>): TopicYearData {
  const years = yearSpan(policies.map(timelineYear));
  const column = new Map(years.map((year, index) => [year, index]));
  const yearTotals = years.map(() => 0);
  const rows: TopicYearRow[] = [...topics].map(([id, topic]) => ({ id, name: topic.name, counts: years.map(() => 0), total: 0 }));
  const rowOf = new Map(rows.map((row) => [row.id, row]));
  for (const policy of policies) {
    const index = column.get(timelineYear(policy)) ?? 0;
    yearTotals[index] += 1;
    for (const topicId of new Set(policy.topics)) {
      const row = mustGet(rowOf, topicId, 'topic');
      row.counts[index] += 1;
      row.total += 1;
    }
  }
  const max = Math.max(0, ...rows.flatMap((row) => row.counts));
  // Array#sort is stable: equal totals keep the order of the topics map.
  return { years, yearTotals, rows: [...rows].sort((a, b) => b.total - a.total), documents: policies.length, max };
}

/** Geometry of the topic × year heat map. */
export interface TopicYearLayout {
  width: number;
  height: number;
  /** Width of the topic-name column (names start at x = 0). */
  labelWidth: number;
  cell: { width: number; height: number; gap: number };
  /** Height of the year header; the first row starts here. */
  headerHeight: number;
  /** Left edge of each year column. */
  columnX: number[];
  /** Left edge and width of the 合计 (total) column. */
  totalColumn: { x: number; width: number };
  /** Top of each topic row. */
  rowY: number[];
  /** Top and height of the 文件数 (documents per year) row under the matrix. */
  footer: { y: number; height: number };
  /** Name lines of each row, at most two. */
  lines: string[][];
}

/** Lays the heat map out: name column sized to the longest name line, square-ish cells, totals to the right and below. */
export function layoutTopicYear(data: TopicYearData): TopicYearLayout {
  const lines = data.rows.map((row) => labelLines(row.name));
  const longest = Math.max(textWidth('文件数', chartFont.label), ...lines.flat().map((line) => textWidth(line, chartFont.label)));
  const labelWidth = Math.ceil(longest) + 10;
  const cell = { width: 38, height: 36, gap: 2 };
  const headerHeight = 32;
  const columnX = data.years.map((_, index) => labelWidth + index * cell.width);
  const totalColumn = { x: labelWidth + data.years.length * cell.width + 6, width: 36 };
  const rowY = data.rows.map((_, index) => headerHeight + index * cell.height);
  const footer = { y: headerHeight + data.rows.length * cell.height + 4, height: 28 };
  return {
    width: totalColumn.x + totalColumn.width,
    height: footer.y + footer.height,
    labelWidth,
    cell,
    headerHeight,
    columnX,
    totalColumn,
    rowY,
    footer,
    lines,
  };
}

/** The Chinese summary of the heat map (the SVG's <desc>). */
export function describeTopicYears(data: TopicYearData): string {
  if (data.documents === 0) return '暂无文件。';
  const span = data.years.length > 1 ? `${data.years[0]}—${data.years.at(-1)}年` : `${data.years[0]}年`;
  const byTotal = [...data.rows].filter((row) => row.total > 0).sort((a, b) => b.total - a.total);
  const top = byTotal.slice(0, 3).map((row) => `${row.name}（${row.total}份）`);
  const busiest = Math.max(...data.yearTotals);
  const busiestYears = data.years.filter((_, index) => data.yearTotals[index] === busiest).map((year) => `${year}年`);
  return [
    `${span}共${data.documents}份文件，按年份统计各主题的文件数，涉及${byTotal.length}个主题。`,
    `涉及文件最多的主题是${joinZh(top)}。`,
    `文件最多的年份是${joinZh(busiestYears)}（${busiestYears.length > 1 ? '各' : ''}${busiest}份）。`,
    '一份文件可涉及多个主题；格中数字为该年涉及该主题的文件数，颜色越深数量越多。',
  ].join('');
}

// ---------------------------------------------------------------------------------------------
// Chart 2: which bodies issue together

/** A body's part in a document: lead (first in `issuers`) or co-issuer. */
export type IssuerRole = 'lead' | 'co';

/** One document: a column of the co-issuance matrix. */
export interface CoIssuanceColumn {
  id: string;
  title: string;
  /** Timeline month, "YYYY-MM". */
  month: string;
  /** Axis label, e.g. "2023.8". */
  label: string;
  year: string;
  /** Number of issuing bodies listed. */
  issuers: number;
  /** Whether the list of bodies is the full official one. */
  complete: boolean;
}

/** One issuing body: a row of the co-issuance matrix. */
export interface CoIssuanceRow {
  id: string;
  /** Full name. */
  name: string;
  /** What the chart prints: the first short name, else the name. */
  label: string;
  /** Documents the body issued or co-issued. */
  documents: number;
  /** Documents it led. */
  led: number;
  /** Its role in each column's document, aligned with `columns`. */
  roles: (IssuerRole | null)[];
}

/** The ministry × document matrix. */
export interface CoIssuanceData {
  columns: CoIssuanceColumn[];
  rows: CoIssuanceRow[];
}

/** Builds the matrix: documents in the given (time) order; bodies with at least one document, most documents first (then most led, then registry order). */
export function countCoIssuance(policies: readonly ChartPolicy[], ministries: ReadonlyMap<string, Pick<Ministry, 'name' | 'shortNames'>>): CoIssuanceData {
  const columns: CoIssuanceColumn[] = policies.map((policy) => {
    const month = timelineMonth(policy);
    return { id: policy.id, title: policy.title, month, label: shortMonth(month), year: month.slice(0, 4), issuers: new Set(policy.issuers).size, complete: policy.issuersComplete };
  });
  const registryOrder = [...ministries.keys()];
  const rows = new Map<string, CoIssuanceRow>();
  policies.forEach((policy, column) => {
    policy.issuers.forEach((ministryId, position) => {
      let row = rows.get(ministryId);
      if (!row) {
        const ministry = mustGet(ministries, ministryId, 'ministry');
        row = { id: ministryId, name: ministry.name, label: ministry.shortNames[0] ?? ministry.name, documents: 0, led: 0, roles: policies.map(() => null) };
        rows.set(ministryId, row);
      }
      if (row.roles[column]) return; // listed twice: count once
      row.roles[column] = position === 0 ? 'lead' : 'co';
      row.documents += 1;
      if (position === 0) row.led += 1;
    });
  });
  const sorted = [...rows.values()].sort(
    (a, b) => b.documents - a.documents || b.led - a.led || registryOrder.indexOf(a.id) - registryOrder.indexOf(b.id),
  );
  return { columns, rows: sorted };
}

/** Geometry of the co-issuance dot matrix. */
export interface CoIssuanceLayout {
  width: number;
  height: number;
  /** Width of the body-name column (names start at x = 0). */
  labelWidth: number;
  columnWidth: number;
  rowHeight: number;
  /** Height of the rotated month labels; the first row starts here. */
  headerHeight: number;
  /** Centre x of each document column. */
  columnX: number[];
  /** Centre y of each body row. */
  rowY: number[];
  /** x of the thin rules between years (between two columns). */
  yearBreaks: number[];
  /** Left edge and width of the 份数 (documents per body) column. */
  countColumn: { x: number; width: number };
  /** Top and height of the 机关数 (bodies per document) row. */
  footer: { y: number; height: number };
  /** Radius of a dot; rings use the same outer radius. */
  dotRadius: number;
}

/** Lays the dot matrix out: name column sized to the longest name, one narrow column per document, counts to the right and below. */
export function layoutCoIssuance(data: CoIssuanceData): CoIssuanceLayout {
  const longest = Math.max(textWidth('机关数', chartFont.label), ...data.rows.map((row) => textWidth(row.label, chartFont.label)));
  const labelWidth = Math.ceil(longest) + 12;
  const columnWidth = 26;
  const rowHeight = 24;
  const headerHeight = Math.ceil(Math.max(textWidth('2000.10', chartFont.small), ...data.columns.map((column) => textWidth(column.label, chartFont.small)))) + 16;
  const columnX = data.columns.map((_, index) => labelWidth + index * columnWidth + columnWidth / 2);
  const rowY = data.rows.map((_, index) => headerHeight + index * rowHeight + rowHeight / 2);
  const yearBreaks = data.columns.flatMap((column, index) =>
    index > 0 && column.year !== data.columns[index - 1]?.year ? [labelWidth + index * columnWidth] : [],
  );
  const countColumn = { x: labelWidth + data.columns.length * columnWidth + 6, width: 34 };
  const footer = { y: headerHeight + data.rows.length * rowHeight + 4, height: 28 };
  return {
    width: countColumn.x + countColumn.width,
    height: footer.y + footer.height,
    labelWidth,
    columnWidth,
    rowHeight,
    headerHeight,
    columnX,
    rowY,
    yearBreaks,
    countColumn,
    footer,
    dotRadius: 6,
  };
}

/** The Chinese summary of the dot matrix (the SVG's <desc>). */
export function describeCoIssuance(data: CoIssuanceData): string {
  if (data.columns.length === 0) return '暂无文件。';
  const top = data.rows.slice(0, 3).map((row) => `${row.name}（${row.documents}份，其中牵头${row.led}份）`);
  const single = data.columns.filter((column) => column.issuers === 1).length;
  const widest = Math.max(...data.columns.map((column) => column.issuers));
  const widestTitles = data.columns.filter((column) => column.issuers === widest).map((column) => `《${column.title}》`);
  const incomplete = data.columns.filter((column) => !column.complete).map((column) => `《${column.title}》`);
  return [
    `${data.rows.length}个发文机关参与了${data.columns.length}份文件。`,
    `参与最多的是${joinZh(top)}。`,
    single > 0 ? `${single}份文件由单一机关印发；` : '',
    `联合发文机关最多的是${joinZh(widestTitles)}（${widest}个机关）。`,
    incomplete.length > 0 ? `${joinZh(incomplete)}的发文机关名单不完整，图中只列出已核实的机关。` : '',
    '文件按时间从左到右排列；实心圆点表示牵头（列于发文机关首位），空心圆环表示联合发文。',
  ].join('');
}
