// @ts-check
import mdx from '@astrojs/mdx';
import tailwindcss from '@tailwindcss/vite';
import { defineConfig } from 'astro/config';
import { createHash } from 'node:crypto';
import { pagefindIntegration } from './src/integrations/pagefind';
import { redirectsIntegration } from './src/integrations/redirects';
import { securityHeadersIntegration } from './src/integrations/security-headers';
import { shareImagesIntegration } from './src/integrations/share-images';
import { siteOriginIntegration } from './src/integrations/site-origin';
import { headScript } from './src/lib/site/head-script';

// SITE (the public origin, for canonical URLs) and BASE (a sub-path) let one build serve any static host.
const site = process.env.SITE;
const base = process.env.BASE ?? '/';

/**
 * Every page allows its own scripts and styles only (bundled, or inline by hash), and nothing from another origin.
 * @type {Exclude<NonNullable<NonNullable<import('astro').AstroUserConfig['security']>['csp']>, boolean>}
 */
export const contentSecurityPolicy = {
  directives: [
    "default-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ],
  scriptDirective: {
    // Pagefind's search runs as WebAssembly, which needs 'wasm-unsafe-eval' and nothing more.
    resources: ["'self'", "'wasm-unsafe-eval'"],
    hashes: [`sha256-${createHash('sha256').update(headScript).digest('base64')}`],
  },
};

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  integrations: [mdx(), siteOriginIntegration(), shareImagesIntegration(), pagefindIntegration(), redirectsIntegration(), securityHeadersIntegration()],
  security: { csp: contentSecurityPolicy },
  vite: {
    plugins: [tailwindcss()],
  },
});
