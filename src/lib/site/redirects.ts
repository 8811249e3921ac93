/**
 * What the build makes of `content/redirects.yaml` (read and checked by src/loaders/redirects.ts):
 * a plain HTML page at each old page address that sends the reader on (any host serves it),
 * `_redirects` lines for the hosts that redirect by themselves, and the old ids of renamed clauses (and
 * of the overview's quotes of a renamed document), which the page keeps on an element around the
 * clause or quote so that an old #anchor still lands there.
 */
import { anchorOf, pageOf, type Redirect } from '../../schemas/redirect';
import { SITE_LANGUAGE, SITE_NAME } from './identity';
import { absoluteUrl, clausePath, excerptAnchor, overviewPath, policyPageOf, withBase } from './urls';

/** A page address that no longer exists and the address (page, maybe with #anchor) it leads to; both without the deploy base. */
export interface PageRedirect {
  from: string;
  to: string;
  /** For a redirect implied by an entry rather than written: that entry's `from`. */
  impliedBy?: string;
}

const documentId = (page: string): string | undefined => {
  const named = policyPageOf(page);
  return named && !named.clauseId ? named.policyId : undefined;
};

/**
 * Every page redirect: the entries that redirect a page, and the clause pages they imply.
 * - A renamed clause (`/policies/d/#old` → `/policies/d/#new`) also moves its page `/policies/d/old/` to `/policies/d/new/`.
 * - A renamed document (`/policies/old/` → `/policies/new/`) also moves each clause page `/policies/old/<clause>/`
 *   to `/policies/new/<clause>/`, for the clauses of the new document, a clause renamed on the new page by its old id.
 * A written entry wins over an implied one for the same address.
 */
export function pageRedirects(redirects: readonly Redirect[], clausesOf: (policyId: string) => readonly string[] | undefined): PageRedirect[] {
  const written = redirects.filter((entry) => anchorOf(entry.from) === undefined).map(({ from, to }): PageRedirect => ({ from, to }));
  const implied: PageRedirect[] = [];
  const renamedClauses = redirects.filter((entry) => anchorOf(entry.from) !== undefined);
  for (const entry of renamedClauses) {
    const id = documentId(pageOf(entry.from))!;
    implied.push({ from: clausePath(id, anchorOf(entry.from)!, '/'), to: clausePath(id, anchorOf(entry.to)!, '/'), impliedBy: entry.from });
  }
  for (const entry of written) {
    const oldId = documentId(entry.from);
    const newId = anchorOf(entry.to) === undefined ? documentId(entry.to) : undefined;
    if (!oldId || !newId) continue;
    const renamedHere = renamedClauses.filter((other) => pageOf(other.from) === entry.to);
    // A clause renamed on the new page was published under the old document with its old id only.
    const newIds = new Set(renamedHere.map((renamed) => anchorOf(renamed.to)!));
    for (const clause of (clausesOf(newId) ?? []).filter((id) => !newIds.has(id))) {
      implied.push({ from: clausePath(oldId, clause, '/'), to: clausePath(newId, clause, '/'), impliedBy: entry.from });
    }
    for (const renamed of renamedHere) {
      implied.push({ from: clausePath(oldId, anchorOf(renamed.from)!, '/'), to: clausePath(newId, anchorOf(renamed.to)!, '/'), impliedBy: entry.from });
    }
  }
  const all = new Map<string, PageRedirect>();
  for (const redirect of [...written, ...implied]) if (!all.has(redirect.from)) all.set(redirect.from, redirect);
  return [...all.values()].sort((a, b) => a.from.localeCompare(b.from));
}

/** An anchor that no longer exists on its page and the anchor on the same page it leads to; both without the deploy base. */
export interface AnchorRedirect {
  from: string;
  to: string;
  /** For a redirect implied by an entry rather than written: that entry's `from`. */
  impliedBy?: string;
}

/**
 * Every anchor redirect: the renamed clauses of content/redirects.yaml, and the anchors a renamed
 * document implies on /overview/, where each passage it quotes is anchored `<policy-id>--<passage-id>`.
 */
export function anchorRedirects(redirects: readonly Redirect[], excerpts: readonly { policy: string; passage: string }[]): AnchorRedirect[] {
  const written = redirects.filter((entry) => anchorOf(entry.from) !== undefined).map(({ from, to }): AnchorRedirect => ({ from, to }));
  const implied: AnchorRedirect[] = [];
  for (const entry of redirects) {
    const oldId = documentId(entry.from);
    const newId = anchorOf(entry.to) === undefined ? documentId(entry.to) : undefined;
    if (!oldId || !newId) continue;
    for (const { passage } of excerpts.filter((excerpt) => excerpt.policy === newId)) {
      implied.push({ from: overviewPath(excerptAnchor(oldId, passage), '/'), to: overviewPath(excerptAnchor(newId, passage), '/'), impliedBy: entry.from });
    }
  }
  return [...written, ...implied];
}

/** The former ids of the anchors of a page (a site path without the deploy base): anchor id → old ids, in the order written. */
export function formerIds(redirects: readonly AnchorRedirect[], page: string): Map<string, string[]> {
  const former = new Map<string, string[]>();
  for (const { from, to } of redirects) {
    if (pageOf(from) !== page) continue;
    const id = anchorOf(to)!;
    former.set(id, [...(former.get(id) ?? []), anchorOf(from)!]);
  }
  return former;
}

/**
 * The one script of a redirect page: it carries the old address's #anchor over to the new page
 * (a meta refresh drops it), unless the target names its own. It reads the target from the page,
 * so every redirect page has the same script and one CSP hash allows it.
 */
export const REDIRECT_SCRIPT = "var t=document.documentElement.dataset.redirectTo;location.replace(t.indexOf('#')<0?t+location.hash:t)";

/** What a redirect page needs to know. */
export interface RedirectPageOptions {
  /** Where the reader goes: a site path without the deploy base, maybe with an #anchor. */
  to: string;
  /** The deploy base ("/" or "/sub-path/"). */
  base: string;
  /** The public origin, when known: then the page names the new URL as canonical. */
  site?: URL | string;
  /** What the link says, e.g. the document's title; the address when omitted. */
  label?: string;
  /** The sha256 CSP source of REDIRECT_SCRIPT, e.g. `'sha256-…'`. */
  scriptHash: string;
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * A page that sends the reader on at once: a refresh to the new address (no script needed), the
 * same with the old #anchor when scripts run, a canonical link to the new URL (with SITE), kept out
 * of search engines, and a visible link for whoever is still there.
 */
export function redirectPageHtml({ to, base, site, label, scriptHash }: RedirectPageOptions): string {
  const target = withBase(to, base);
  const siteUrl = typeof site === 'string' ? new URL(site) : site;
  const canonical = siteUrl ? absoluteUrl(target, siteUrl) : undefined;
  const csp = ["default-src 'self'", `script-src 'self' ${scriptHash}`, "object-src 'none'", "base-uri 'self'", "form-action 'self'"].join('; ');
  return [
    '<!DOCTYPE html>',
    `<html lang="${SITE_LANGUAGE}" data-redirect-to="${escapeHtml(target)}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="content-security-policy" content="${csp}">`,
    `<title>此页面已移动｜${SITE_NAME}</title>`,
    '<meta name="robots" content="noindex">',
    ...(canonical ? [`<link rel="canonical" href="${escapeHtml(canonical)}">`] : []),
    `<script>${REDIRECT_SCRIPT}</script>`,
    `<meta http-equiv="refresh" content="0; url=${escapeHtml(target)}">`,
    '</head>',
    '<body>',
    '<main>',
    `<p>此页面已移至：<a href="${escapeHtml(target)}">${escapeHtml(label ?? target)}</a></p>`,
    '<p>如未自动跳转，请点击上面的链接。</p>',
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** The address a built redirect page leads to (with the deploy base), or undefined for any other page. */
export function redirectPageTarget(html: string): string | undefined {
  const match = /^<!DOCTYPE html>\s*<html [^>]*data-redirect-to="([^"]*)"/i.exec(html);
  return match ? match[1].replace(/&quot;/g, '"').replace(/&gt;/g, '>').replace(/&lt;/g, '<').replace(/&amp;/g, '&') : undefined;
}

/**
 * `_redirects` (the format of Netlify and Cloudflare Pages): one permanent redirect per old page.
 * Cloudflare applies them before serving the page at the old address; Netlify serves that page
 * (which redirects in turn) unless the line is forced.
 */
export function redirectsFile(redirects: readonly PageRedirect[], base: string): string {
  return [
    '# Pages that moved (content/redirects.yaml); each old address also has a page that redirects.',
    ...redirects.map((redirect) => `${withBase(redirect.from, base)} ${withBase(redirect.to, base)} 301`),
    '',
  ].join('\n');
}
