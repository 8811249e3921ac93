import type { AstroIntegration } from 'astro';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Merges the per-page policies of `<meta http-equiv="content-security-policy">` into one header value. */
export function mergePolicies(policies: string[], extra: string[]): string {
  const directives = new Map<string, Set<string>>();
  for (const policy of policies) {
    for (const directive of policy.split(';').map((part) => part.trim()).filter(Boolean)) {
      const [name, ...sources] = directive.split(/\s+/);
      const set = directives.get(name) ?? new Set<string>();
      for (const source of sources) set.add(source);
      directives.set(name, set);
    }
  }
  return [...[...directives].map(([name, sources]) => [name, ...sources].join(' ')), ...extra].join('; ');
}

/**
 * Writes `_headers` (the format of Netlify, Cloudflare Pages and others) beside the site: the same
 * Content-Security-Policy as the pages' meta tags, plus what only a header can say.
 */
export function securityHeadersIntegration(): AstroIntegration {
  return {
    name: 'mg-policy:security-headers',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const files = (await readdir(outDir, { recursive: true })).filter((file) => file.endsWith('.html'));
        // One file at a time: a large site has more pages than a process may keep open at once.
        const policies: string[] = [];
        for (const file of files) {
          policies.push(/<meta http-equiv="content-security-policy" content="([^"]+)"/.exec(await readFile(join(outDir, file), 'utf8'))?.[1] ?? '');
        }
        const policy = mergePolicies(policies.filter(Boolean), ["frame-ancestors 'none'"]);
        const headers = [
          '/*',
          `  Content-Security-Policy: ${policy}`,
          '  X-Content-Type-Options: nosniff',
          '  Referrer-Policy: strict-origin-when-cross-origin',
          '  Permissions-Policy: camera=(), microphone=(), geolocation=(), interest-cohort=()',
          '  Cross-Origin-Opener-Policy: same-origin',
          '',
        ].join('\n');
        await writeFile(join(outDir, '_headers'), headers);
        logger.info(`wrote _headers (Content-Security-Policy from ${files.length} pages)`);
      },
    },
  };
}
