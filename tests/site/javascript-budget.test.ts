import { afterAll, describe, expect, it } from 'vitest';
import { builtPages, javascriptBytes } from '../../scripts/lib/dist';

/** Pages may ship at most this much JavaScript (gzipped) before the reader interacts; search is measured apart. */
const BUDGET_BYTES = 10 * 1024;
const figures: string[] = [];

describe('JavaScript budget', () => {
  for (const { path, html } of builtPages().filter((page) => !page.path.startsWith('/search/'))) {
    it(`${path} ships at most 10 KB of gzipped JavaScript`, () => {
      const bytes = javascriptBytes(html);
      figures.push(`${path}: ${bytes} B`);
      expect(bytes).toBeLessThanOrEqual(BUDGET_BYTES);
    });
  }

  afterAll(() => console.log(`JavaScript per page (gzipped):\n  ${figures.join('\n  ')}`));
});
