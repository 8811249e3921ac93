import { z } from 'astro/zod';

/** A segment of a site path or an anchor: lower-case ASCII, digits and hyphens (as every id of the site). */
const SEGMENT = '[a-z0-9]+(?:-+[a-z0-9]+)*';

/** A site path as `content/url-lock.json` writes it: without the deploy base, a page ending in "/", maybe with an #anchor. */
const SITE_PATH = new RegExp(`^/(?:${SEGMENT}/)*(?:#${SEGMENT})?$`);

const sitePath = z
  .string({ error: 'expected a site path in quotes or plain, e.g. "/policies/2023-nonferrous-stable-growth/"' })
  .regex(
    SITE_PATH,
    'expected a site path without the deploy base: a page ending in "/" (e.g. "/policies/2023-nonferrous-stable-growth/") or an anchor on one (e.g. "/policies/2023-nonferrous-stable-growth/#supply-capacity")',
  );

/** The part of a site path before its #anchor. */
export const pageOf = (path: string): string => path.split('#')[0];

/** The #anchor of a site path, without the #; undefined for a page. */
export const anchorOf = (path: string): string | undefined => (path.includes('#') ? path.slice(path.indexOf('#') + 1) : undefined);

/**
 * One entry of `content/redirects.yaml`: an address that was published and is no longer, and
 * where it is now. A page leads to a page (or an anchor on one); an anchor leads to an anchor on
 * the same page (a renamed clause: the document page keeps the old id just before the clause).
 */
export const redirectSchema = z
  .strictObject({
    /** The address that is no longer published, e.g. `/policies/old-id/` or `/policies/<id>/#old-clause`. */
    from: sitePath,
    /** Where it is now: a page or an anchor that the site publishes, e.g. `/policies/new-id/` or `/policies/<id>/#new-clause`. */
    to: sitePath,
  })
  .superRefine((entry, context) => {
    if (entry.from === entry.to) {
      context.addIssue({ code: 'custom', path: ['to'], message: 'is the same address as "from"; expected the address it moved to' });
      return;
    }
    const fromAnchor = anchorOf(entry.from);
    if (fromAnchor === undefined) return;
    if (anchorOf(entry.to) === undefined || pageOf(entry.to) !== pageOf(entry.from)) {
      context.addIssue({
        code: 'custom',
        path: ['to'],
        message: `expected an anchor on the same page, e.g. "${pageOf(entry.from)}#new-clause-id": an old #anchor is kept as an element on its page, so it can only lead to an anchor there (for a renamed policy, redirect its page and rename the clause on the new page)`,
      });
    }
  });

export type Redirect = z.infer<typeof redirectSchema>;
