import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mergePolicies } from '../../src/integrations/security-headers';
import { builtPages, distDir } from '../../scripts/lib/dist';
import { redirectPageTarget } from '../../src/lib/site/redirects';

const policyOf = (html: string) => /<meta http-equiv="content-security-policy" content="([^"]+)"/.exec(html)?.[1];

describe('Content-Security-Policy', () => {
  const pages = builtPages();

  it('every page carries one, allowing no inline script or style without a hash and no other origin', () => {
    for (const { path, html } of pages) {
      const policy = policyOf(html);
      expect(policy, path).toBeDefined();
      expect(policy, path).not.toMatch(/'unsafe-inline'|'unsafe-eval'|https?:|\*/);
      // A page at an old address that redirects (content/redirects.yaml) runs one hashed script and no search.
      if (redirectPageTarget(html) === undefined) expect(policy, path).toMatch(/script-src 'self' 'wasm-unsafe-eval'/);
    }
  });

  it('hashes every inline script of every page', () => {
    for (const { path, html } of pages) {
      const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)(?![^>]*type="application\/(?:ld\+)?json")[^>]*>([\s\S]*?)<\/script>/g)].map((match) => match[1]);
      for (const script of inline) {
        const hash = `'sha256-${createHash('sha256').update(script).digest('base64')}'`;
        expect(policyOf(html), `${path}: ${script.slice(0, 60)}`).toContain(hash);
      }
    }
  });

  it('is written to _headers for hosts that set headers, with frame-ancestors', () => {
    const headers = readFileSync(join(distDir, '_headers'), 'utf8');
    expect(headers).toMatch(/^\/\*\n  Content-Security-Policy: default-src 'self';/);
    expect(headers).toContain("frame-ancestors 'none'");
    expect(headers).toContain('X-Content-Type-Options: nosniff');
    for (const { html } of pages) {
      for (const hash of policyOf(html)!.match(/'sha256-[^']+'/g) ?? []) expect(headers).toContain(hash);
    }
  });

  it('merges page policies source by source', () => {
    expect(mergePolicies(["default-src 'self'; script-src 'self' 'sha256-a'", "default-src 'self'; script-src 'self' 'sha256-b'"], ["frame-ancestors 'none'"])).toBe(
      "default-src 'self'; script-src 'self' 'sha256-a' 'sha256-b'; frame-ancestors 'none'",
    );
  });
});
