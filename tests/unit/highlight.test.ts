import { describe, expect, it } from 'vitest';
import { findWords } from '../../src/lib/search/highlight';

describe('findWords: where the query stands in a text', () => {
  it('gives ranges of the original text, brackets and spaces included', () => {
    const text = '工信部联原〔2023〕130号';
    const { found, ranges } = findWords(text, ['工信部联原2023130号']);
    expect([...found]).toEqual([0]);
    expect(ranges).toEqual([[0, text.length]]);
  });

  it('merges touching and overlapping matches and says which words occur', () => {
    const { found, ranges } = findWords('盐湖提镁，盐湖钾、镁、锂', ['盐湖', '湖提', '锂', '钛']);
    expect([...found].sort()).toEqual([0, 1, 2]);
    expect(ranges).toEqual([[0, 3], [5, 7], [11, 12]]);
  });

  it('takes both UTF-16 units of a character outside the Basic Multilingual Plane at the end of a match', () => {
    const text = '含𠀀字';
    const { ranges } = findWords(text, ['含𠀀']);
    expect(text.slice(...ranges[0])).toBe('含𠀀');
  });

  it('finds full-width letters and digits by their normalized words', () => {
    const { ranges } = findWords('ＣＯ２排放', ['co2']);
    expect(ranges).toEqual([[0, 3]]);
  });

  it('finds a Latin word only whole: an abbreviation is not found inside a longer one', () => {
    expect(findWords('商务部（MOFCOM、Ministry of Commerce）', ['mof']).found.size).toBe(0);
    expect(findWords('财政部（MOF、Ministry of Finance）', ['mof']).ranges).toEqual([[4, 7]]);
    expect(findWords('中国科学技术协会（CAST）', ['cas']).found.size).toBe(0);
    // Spaces, brackets and the quote of People's end a word.
    const bank = "People's Bank of China";
    expect(findWords(bank, ['people', 'of', 'china']).ranges.map((range) => bank.slice(...range))).toEqual(['People', 'of', 'China']);
    expect(findWords('Ministry of Finance', ['ministryo']).found.size).toBe(0);
  });

  it('finds a number only whole: not a part of a longer number or of a decimal', () => {
    const text = '单炉产能7.5万吨/年以下（单炉产能≥5万吨/年';
    const { ranges } = findWords(text, ['5万吨']);
    expect(ranges.map((range) => text.slice(...range))).toEqual(['5万吨']);
    expect(ranges[0][0]).toBe(text.indexOf('≥') + 1);
    expect(findWords('达到24%以上', ['4%']).found.size).toBe(0);
    expect(findWords('达到4.5亿吨', ['5亿吨']).found.size).toBe(0);
    expect(findWords('达到4.5亿吨', ['4']).found.size).toBe(0);
    expect(findWords('达到4.5亿吨', ['4.5亿吨']).found.size).toBe(1);
    // A bracket of a document number (dropped by normalization) still ends a number.
    expect(findWords('工信部联原〔2023〕130号', ['2023', '130号']).found).toEqual(new Set([0, 1]));
    // Chinese has no word boundaries: any substring is found.
    expect(findWords('镁冶炼行业', ['冶炼行']).found.size).toBe(1);
  });
});
