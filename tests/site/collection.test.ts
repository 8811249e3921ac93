import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtPages, distDir, visibleText } from '../../scripts/lib/dist';
import type { Catalog } from '../../src/lib/collection/catalog';
import { loadCorpus } from '../../src/loaders/load-corpus';

const corpus = loadCorpus(process.cwd());
const pages = new Map(builtPages().map((page) => [page.path, page.html]));
const catalog = JSON.parse(readFileSync(join(distDir, 'collection', 'catalog.json'), 'utf8')) as Catalog;

/** The keys of the 加入引用夹 buttons on a page. */
const collectKeys = (html: string) => [...html.matchAll(/data-collect="([^"]+)"/g)].map((match) => match[1]);

describe('the collection', () => {
  it('has a catalog of every document and every clause, with what the collection page lists and cites', () => {
    expect(Object.keys(catalog.documents).sort()).toEqual(corpus.policies.map((policy) => policy.id).sort());
    for (const { id, data } of corpus.policies) {
      const document = catalog.documents[id];
      expect(document).toMatchObject({ title: data.title, officialTitle: data.officialTitle, issuersComplete: data.issuersComplete, status: { state: data.status.state } });
      expect(document.documentNumber).toBe(data.documentNumber);
      expect(document.issuerNames).toHaveLength(data.issuers.length);
      expect(Object.entries(document.clauses)).toEqual(data.clauses.map((clause) => [clause.id, { heading: clause.heading, text: clause.text }]));
    }
  });

  it('puts 加入引用夹 on every clause and on the document, on each document page, and on each clause page', () => {
    for (const { id, data } of corpus.policies) {
      expect(collectKeys(pages.get(`/policies/${id}/`)!)).toEqual(expect.arrayContaining([id, ...data.clauses.map((clause) => `${id}.${clause.id}`)]));
      for (const clause of data.clauses) expect(collectKeys(pages.get(`/policies/${id}/${clause.id}/`)!)).toContain(`${id}.${clause.id}`);
    }
  });

  it('puts 加入引用夹 on every clause of a topic page', () => {
    for (const topic of corpus.topics) {
      const onTopic = corpus.policies.flatMap(({ id, data }) => data.clauses.filter((clause) => clause.topics.includes(topic.id)).map((clause) => `${id}.${clause.id}`));
      const html = pages.get(`/topics/${topic.id}/`)!;
      expect(collectKeys(html)).toEqual(expect.arrayContaining(onTopic));
    }
  });

  it('says plainly, without JavaScript, that the collection page needs it', () => {
    expect(visibleText(pages.get('/collection/')!)).toContain('引用夹需要启用 JavaScript');
  });
});
