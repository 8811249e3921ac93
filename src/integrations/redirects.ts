import type { AstroIntegration } from 'astro';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { anchorOf } from '../schemas/redirect';
import { REDIRECT_SCRIPT, anchorRedirects, pageRedirects, redirectPageHtml, redirectsFile, type PageRedirect } from '../lib/site/redirects';
import { loadedCorpus } from '../loaders/astro-loaders';
import { loadedRedirects } from '../loaders/redirects';

/** The CSP source that allows the redirect pages' one script. */
export const redirectScriptHash = `'sha256-${createHash('sha256').update(REDIRECT_SCRIPT).digest('base64')}'`;

/**
 * The redirects of `content/redirects.yaml`: checked before any page is built (a mistake stops
 * the build, naming the entry and the field), then, after the pages, a redirect page at each old
 * page address and `_redirects` for the hosts that read it. Nothing is written when there is no
 * redirect. (Old #anchors are kept on their pages, around the renamed clause or quote: see FormerIds.astro.)
 * Runs before the security-headers step, which reads the pages' Content-Security-Policy.
 */
export function redirectsIntegration(): AstroIntegration {
  let base = '/';
  let site: string | undefined;
  let root = process.cwd();
  return {
    name: 'mg-policy:redirects',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
        site = config.site;
        root = fileURLToPath(config.root);
      },
      'astro:build:start': ({ logger }) => {
        const count = loadedRedirects(root).length;
        if (count > 0) logger.info(`${count} redirect${count === 1 ? '' : 's'} in content/redirects.yaml checked`);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const redirects = loadedRedirects(root);
        if (redirects.length === 0) return;
        const corpus = loadedCorpus();
        const policies = new Map(corpus.policies.map((policy) => [policy.id, policy.data]));
        const pages = pageRedirects(redirects, (id) => policies.get(id)?.clauses.map((clause) => clause.id));
        /** What the link of a redirect page says: the document or clause it leads to. */
        const label = ({ to }: PageRedirect): string | undefined => {
          const [, id, clauseId] = /^\/policies\/([^/#]+)\/(?:([^/#]+)\/)?/.exec(to) ?? [];
          const policy = id ? policies.get(id) : undefined;
          if (!policy) return undefined;
          const clause = policy.clauses.find((candidate) => candidate.id === (clauseId ?? anchorOf(to)));
          return clause ? `《${policy.title}》${clause.heading}` : `《${policy.title}》`;
        };
        const outDir = fileURLToPath(dir);
        for (const redirect of pages) {
          const file = join(outDir, redirect.from, 'index.html');
          if (existsSync(file)) throw new Error(`cannot write the redirect page of ${redirect.from}: the build already has a page there`);
          await mkdir(dirname(file), { recursive: true });
          await writeFile(file, redirectPageHtml({ to: redirect.to, base, site, label: label(redirect), scriptHash: redirectScriptHash }));
        }
        await writeFile(join(outDir, '_redirects'), redirectsFile(pages, base));
        const anchors = anchorRedirects(redirects, corpus.overview.sections.flatMap((section) => section.excerpts)).length;
        logger.info(`wrote ${pages.length} redirect page${pages.length === 1 ? '' : 's'} and _redirects; ${anchors} renamed anchor${anchors === 1 ? '' : 's'} kept on their pages`);
      },
    },
  };
}
