import { describe, expect, it } from 'vitest';
import type { CitableDocument } from '../../src/lib/share/citation';
import { referenceMetaTags, referenceTitle } from '../../src/lib/share/reference-metadata';

const threeBodies: CitableDocument = {
  officialTitle: '关于印发有色金属行业碳达峰实施方案的通知',
  documentNumber: '工信部联原〔2022〕153号',
  signed: '2022-11-10',
  published: '2022-11-15',
  issuerNames: ['工业和信息化部', '国家发展和改革委员会', '生态环境部'],
  issuersComplete: true,
};
const url = 'https://example.org/mg-policy/policies/2022-nonferrous-carbon-peak/';

/** The values of every tag of a name, in order. */
const values = (tags: { name: string; content: string }[], name: string) => tags.filter((tag) => tag.name === name).map((tag) => tag.content);

describe('reference manager tags', () => {
  const tags = referenceMetaTags(threeBodies, url);

  it('give the issuing bodies as authors, one tag each in official order, in both vocabularies', () => {
    expect(values(tags, 'citation_author')).toEqual(threeBodies.issuerNames);
    expect(values(tags, 'DC.creator')).toEqual(threeBodies.issuerNames);
    expect(values(tags, 'citation_technical_report_institution')).toEqual(['工业和信息化部、国家发展和改革委员会、生态环境部']);
  });

  it('give the title, the 文号, the publication date and the permanent URL', () => {
    expect(values(tags, 'citation_title')).toEqual([threeBodies.officialTitle]);
    expect(values(tags, 'DC.title')).toEqual([threeBodies.officialTitle]);
    expect(values(tags, 'citation_technical_report_number')).toEqual(['工信部联原〔2022〕153号']);
    expect(values(tags, 'citation_publication_date')).toEqual(['2022/11/15']);
    expect(values(tags, 'citation_date')).toEqual(['2022/11/15']);
    expect(values(tags, 'DC.date')).toEqual(['2022-11-15']);
    expect(values(tags, 'citation_public_url')).toEqual([url]);
    expect(values(tags, 'DC.identifier')).toEqual([url, '工信部联原〔2022〕153号']);
    expect(values(tags, 'citation_language')).toEqual(['zh']);
    expect(values(tags, 'DC.language')).toEqual(['zh-CN']);
  });

  it('name the clause in the title of a clause page', () => {
    const clause = { heading: '推进有色金属行业节能降碳改造' };
    expect(referenceTitle(threeBodies, clause)).toBe(`${threeBodies.officialTitle}：“推进有色金属行业节能降碳改造”条`);
    expect(values(referenceMetaTags(threeBodies, url, clause), 'citation_title')).toEqual([referenceTitle(threeBodies, clause)]);
  });

  it('fall back to the signing date, then the report month, and leave out what is not known', () => {
    const signedOnly = { ...threeBodies, published: undefined };
    expect(values(referenceMetaTags(signedOnly, url), 'citation_date')).toEqual(['2022/11/10']);
    const monthOnly: CitableDocument = { officialTitle: '关于印发《建材行业稳增长工作方案》的通知', reportDate: '2023-08', issuerNames: ['工业和信息化部'], issuersComplete: false };
    const tags = referenceMetaTags(monthOnly, undefined);
    expect(values(tags, 'citation_date')).toEqual(['2023/08']);
    expect(values(tags, 'DC.date')).toEqual(['2023-08']);
    // No 文号, and without SITE no URL: no empty tags.
    expect(tags.filter((tag) => /number|url|identifier/i.test(tag.name))).toEqual([]);
    expect(tags.every((tag) => tag.content.length > 0)).toBe(true);
  });
});
