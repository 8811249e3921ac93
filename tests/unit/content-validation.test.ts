import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ContentError } from '../../src/loaders/content-error';
import { buildDay } from '../../src/lib/site/build-time';
import { loadCorpus } from '../../src/loaders/load-corpus';

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
const fixtures = join(projectRoot, 'tests/fixtures');
const baseDir = join(fixtures, 'base');
const invalidDir = join(fixtures, 'invalid');

/**
 * What one invalid case must report: `file` (and `line`, when given) exactly, `field` and `message`
 * as substrings; and what it must not: no problem's message may contain a string of `absent`.
 */
interface Expected {
  file: string;
  line?: number;
  field: string;
  message: string;
  absent?: string[];
}

const tempDirs: string[] = [];
afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

/** Copies the base corpus to `<tmp>/content/`, overlays the case's files (not expected.json), returns `<tmp>`. */
function corpusWithOverlay(caseDir?: string): string {
  const root = mkdtempSync(join(tmpdir(), 'mg-content-'));
  tempDirs.push(root);
  const content = join(root, 'content');
  cpSync(baseDir, content, { recursive: true });
  if (caseDir) {
    cpSync(caseDir, content, { recursive: true, filter: (source) => source !== join(caseDir, 'expected.json') });
  }
  return root;
}

/** Runs the loader and returns the ContentError it throws (failing the test if it does not throw one). */
function loadError(root: string | (() => unknown)): ContentError {
  try {
    if (typeof root === 'string') loadCorpus(root, 'content');
    else root();
  } catch (error) {
    expect(error).toBeInstanceOf(ContentError);
    return error as ContentError;
  }
  expect.fail('loadCorpus accepted invalid content');
}

describe('content validation', () => {
  it('accepts the minimal base corpus', () => {
    const corpus = loadCorpus(corpusWithOverlay(), 'content');
    expect(corpus.ministries).toHaveLength(3);
    expect(corpus.topics).toHaveLength(2);
    expect(corpus.policies.map((policy) => policy.id).sort()).toEqual(['2022-industrial-carbon-peak', '2023-nonferrous-stable-growth']);
    expect(corpus.policies.map((policy) => policy.filePath).sort()).toEqual([
      'content/policies/2022-industrial-carbon-peak.mdx',
      'content/policies/2023-nonferrous-stable-growth.mdx',
    ]);
  });

  it('accepts the base corpus straight from tests/fixtures', () => {
    expect(() => loadCorpus(fixtures, 'base')).not.toThrow();
  });

  it("checks dates against the build's day: SOURCE_DATE_EPOCH when set", () => {
    expect(buildDay({ SOURCE_DATE_EPOCH: '1793318400' })).toBe('2026-10-30');
    const root = corpusWithOverlay();
    expect(() => loadCorpus(root, 'content', '2026-11-01')).not.toThrow();
    // The base corpus's status was checked in 2026-11: a build in October 2026 cannot know that.
    const error = loadError(() => loadCorpus(root, 'content', '2026-10-30'));
    expect(error.message).toContain('status.asOf: "2026-11" is after 2026-10, the month of this build');
  });

  it('completes a successor given by `policy:` alone with the title, number and date of that policy file', () => {
    const corpus = loadCorpus(corpusWithOverlay(join(fixtures, 'valid/successor-by-policy-id')), 'content');
    const replaced = corpus.policies.find((policy) => policy.id === '2022-industrial-carbon-peak')!;
    expect(replaced.data.status.successor).toEqual({
      policy: '2023-nonferrous-stable-growth',
      title: '有色金属行业稳增长工作方案',
      documentNumber: '工信部联原〔2023〕130号',
      date: '2023-08-25',
    });
  });

  const cases = readdirSync(invalidDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();

  it('has every invalid case', () => {
    // The real number of cases: removing one fails here, not silently.
    expect(cases.length).toBeGreaterThanOrEqual(60);
  });

  describe.each(cases)('rejects invalid/%s', (name) => {
    const caseDir = join(invalidDir, name);
    const expected = JSON.parse(readFileSync(join(caseDir, 'expected.json'), 'utf8')) as Expected;

    it(`reports ${expected.file}: ${expected.field}`, () => {
      const error = loadError(corpusWithOverlay(caseDir));
      const match = error.problems.find(
        (problem) =>
          problem.file === expected.file &&
          (expected.line === undefined || problem.line === expected.line) &&
          problem.field.includes(expected.field) &&
          problem.message.includes(expected.message),
      );
      expect(match, `no problem matches ${JSON.stringify(expected)}; got:\n${error.message}`).toBeDefined();
      expect(error.message).toContain(expected.line === undefined ? expected.file : `${expected.file}:${expected.line}`);
      expect(error.message).toContain(expected.field);
      expect(error.message).toContain(expected.message);
      for (const absent of expected.absent ?? []) expect(error.message).not.toContain(absent);
      // Astro adds a hint about browser APIs to an error whose toString() says "document" or "window".
      for (const problem of error.problems) expect(problem.message).not.toMatch(/\bdocument\b|\bwindow\b/i);
      expect(error.toString()).not.toMatch(/document|window/i);
    });
  });

  it('accepts the real content/ with its 13 policies', () => {
    const corpus = loadCorpus(projectRoot, 'content');
    expect(corpus.policies).toHaveLength(13);
    // Every document gives its period (or why it is unknown) and a status checked in December 2026.
    for (const policy of corpus.policies) {
      expect(policy.data.period, policy.id).toBeDefined();
      expect(policy.data.status.asOf, policy.id).toBe('2026-12');
    }
    // 待核 only where the facts say so, with the reason.
    expect(corpus.policies.filter((policy) => policy.data.status.state === 'unknown').map((policy) => policy.id)).toEqual(['2023-equipment-renewal-recycling']);
  });
});
