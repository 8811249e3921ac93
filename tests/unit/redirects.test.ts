import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FileSystemConfigLoader, HtmlValidate } from 'html-validate';
import {
  REDIRECT_SCRIPT,
  anchorRedirects,
  formerIds,
  pageRedirects,
  redirectPageHtml,
  redirectPageTarget,
  redirectsFile,
} from '../../src/lib/site/redirects';
import { ContentError } from '../../src/loaders/content-error';
import { loadCorpus } from '../../src/loaders/load-corpus';
import { parseRedirects, publishedSite } from '../../src/loaders/redirects';
import { redirectScriptHash } from '../../src/integrations/redirects';

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
const corpus = loadCorpus(projectRoot, 'tests/fixtures/base');
const site = publishedSite(corpus);
const FILE = 'content/redirects.yaml';

/** The problems of a redirects file, one `field: message` line each. */
function problems(yaml: string): string[] {
  try {
    parseRedirects(yaml, FILE, site);
  } catch (error) {
    expect(error).toBeInstanceOf(ContentError);
    return (error as ContentError).problems.map((problem) => `${problem.field}: ${problem.message}`);
  }
  return [];
}

describe('content/redirects.yaml', () => {
  it('is optional, and may hold comments only', () => {
    expect(parseRedirects('# nothing yet\n', FILE, site)).toEqual([]);
    expect(parseRedirects('[]\n', FILE, site)).toEqual([]);
  });

  it('reads page and anchor redirects', () => {
    const yaml = [
      '- { from: /policies/2023-old-name/, to: /policies/2023-nonferrous-stable-growth/ }',
      '- { from: /policies/2023-nonferrous-stable-growth/#old-clause, to: /policies/2023-nonferrous-stable-growth/#supply-capacity }',
    ].join('\n');
    expect(parseRedirects(yaml, FILE, site)).toEqual([
      { from: '/policies/2023-old-name/', to: '/policies/2023-nonferrous-stable-growth/' },
      { from: '/policies/2023-nonferrous-stable-growth/#old-clause', to: '/policies/2023-nonferrous-stable-growth/#supply-capacity' },
    ]);
  });

  it('names the file, the entry, the field and what is expected', () => {
    const error = (() => {
      try {
        parseRedirects('- { from: /policies/x/, to: /policies/y/ }\n', FILE, site);
      } catch (caught) {
        return caught as ContentError;
      }
    })();
    expect(error?.message).toBe(
      'Invalid content (1 problem); nothing was published:\n' +
        `  ${FILE}  [0] (from "/policies/x/").to: "/policies/y/" is not a page the site publishes; expected the current address (redirects do not chain: point every old address at the one published now)`,
    );
  });

  it('wants every `to` published and every `from` gone', () => {
    expect(problems('- { from: /policies/2022-industrial-carbon-peak/, to: /policies/2023-nonferrous-stable-growth/ }')).toEqual([
      '[0] (from "/policies/2022-industrial-carbon-peak/").from: "/policies/2022-industrial-carbon-peak/" is still published; a redirect is for an address the site no longer publishes',
    ]);
    expect(problems('- { from: /policies/2023-nonferrous-stable-growth/#supply-capacity, to: /policies/2023-nonferrous-stable-growth/#major-projects }')).toEqual([
      '[0] (from "/policies/2023-nonferrous-stable-growth/#supply-capacity").from: "#supply-capacity" is still an anchor of /policies/2023-nonferrous-stable-growth/; a redirect is for an anchor the page no longer has',
    ]);
    expect(problems('- { from: /policies/old/, to: /policies/2023-nonferrous-stable-growth/#nothing-here }')).toEqual([
      '[0] (from "/policies/old/").to: "#nothing-here" is not an anchor of /policies/2023-nonferrous-stable-growth/; expected the id of one of its clauses or passages',
    ]);
  });

  it('keeps a renamed anchor on its own policy page, leading to a clause', () => {
    expect(problems('- { from: /policies/2023-nonferrous-stable-growth/#old, to: /policies/2022-industrial-carbon-peak/#magnesium-smelting }')).toEqual([
      expect.stringMatching(/^\[0\] \(from "\/policies\/2023-nonferrous-stable-growth\/#old"\)\.to: expected an anchor on the same page, e\.g\. "\/policies\/2023-nonferrous-stable-growth\/#new-clause-id"/),
    ]);
    expect(problems('- { from: /policies/2023-nonferrous-stable-growth/#old, to: /policies/2023-nonferrous-stable-growth/#report-narrative }')).toEqual([
      '[0] (from "/policies/2023-nonferrous-stable-growth/#old").to: "#report-narrative" is not a clause of /policies/2023-nonferrous-stable-growth/; a renamed anchor leads to a clause (expected one of: supply-capacity, major-projects)',
    ]);
    expect(problems('- { from: /overview/#old, to: /overview/#introduction }')).toEqual([
      expect.stringMatching(/^\[0\] \(from "\/overview\/#old"\)\.from: "\/overview\/" is not a policy page the site publishes/),
    ]);
  });

  it('refuses malformed entries, unknown fields and a second redirect of one address', () => {
    const found = problems(
      [
        '- { from: policies/x, to: /policies/2023-nonferrous-stable-growth/ }',
        '- { from: /policies/a/, to: /policies/2023-nonferrous-stable-growth/, status: 301 }',
        '- { to: /overview/ }',
        '- { from: /policies/b/, to: /policies/2023-nonferrous-stable-growth/ }',
        '- { from: /policies/b/, to: /policies/2022-industrial-carbon-peak/ }',
        '- { from: /policies/c/, to: /policies/c/ }',
      ].join('\n'),
    );
    expect(found).toEqual([
      expect.stringMatching(/^\[0\] \(from "policies\/x"\)\.from: expected a site path without the deploy base/),
      '[1] (from "/policies/a/"): unknown field "status"; expected "from" and "to"',
      expect.stringMatching(/^\[2\]\.from: required but missing/),
      '[4] (from "/policies/b/").from: entry [3] already redirects this address; expected one redirect per address',
      '[5] (from "/policies/c/").to: is the same address as "from"; expected the address it moved to',
    ]);
    expect(problems('from: /a/')).toEqual([expect.stringMatching(/^\(file\): expected a YAML list of redirects/)]);
    expect(problems('- [unclosed')).toEqual([expect.stringMatching(/^\(file\): invalid YAML/)]);
  });
});

describe('what the build makes of the redirects', () => {
  const redirects = [
    { from: '/policies/2023-old/', to: '/policies/2023-new/' },
    { from: '/policies/2023-new/#old-clause', to: '/policies/2023-new/#new-clause' },
    { from: '/policies/2022-x/#first-name', to: '/policies/2022-x/#current' },
    { from: '/policies/2022-x/#second-name', to: '/policies/2022-x/#current' },
  ];
  const clauses: Record<string, string[]> = { '2023-new': ['kept', 'new-clause'], '2022-x': ['current'] };

  it('moves the clause pages of a renamed policy and of a renamed clause', () => {
    expect(pageRedirects(redirects, (id) => clauses[id])).toEqual([
      { from: '/policies/2022-x/first-name/', to: '/policies/2022-x/current/', impliedBy: '/policies/2022-x/#first-name' },
      { from: '/policies/2022-x/second-name/', to: '/policies/2022-x/current/', impliedBy: '/policies/2022-x/#second-name' },
      { from: '/policies/2023-new/old-clause/', to: '/policies/2023-new/new-clause/', impliedBy: '/policies/2023-new/#old-clause' },
      { from: '/policies/2023-old/', to: '/policies/2023-new/' },
      { from: '/policies/2023-old/kept/', to: '/policies/2023-new/kept/', impliedBy: '/policies/2023-old/' },
      // The renamed clause was published under the old policy by its old id.
      { from: '/policies/2023-old/old-clause/', to: '/policies/2023-new/new-clause/', impliedBy: '/policies/2023-old/' },
    ]);
  });

  it('keeps the old anchors of renamed clauses, and of the overview quoting a renamed policy', () => {
    const anchors = anchorRedirects(redirects, [{ policy: '2023-new', passage: 'report-narrative' }]);
    expect(formerIds(anchors, '/policies/2022-x/')).toEqual(new Map([['current', ['first-name', 'second-name']]]));
    expect(formerIds(anchors, '/policies/2023-new/')).toEqual(new Map([['new-clause', ['old-clause']]]));
    expect(formerIds(anchors, '/overview/')).toEqual(new Map([['2023-new--report-narrative', ['2023-old--report-narrative']]]));
    expect(formerIds(anchors, '/policies/2023-old/')).toEqual(new Map());
  });

  const scriptHash = `'sha256-${createHash('sha256').update(REDIRECT_SCRIPT).digest('base64')}'`;

  it('writes a page that redirects with and without scripts, under the deploy base, kept out of search engines', () => {
    expect(redirectScriptHash).toBe(scriptHash);
    const html = redirectPageHtml({ to: '/policies/2023-new/', base: '/mg-policy/', site: 'https://example.org', label: '《新名称》', scriptHash });
    expect(html).toContain('<meta http-equiv="refresh" content="0; url=/mg-policy/policies/2023-new/">');
    expect(html).toContain('<link rel="canonical" href="https://example.org/mg-policy/policies/2023-new/">');
    expect(html).toContain('<meta name="robots" content="noindex">');
    expect(html).toContain('<p>此页面已移至：<a href="/mg-policy/policies/2023-new/">《新名称》</a></p>');
    expect(html).toContain(`<script>${REDIRECT_SCRIPT}</script>`);
    expect(html).toContain(`script-src 'self' ${scriptHash}`);
    expect(redirectPageTarget(html)).toBe('/mg-policy/policies/2023-new/');
    // Without SITE the origin is unknown: no canonical URL (as on every page), the link shows the address.
    const withoutSite = redirectPageHtml({ to: '/policies/2023-new/#a', base: '/', scriptHash });
    expect(withoutSite).not.toContain('canonical');
    expect(withoutSite).toContain('<a href="/policies/2023-new/#a">/policies/2023-new/#a</a>');
    expect(redirectPageTarget('<!DOCTYPE html>\n<html lang="zh-CN">')).toBeUndefined();
  });

  it('writes valid HTML', async () => {
    const validator = new HtmlValidate(new FileSystemConfigLoader());
    const html = redirectPageHtml({ to: '/policies/2023-new/', base: '/', site: 'https://example.org', label: '《新名称》', scriptHash });
    const report = await validator.validateString(html, 'dist/policies/2023-old/index.html');
    expect(report.results.flatMap((result) => result.messages.map((message) => `${message.ruleId}: ${message.message}`))).toEqual([]);
  });

  it('lists the page redirects in _redirects, under the deploy base', () => {
    expect(redirectsFile(pageRedirects(redirects.slice(0, 1), () => ['kept']), '/mg-policy/').split('\n')).toEqual([
      expect.stringMatching(/^# /),
      '/mg-policy/policies/2023-old/ /mg-policy/policies/2023-new/ 301',
      '/mg-policy/policies/2023-old/kept/ /mg-policy/policies/2023-new/kept/ 301',
      '',
    ]);
  });
});
