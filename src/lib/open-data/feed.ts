/**
 * The Atom feed (RFC 4287) of the documents, written from the open-data records.
 * Without a known origin (SITE unset) links are root-relative, which Atom allows (they resolve
 * against the feed's own URL), and ids, which must be absolute IRIs, are name-based UUIDs.
 */
import { createHash } from 'node:crypto';
import type { PolicyRecord } from './records';
import { license } from './records';
import { escapeXml } from './xml';
import { documentDate } from '../content/timeline';
import { SITE_LANGUAGE, SITE_NAME } from '../site/identity';

/** A fixed namespace for this site's name-based UUIDs (RFC 9562 version 5). */
const UUID_NAMESPACE = '3f1d6c52-7a0e-4b8e-9a51-6d2c0e8f4b17';

/** A version-5 UUID of a name in this site's namespace, as a `urn:uuid:` IRI. */
export function uuidUrn(name: string): string {
  const namespace = Buffer.from(UUID_NAMESPACE.replace(/-/g, ''), 'hex');
  const hash = createHash('sha1').update(namespace).update(name, 'utf8').digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The date a document is dated by in the feed (documentDate; a month stands for its first day), as
 * an RFC 3339 time: midnight in Beijing, where the documents are dated.
 */
export function documentDateTime(policy: Pick<PolicyRecord, 'published' | 'signed' | 'reportDate' | 'timelineMonth'>): string {
  const date = documentDate(policy);
  return `${date.length > 7 ? date : `${date}-01`}T00:00:00+08:00`;
}

/**
 * When a document's entry last changed: its date, or the day its status took effect (status.since,
 * a month standing for its first day) when that is later, e.g. a document replaced since 2025-08-28.
 */
export function entryUpdated(policy: Pick<PolicyRecord, 'published' | 'signed' | 'reportDate' | 'timelineMonth' | 'status'>): string {
  const date = documentDateTime(policy);
  const since = policy.status.since;
  if (!since) return date;
  const changed = `${since.length > 7 ? since : `${since}-01`}T00:00:00+08:00`;
  return changed > date ? changed : date;
}

/** The documents newest first by their date; documents of the same day keep the timeline's order reversed. */
export function newestFirst<T extends Pick<PolicyRecord, 'published' | 'signed' | 'reportDate' | 'timelineMonth'>>(oldestFirst: readonly T[]): T[] {
  return [...oldestFirst].reverse().sort((a, b) => documentDateTime(b).localeCompare(documentDateTime(a)));
}

/** The feed's summary of a document: its number, its issuers, its status and its first clause (else its narrative). */
export function feedSummary(policy: PolicyRecord): string {
  const parts = [
    policy.documentNumber,
    `发文机关：${policy.issuers.map((issuer) => issuer.name).join('、')}`,
    `状态：${policy.status.label}（截至${policy.status.asOf}）`,
    policy.clauses[0] ? `${policy.clauses[0].text}` : policy.narrative[0]?.text,
  ].filter((part): part is string => Boolean(part));
  return parts.join('\n');
}

export interface FeedOptions {
  /** The documents, oldest first, as in policies.json. */
  policies: readonly PolicyRecord[];
  /** URL of the feed itself (absolute when the origin is known). */
  feedUrl: string;
  /** URL of the home page. */
  homeUrl: string;
  /** URL of each issuing body's page, by id (for the entries' authors). */
  ministryUrl: (id: string) => string;
  /** URL of each topic's page, by id (the categories' scheme is the topics index). */
  topicsUrl: string;
  /** Whether URLs are absolute (SITE set): then they serve as ids too. */
  absolute: boolean;
  /** ISO date-time of the build, the feed's `updated`. */
  updated: string;
}

/** Feed readers poll the feed often: it lists the newest documents only, not the whole collection. */
export const FEED_ENTRIES = 50;

/** The Atom feed of the newest documents, newest first. */
export function atomFeed(options: FeedOptions): string {
  const { policies, feedUrl, homeUrl, absolute } = options;
  const x = escapeXml;
  const idOf = (url: string, name: string) => (absolute ? url : uuidUrn(name));
  const entries = newestFirst(policies).slice(0, FEED_ENTRIES).map((policy) => {
    const date = documentDateTime(policy);
    const updated = entryUpdated(policy);
    const authors = policy.issuers
      .map((issuer) => `    <author><name>${x(issuer.name)}</name><uri>${x(options.ministryUrl(issuer.id))}</uri></author>`)
      .join('\n');
    const categories = policy.topics
      .map((topic) => `    <category term="${x(topic.id)}" label="${x(topic.name)}" scheme="${x(options.topicsUrl)}"/>`)
      .join('\n');
    return [
      '  <entry>',
      `    <id>${x(idOf(policy.url, `policies/${policy.id}`))}</id>`,
      `    <title>${x(policy.title)}</title>`,
      `    <link rel="alternate" type="text/html" href="${x(policy.url)}"/>`,
      `    <published>${date}</published>`,
      `    <updated>${updated}</updated>`,
      authors,
      categories,
      `    <summary type="text">${x(feedSummary(policy))}</summary>`,
      '  </entry>',
    ].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${SITE_LANGUAGE}">`,
    `  <id>${x(idOf(feedUrl, 'feed'))}</id>`,
    `  <title>${SITE_NAME}：镁产业政策文件</title>`,
    `  <subtitle>国家层面与镁产业相关的政策文件，按文件日期由新到旧排列，至多列出最新的 ${FEED_ENTRIES} 份。</subtitle>`,
    `  <updated>${x(options.updated)}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${x(feedUrl)}"/>`,
    `  <link rel="alternate" type="text/html" href="${x(homeUrl)}"/>`,
    `  <author><name>${SITE_NAME}</name><uri>${x(homeUrl)}</uri></author>`,
    `  <rights>${x(`${license.scope.zh} ${license.url}`)}</rights>`,
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}
