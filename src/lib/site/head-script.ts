/**
 * The one hand-written inline script of the site, run in the head before the first paint: it marks
 * the page as running JavaScript (`js` on <html>, and `can-share` where the browser has a share
 * sheet), so that controls that need it are laid out from the start (global.css: .js-only,
 * .share-only) and nothing moves when the page's scripts wire them; and it applies a remembered
 * colour theme. It lives here so that the Content-Security-Policy can allow it by its hash (see
 * astro.config.mjs).
 */
export const headScript = `const r=document.documentElement;r.classList.add('js');if('share'in navigator)r.classList.add('can-share');try{const t=localStorage.getItem('theme');if(t==='light'||t==='dark')r.dataset.theme=t}catch{}`;
