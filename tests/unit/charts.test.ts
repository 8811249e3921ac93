import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  cellTone,
  chartFont,
  countCoIssuance,
  countTopicYears,
  describeCoIssuance,
  describeTopicYears,
  joinZh,
  labelLines,
  layoutCoIssuance,
  layoutTopicYear,
  shortMonth,
  textWidth,
  TONE_LEVELS,
  toneClass,
  yearSpan,
} from '../../src/lib/charts/layout';
import type { PolicyDoc } from '../../src/lib/content/corpus';
import type { Ministry } from '../../src/schemas/ministry';
import type { Topic } from '../../src/schemas/topic';

/** A complete PolicyDoc; only the fields a test cares about need to be given. */
function doc(id: string, fields: Partial<PolicyDoc> & Pick<PolicyDoc, 'issuers' | 'topics'>): PolicyDoc {
  return {
    id,
    title: `文件${id}`,
    officialTitle: `关于印发文件${id}的通知`,
    issuersComplete: true,
    status: { state: 'unknown', asOf: '2026-11', basis: '测试。' },
    notes: [],
    clauses: [],
    narrative: [{ id: 'report-narrative', text: '测试。' }],
    ...fields,
  };
}

function topic(id: string, name: string): [string, Topic] {
  return [id, { id, name, description: `${name}。` }];
}

function ministry(id: string, name: string, shortNames: string[] = []): [string, Ministry] {
  return [id, { id, name, shortNames, aliases: [], nameEn: id, abbreviations: [], kind: 'ministry' }];
}

const topics = new Map([
  topic('energy', '节能降碳'),
  topic('smelting', '冶炼技术（竖罐、竖式还原）'),
  topic('alloys', '镁合金与轻量化'),
  topic('unused', '供需平衡与保供稳价'),
]);

const ministries = new Map([
  ministry('state-council', '国务院'),
  ministry('miit', '工业和信息化部', ['工信部']),
  ministry('ndrc', '国家发展和改革委员会', ['国家发展改革委', '发改委']),
  ministry('mee', '生态环境部'),
  ministry('mof', '财政部'),
  ministry('nfsra', '国家粮食和物资储备局', ['国家粮食和储备局']),
  ministry('mofcom', '商务部'),
]);

// Oldest first, as getCorpus() gives them; 2022 has no document.
const policies = [
  doc('a', { reportDate: '2021-11', issuers: ['miit'], topics: ['energy', 'smelting'] }),
  doc('b', { reportDate: '2023-02', issuers: ['ndrc', 'miit', 'mof'], topics: ['energy'] }),
  doc('c', { signed: '2023-08-10', issuers: ['miit', 'ndrc', 'mee', 'nfsra'], issuersComplete: false, topics: ['energy', 'alloys', 'energy'] }),
  doc('d', { reportDate: '2024-05', published: '2024-05-29', issuers: ['state-council'], topics: ['smelting', 'energy'] }),
];

describe('helpers', () => {
  it('estimates text width: CJK 1 em, other characters 0.6 em', () => {
    expect(textWidth('节能降碳', 13)).toBe(52);
    expect(textWidth('2023.8', 10)).toBeCloseTo(36);
    expect(textWidth('（竖罐）', 12)).toBe(48);
  });

  it('splits a label before its full-width bracket', () => {
    expect(labelLines('冶炼技术（竖罐、竖式还原）')).toEqual(['冶炼技术', '（竖罐、竖式还原）']);
    expect(labelLines('节能降碳')).toEqual(['节能降碳']);
  });

  it('formats months and lists', () => {
    expect(shortMonth('2023-08')).toBe('2023.8');
    expect(shortMonth('2021-11')).toBe('2021.11');
    expect(joinZh([])).toBe('');
    expect(joinZh(['甲'])).toBe('甲');
    expect(joinZh(['甲', '乙'])).toBe('甲和乙');
    expect(joinZh(['甲', '乙', '丙'])).toBe('甲、乙和丙');
  });

  it('spans every year from the first to the last', () => {
    expect(yearSpan(['2024', '2021', '2021'])).toEqual(['2021', '2022', '2023', '2024']);
    expect(yearSpan([])).toEqual([]);
  });
});

describe('cell shading', () => {
  // The colour tokens of src/styles/global.css, light and dark.
  const palettes = {
    light: { accent: '#9f1d20', surface: '#ffffff', ink: '#1c1b19' },
    dark: { accent: '#f2a09a', surface: '#1f1e1c', ink: '#ece9e3' },
  };

  it('uses the palette of global.css', () => {
    const css = readFileSync(new URL('../../src/styles/global.css', import.meta.url), 'utf8').toLowerCase();
    for (const palette of Object.values(palettes)) for (const value of Object.values(palette)) expect(css).toContain(value);
  });

  it('darkens with the count, from light to strong', () => {
    const tones = [1, 2, 3, 4, 5].map((count) => cellTone(count, 5));
    const percents = tones.map((tone) => tone.percent);
    expect(percents).toEqual([...percents].sort((a, b) => a - b));
    expect(new Set(percents).size).toBe(percents.length);
    expect(tones[0]).toEqual({ percent: 18, text: 'ink' });
    expect(tones.at(-1)).toEqual({ percent: 90, text: 'surface' });
    expect(cellTone(1, 1).text).toBe('surface');
    expect(toneClass({ percent: 45, text: 'ink' })).toBe('tone-45 t-ink');
    expect(TONE_LEVELS).toContain(cellTone(3, 7).percent);
  });

  it('keeps the printed count at WCAG AA contrast (4.5:1) on every shade, light and dark', () => {
    for (let max = 1; max <= 12; max += 1) {
      for (let count = 1; count <= max; count += 1) {
        const tone = cellTone(count, max);
        for (const palette of Object.values(palettes)) {
          const background = mix(palette.accent, palette.surface, tone.percent / 100);
          const text = tone.text === 'ink' ? palette.ink : palette.surface;
          expect(contrast(rgb(text), background), `count ${count} of ${max}, ${tone.percent}%`).toBeGreaterThanOrEqual(4.5);
        }
      }
    }
  });
});

describe('topic × year heat map', () => {
  const data = countTopicYears(policies, topics);

  it('counts each year and topic, with empty years kept as columns', () => {
    expect(data.years).toEqual(['2021', '2022', '2023', '2024']);
    expect(data.yearTotals).toEqual([1, 0, 2, 1]);
    expect(data.documents).toBe(4);
    const energy = data.rows.find((row) => row.id === 'energy');
    expect(energy).toMatchObject({ name: '节能降碳', counts: [1, 0, 2, 1], total: 4 });
    expect(data.rows.find((row) => row.id === 'unused')).toMatchObject({ counts: [0, 0, 0, 0], total: 0 });
    expect(data.max).toBe(2);
  });

  it('counts a topic listed twice in one document once', () => {
    expect(data.rows.find((row) => row.id === 'alloys')?.counts).toEqual([0, 0, 1, 0]);
  });

  it('orders rows by documents, ties in map order', () => {
    expect(data.rows.map((row) => row.id)).toEqual(['energy', 'smelting', 'alloys', 'unused']);
  });

  it('rejects an unknown topic', () => {
    expect(() => countTopicYears([doc('x', { reportDate: '2023-01', issuers: ['miit'], topics: ['nope'] })], topics)).toThrow(/unknown topic id "nope"/);
  });

  it('has no columns without documents', () => {
    expect(countTopicYears([], topics)).toMatchObject({ years: [], documents: 0, max: 0 });
    expect(describeTopicYears(countTopicYears([], topics))).toBe('暂无文件。');
  });

  it('lays cells out edge to edge, totals to the right and below', () => {
    const layout = layoutTopicYear(data);
    const longestLine = Math.max(...layout.lines.flat().map((line) => textWidth(line, chartFont.label)));
    expect(layout.labelWidth).toBeGreaterThan(longestLine);
    expect(layout.lines[1]).toEqual(['冶炼技术', '（竖罐、竖式还原）']);
    expect(layout.columnX).toEqual(data.years.map((_, index) => layout.labelWidth + index * layout.cell.width));
    expect(layout.rowY[0]).toBe(layout.headerHeight);
    expect(layout.rowY[1]! - layout.rowY[0]!).toBe(layout.cell.height);
    expect(layout.totalColumn.x).toBeGreaterThanOrEqual(layout.columnX.at(-1)! + layout.cell.width);
    expect(layout.footer.y).toBeGreaterThanOrEqual(layout.rowY.at(-1)! + layout.cell.height);
    expect(layout.width).toBe(layout.totalColumn.x + layout.totalColumn.width);
    expect(layout.height).toBe(layout.footer.y + layout.footer.height);
    // Fits a 375 px phone (343 px of content, less the chart box's padding and border) at full size.
    expect(layout.width).toBeLessThanOrEqual(325);
  });

  it('is summarized in Chinese', () => {
    const summary = describeTopicYears(data);
    expect(summary).toContain('2021—2024年共4份文件');
    expect(summary).toContain('涉及3个主题');
    expect(summary).toContain('节能降碳（4份）、冶炼技术（竖罐、竖式还原）（2份）和镁合金与轻量化（1份）');
    expect(summary).toContain('文件最多的年份是2023年（2份）');
  });
});

describe('ministry × document dot matrix', () => {
  const data = countCoIssuance(policies, ministries);

  it('has one column per document, in the given order, labelled by month', () => {
    expect(data.columns.map((column) => column.label)).toEqual(['2021.11', '2023.2', '2023.8', '2024.5']);
    expect(data.columns[2]).toMatchObject({ id: 'c', title: '文件c', month: '2023-08', year: '2023', issuers: 4, complete: false });
  });

  it('has one row per body with a document, most documents first, then most led, then map order', () => {
    expect(data.rows.map((row) => row.id)).toEqual(['miit', 'ndrc', 'state-council', 'mee', 'mof', 'nfsra']);
    expect(data.rows.some((row) => row.id === 'mofcom')).toBe(false);
  });

  it('marks the first issuer as lead and the others as co-issuers', () => {
    const [miit, ndrc] = data.rows;
    expect(miit).toMatchObject({ documents: 3, led: 2, roles: ['lead', 'co', 'lead', null] });
    expect(ndrc).toMatchObject({ documents: 2, led: 1, roles: [null, 'lead', 'co', null] });
  });

  it('labels a body by its first short name, else its name', () => {
    const labels = Object.fromEntries(data.rows.map((row) => [row.id, row.label]));
    expect(labels).toMatchObject({ miit: '工信部', ndrc: '国家发展改革委', mee: '生态环境部', nfsra: '国家粮食和储备局' });
    expect(data.rows[0]?.name).toBe('工业和信息化部');
  });

  it('counts a body listed twice in one document once', () => {
    const twice = countCoIssuance([doc('x', { reportDate: '2023-01', issuers: ['miit', 'ndrc', 'miit'], topics: ['energy'] })], ministries);
    expect(twice.rows[0]).toMatchObject({ id: 'miit', documents: 1, led: 1, roles: ['lead'] });
    expect(twice.columns[0]?.issuers).toBe(2);
  });

  it('rejects an unknown body', () => {
    expect(() => countCoIssuance([doc('x', { reportDate: '2023-01', issuers: ['nope'], topics: ['energy'] })], ministries)).toThrow(/unknown ministry id "nope"/);
  });

  it('lays columns and rows out on a grid, with a rule where the year changes', () => {
    const layout = layoutCoIssuance(data);
    expect(layout.labelWidth).toBeGreaterThan(textWidth('国家粮食和储备局', chartFont.label));
    expect(layout.columnX[1]! - layout.columnX[0]!).toBe(layout.columnWidth);
    expect(layout.rowY[1]! - layout.rowY[0]!).toBe(layout.rowHeight);
    expect(layout.rowY[0]).toBe(layout.headerHeight + layout.rowHeight / 2);
    // Rotated month labels fit in the header.
    expect(layout.headerHeight).toBeGreaterThan(textWidth('2021.11', chartFont.small));
    // 2021 | 2023 2023 | 2024: rules before the second and the fourth column.
    expect(layout.yearBreaks).toEqual([layout.labelWidth + layout.columnWidth, layout.labelWidth + 3 * layout.columnWidth]);
    expect(layout.countColumn.x).toBeGreaterThanOrEqual(layout.columnX.at(-1)! + layout.columnWidth / 2);
    expect(layout.width).toBe(layout.countColumn.x + layout.countColumn.width);
    expect(layout.footer.y).toBeGreaterThanOrEqual(layout.rowY.at(-1)! + layout.rowHeight / 2);
    expect(layout.height).toBe(layout.footer.y + layout.footer.height);
    expect(layout.dotRadius * 2).toBeLessThan(Math.min(layout.columnWidth, layout.rowHeight));
  });

  it('is summarized in Chinese', () => {
    const summary = describeCoIssuance(data);
    expect(summary).toContain('6个发文机关参与了4份文件');
    expect(summary).toContain('参与最多的是工业和信息化部（3份，其中牵头2份）、国家发展和改革委员会（2份，其中牵头1份）和国务院（1份，其中牵头1份）');
    expect(summary).toContain('2份文件由单一机关印发');
    expect(summary).toContain('联合发文机关最多的是《文件c》（4个机关）');
    expect(summary).toContain('《文件c》的发文机关名单不完整');
    expect(describeCoIssuance(countCoIssuance([], ministries))).toBe('暂无文件。');
  });
});

it('prints no text below 12 px', () => {
  expect(Math.min(...Object.values(chartFont))).toBeGreaterThanOrEqual(12);
});

// WCAG 2 relative luminance and contrast ratio; color-mix(in srgb) interpolates the gamma-encoded channels.
function rgb(hex: string): number[] {
  return [1, 3, 5].map((index) => parseInt(hex.slice(index, index + 2), 16));
}
function mix(a: string, b: string, weight: number): number[] {
  const [x, y] = [rgb(a), rgb(b)];
  return x.map((channel, index) => channel * weight + (y[index] ?? 0) * (1 - weight));
}
function luminance(channels: number[]): number {
  const [r = 0, g = 0, b = 0] = channels.map((value) => {
    const c = value / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
function contrast(a: number[], b: number[]): number {
  const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (high + 0.05) / (low + 0.05);
}

describe('chart stylesheet', () => {
  it('paints every tone level with a class (no inline style, which the Content-Security-Policy forbids)', async () => {
    const { readFileSync } = await import('node:fs');
    const source = readFileSync('src/components/charts/TopicYearChart.astro', 'utf8');
    for (const level of TONE_LEVELS) {
      expect(source).toContain(`.tone-${level} { --tone: color-mix(in srgb, var(--color-accent) ${level}%, var(--color-surface)); }`);
    }
    expect(source).not.toMatch(/\sstyle=\{/);
  });
});
