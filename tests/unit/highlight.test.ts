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
});
