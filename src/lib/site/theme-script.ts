/**
 * The one inline script of the site: it applies a remembered colour theme before the first paint.
 * It lives here so that the Content-Security-Policy can allow it by its hash (see astro.config.mjs).
 */
export const themeScript = `try{const t=localStorage.getItem('theme');if(t==='light'||t==='dark')document.documentElement.dataset.theme=t}catch{}`;
