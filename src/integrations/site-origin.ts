import type { AstroIntegration } from 'astro';

/** The line a build without SITE prints: what the site leaves out when it does not know its public origin. */
export const SITE_UNSET_MESSAGE =
  'SITE is unset: canonical URLs, the Sitemap line of robots.txt and absolute share URLs are left out (fine for a local preview; set SITE=https://… for a deployed site)';

/** Says at the start of a build when SITE (the public origin) is unset, so that nobody deploys such a build unaware. */
export function siteOriginIntegration(): AstroIntegration {
  let site: string | undefined;
  return {
    name: 'mg-policy:site-origin',
    hooks: {
      'astro:config:done': ({ config }) => {
        site = config.site;
      },
      'astro:build:start': ({ logger }) => {
        if (!site) logger.warn(SITE_UNSET_MESSAGE);
      },
    },
  };
}
