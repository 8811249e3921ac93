import { describe, expect, it } from 'vitest';
import { FileSystemConfigLoader, HtmlValidate } from 'html-validate';
import { builtPages } from '../../scripts/lib/dist';

// The rules are in .htmlvalidate.json (html-validate:recommended, ids as HTML5 allows them).
const validator = new HtmlValidate(new FileSystemConfigLoader());

describe('HTML validity (html-validate)', () => {
  for (const { path, html } of builtPages()) {
    it(`${path} has no errors`, async () => {
      const report = await validator.validateString(html, `dist${path}index.html`);
      const errors = report.results.flatMap((result) => result.messages.map((message) => `${message.line}:${message.column} ${message.ruleId}: ${message.message}`));
      expect(errors).toEqual([]);
    });
  }
});
