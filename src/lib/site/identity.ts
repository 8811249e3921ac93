/**
 * Who the site is and where it lives: its name, its language and its deploy base. Every page,
 * feed, share card, citation and data file reads them from here.
 */

/** The site's name, as readers see it. */
export const SITE_NAME = '中国镁产业政策文库';

/** The site's name in English. */
export const SITE_NAME_EN = 'China Magnesium Industry Policy Library';

/** The language of every page, feed and record. */
export const SITE_LANGUAGE = 'zh-CN';

/**
 * The deploy base path ("/" or "/sub-path/"), from Astro's BASE_URL (the BASE of the build).
 * Outside Astro (scripts, tests) there is none, and paths are site-relative.
 */
// (Marked pure, so that a browser script that needs only the name does not carry this line.)
export const SITE_BASE = /* @__PURE__ */ (import.meta.env?.BASE_URL ?? '/').replace(/\/?$/, '/');
