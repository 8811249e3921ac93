import { Locale } from 'opencc-js';
import type { VariantMap } from './normalize';

/** OpenCC's traditional → simplified character table ("繁 简|繁 简|…"), single characters only (also used to name a traditional character in a 发文字号). */
export function traditionalToSimplified(): Map<string, string> {
  const table = new Map<string, string>();
  for (const dictionary of Locale.configs.t2s.conversionChain.flat()) {
    for (const entry of String(dictionary).split('|')) {
      const [traditional, simplified] = entry.split(' ');
      // Single characters only: the browser maps character by character.
      if (traditional && simplified && [...traditional].length === 1 && [...simplified].length === 1 && traditional !== simplified) {
        table.set(traditional, simplified);
      }
    }
  }
  return table;
}

/** The traditional → simplified pairs whose simplified character occurs in the corpus text, and no others. */
export function variantsFor(corpusText: string): VariantMap {
  const used = new Set(corpusText);
  const map: Record<string, string> = {};
  for (const [traditional, simplified] of traditionalToSimplified()) {
    if (used.has(simplified)) map[traditional] = simplified;
  }
  return map;
}
