import { describe, expect, it } from 'vitest';
import { indexDocuments, OVERVIEW_ID, searchSections, searchTargets } from '../../src/lib/search/index-documents';
import { decodeRecord, encodeRecord, searchRecordFile, type PublishedRecord, type SearchSection } from '../../src/lib/search/sections';
import { charCode, characterToken, indexTokens, normalizeText, normalizeWithOrigins, queryTokens, queryWords } from '../../src/lib/search/normalize';
import { assessDocument, excerpt, matchSection, namedIssuers, wordSpan } from '../../src/lib/search/rank';
import { variantsFor } from '../../src/lib/search/variants';
import { loadCorpus } from '../../src/loaders/load-corpus';

const corpus = loadCorpus(process.cwd());
const variants = variantsFor(JSON.stringify(corpus));

describe('normalization', () => {
  it('drops every bracket style of a document number, and whitespace and quotes', () => {
    const forms = ['工信部联原〔2023〕130号', '工信部联原[2023]130号', '工信部联原(2023)130号', '工信部联原（2023）130号', '工信部联原﹝2023﹞130号', '工信部联原【2023】130号', '工信部联原 2023 130号'];
    for (const form of forms) expect(normalizeText(form)).toBe('工信部联原2023130号');
    expect(normalizeText('“十四五”')).toBe('十四五');
  });

  it('folds full-width forms and case', () => {
    expect(normalizeText('２０２３ＡＢＣ')).toBe('2023abc');
  });

  it('maps traditional characters the corpus needs to simplified ones', () => {
    expect(queryWords('鎂合金 發改委 竪罐煉鎂', variants)).toEqual(['镁合金', '发改委', '竖罐炼镁']);
  });

  it('ships only the variants of characters in the corpus', () => {
    expect(variants['鎂']).toBe('镁');
    expect(Object.keys(variants).length).toBeLessThan(2000);
    expect(Object.values(variants).every((simplified) => JSON.stringify(corpus).includes(simplified))).toBe(true);
  });

  it('maps every normalized character back to the original', () => {
    const { text, origins } = normalizeWithOrigins('工信部联原〔2023〕130号');
    expect(text).toBe('工信部联原2023130号');
    expect(origins[5]).toBe(6); // "2" follows the dropped "〔"
  });

  it('splits queries on any space and removes duplicates', () => {
    expect(queryWords('  竖罐\u3000炼镁 竖罐 ')).toEqual(['竖罐', '炼镁']);
    expect(queryWords('〔〕  ')).toEqual([]);
  });

  it('reads every dash and swung dash of a range as one', () => {
    for (const form of ['2024—2025年', '2024-2025年', '2024–2025年', '2024－2025年', '2024~2025年', '2024～2025年', '2024〜2025年']) expect(normalizeText(form)).toBe('2024-2025年');
  });

  it('reads numbers as readers type them: full-width digits, points and percent signs, a full stop as decimal point', () => {
    expect(queryWords('４．５亿吨 １３．５％ 4。5亿吨 24％')).toEqual(['4.5亿吨', '13.5%', '24%']);
    // A full stop elsewhere stays: it ends a sentence.
    expect(queryWords('年。5')).toEqual(['年。5']);
  });

  it('leaves ideographs as Unicode normalization does, and folds ASCII letters and digits the same (normalize.ts skips it for them)', () => {
    const ascii = Array.from({ length: 0x7f - 0x20 }, (_, index) => String.fromCharCode(0x20 + index)).filter((char) => /[a-z0-9]/i.test(char));
    const ideographs = Array.from({ length: 0x9fff - 0x4e00 + 1 }, (_, index) => String.fromCharCode(0x4e00 + index));
    const differing = [...ascii, ...ideographs].filter((char) => normalizeText(char) !== char.normalize('NFKC').toLowerCase());
    expect(differing).toEqual([]);
    // The characters around them still go through it.
    expect(normalizeText('①Ⅻ㍿﨑')).toBe('1xii株式会社﨑'.normalize('NFKC'));
  });

  it('splits a word where Latin letters meet Chinese characters, and folds the case of Latin letters', () => {
    expect(queryWords('MIIT镁渣 工信部Ndrc Ministry of Finance')).toEqual(['miit', '镁渣', '工信部', 'ndrc', 'ministry', 'of', 'finance']);
    // Digits stay with the characters they qualify.
    expect(queryWords('4.5亿吨 2025年底')).toEqual(['4.5亿吨', '2025年底']);
  });
});

describe('tokens', () => {
  it('gives every character a prefix-free code', () => {
    expect(charCode('镁')).toHaveLength(3);
    expect(charCode('𠀀')).toMatch(/^z[0-9a-z]{4}$/);
    expect(charCode('镁').startsWith('z')).toBe(false);
  });

  it('indexes each pair of neighbouring characters and each character, once', () => {
    const [a, b, c] = [...'镁冶炼'].map(charCode);
    expect(indexTokens('镁冶炼镁冶')).toEqual([a + b, b + c, c + a, ...[...'镁冶炼'].map(characterToken)]);
    // A character's token sorts after every pair (so its long list of documents fills index chunks of
    // its own), and is the prefix of no other token.
    const pairs = [charCode('镁') + charCode('冶'), charCode('𠀀') + charCode('镁'), charCode('\u{10FFFF}') + charCode('镁')];
    expect(pairs.every((pair) => pair < characterToken('0') && !characterToken('镁').startsWith(pair) && !pair.startsWith(characterToken('镁')))).toBe(true);
  });

  it('asks for the pairs of each word, or a single character by its own token', () => {
    const [a, b, c, d] = [...'竖罐炼镁'].map(charCode);
    expect(queryTokens(['竖罐炼镁'])).toBe(`${a + b} ${b + c} ${c + d}`);
    expect(queryTokens(['镁'])).toBe(characterToken('镁'));
    expect(queryTokens(['竖罐', '镁'])).toBe(`${a + b} ${characterToken('镁')}`);
    // Every pair asked for is among the tokens of a text that contains the word.
    const text = normalizeText('推广高效稳定竖式还原炼镁');
    const tokens = new Set(indexTokens(text));
    expect(queryTokens(['式还原炼镁']).split(' ').every((token) => tokens.has(token))).toBe(true);
  });

  it('asks for at most four pairs of a long word, its first and last among them', () => {
    const word = normalizeText('工信部联原〔2023〕130号');
    const codes = [...word].map(charCode);
    const pairs = queryTokens([word]).split(' ');
    expect(pairs).toHaveLength(4);
    expect(pairs[0]).toBe(codes[0] + codes[1]);
    expect(pairs.at(-1)).toBe(codes.at(-2)! + codes.at(-1)!);
  });
});

describe('ranking', () => {
  const sections = searchSections(corpus);
  const of = (id: string) => sections.get(id)!;
  const section = (anchor: string, label: string, text: string): SearchSection => ({ anchor, label, text });

  it('links to the first clause holding the query and marks it', () => {
    const assessment = assessDocument(of('2023-industrial-structure-catalogue'), ['镁冶炼']);
    expect(assessment.complete).toBe(true);
    expect(assessment.best?.section.anchor).toBe('restricted-projects');
    const quote = excerpt(assessment.best!);
    expect(quote.ranges.map(([from, to]) => quote.text.slice(from, to))).toContain('镁冶炼');
  });

  it('links a document number or an alias to the document itself', () => {
    expect(assessDocument(of('2023-nonferrous-stable-growth'), ['工信部联原2023130号']).best?.section.anchor).toBe('metadata');
    expect(assessDocument(of('2023-industrial-structure-catalogue'), ['发改委']).best?.section.label).toBe('发文机关');
  });

  it('highlights the original text of a normalized match', () => {
    const match = matchSection({ anchor: 'metadata', label: '发文字号', text: '工信部联原〔2023〕130号' }, ['2023130号']);
    expect(match.ranges).toEqual([[6, 15]]);
  });

  it('is incomplete when a word is missing, and then quotes the clause holding the first word', () => {
    const assessment = assessDocument(of('2023-nonferrous-stable-growth'), ['盐湖', '钛合金']);
    expect(assessment.complete).toBe(false);
    expect(assessment.best?.section.anchor).toBe('supply-capacity');
  });

  it('ranks a title match above a passing mention', () => {
    const title = assessDocument(of('2023-nonferrous-stable-growth'), ['有色金属行业稳增长工作方案']);
    const mention = assessDocument(of('2023-industrial-structure-catalogue'), ['有色金属']);
    expect(title.score).toBeGreaterThan(mention.score);
    expect(title.best?.section.anchor).toBe('metadata');
  });

  it('ranks a title holding every word above a closer match elsewhere', () => {
    const byTitle = assessDocument([section('metadata', '标题', '镁产业发展规划'), section('b', '二', '镁规划')], ['镁', '规划']);
    const byClause = assessDocument([section('metadata', '标题', '其他方案'), section('a', '一', '镁规划')], ['镁', '规划']);
    expect(byTitle.score).toBeGreaterThan(byClause.score);
    expect(byTitle.best?.section.anchor).toBe('metadata');
  });

  it('measures the shortest stretch of a section holding every word', () => {
    const text = section('a', '一', '镁等行业。镁，供需平衡；供需');
    expect(wordSpan(text, ['镁'])).toBe(1);
    expect(wordSpan(text, ['镁', '供需'])).toBe(4); // 镁，供需
    expect(wordSpan(text, ['供需', '镁'])).toBe(4);
    expect(wordSpan(text, ['镁', '钛'])).toBe(Infinity);
  });

  it('ranks one section holding every word above words spread over sections', () => {
    const together = assessDocument([section('a', '一', '合理布局硅、锂、镁等行业新增产能，以及更多的文字')], ['硅', '锂', '镁']);
    // Spread, however often the words occur.
    const often = (word: string) => Array(20).fill(word).join('、');
    const spread = assessDocument([section('a', '一', often('硅')), section('b', '二', often('锂')), section('c', '三', often('镁'))], ['硅', '锂', '镁']);
    expect(together.complete && spread.complete).toBe(true);
    expect(together.score).toBeGreaterThan(spread.score);
    // In the corpus: the action plan's clause names 硅、锂、镁 together; the stable-growth plan spreads them over its clauses.
    expect(assessDocument(of('2024-energy-saving-action-plan'), ['硅', '锂', '镁']).score).toBeGreaterThan(
      assessDocument(of('2023-nonferrous-stable-growth'), ['硅', '锂', '镁']).score,
    );
  });

  it('ranks the words standing closer together first, and opens the section where they do', () => {
    const close = assessDocument([section('a', '一', '镁，供需')], ['镁', '供需']);
    const far = assessDocument([section('a', '一', '镁与其他许多产品的供需'), section('b', '二', '镁等；供需')], ['镁', '供需']);
    expect(close.score).toBeGreaterThan(far.score);
    expect(far.best?.section.anchor).toBe('b');
    const peak = assessDocument(of('2022-nonferrous-carbon-peak'), ['镁', '供需']);
    expect(peak.score).toBeGreaterThan(assessDocument(of('2023-nonferrous-stable-growth'), ['镁', '供需']).score);
    expect(peak.best?.section.anchor).toBe('disorderly-expansion');
  });

  it('opens the clause, not the report narrative restating it, when both hold the words as closely', () => {
    const assessment = assessDocument(of('2022-nonferrous-carbon-peak'), ['蓄热式竖罐炼镁']);
    expect(assessment.best?.section.anchor).toBe('green-low-carbon-technology');
    const narrative = section('report-narrative', '报告正文的论述', '提出，镁冶炼');
    expect(assessDocument([section('a', '一', '镁冶炼'), narrative], ['镁冶炼']).best?.section.anchor).toBe('a');
  });

  it('opens the section holding the first query word when no section holds every word', () => {
    const plan = of('2024-energy-saving-action-plan');
    expect(assessDocument(plan, ['大型矿热炉', '再生金属']).best?.section.anchor).toBe('energy-saving-retrofit');
    expect(assessDocument(plan, ['再生金属', '大型矿热炉']).best?.section.anchor).toBe('capacity-layout');
    // Metadata names the document: a clause holding the first word is opened instead.
    const document = [section('metadata', '标题', '镁方案'), section('a', '一', '镁'), section('b', '二', '出口')];
    expect(assessDocument(document, ['镁', '出口']).best?.section.anchor).toBe('a');
  });
});

describe('ranking: the overview, restatements and issuing bodies', () => {
  const targets = searchTargets(corpus);
  const of = (id: string) => targets.get(id)!;
  const section = (anchor: string, label: string, text: string, extra: Partial<SearchSection> = {}): SearchSection => ({ anchor, label, text, ...extra });
  const rank = (words: string[]) =>
    [...targets]
      .map(([id, sections]) => ({ id, assessment: assessDocument(sections, words) }))
      .filter(({ assessment }) => assessment.complete)
      .sort((a, b) => b.assessment.score - a.assessment.score);

  it('searches the overview\'s own paragraphs, section lead sentences and Table 1 caption, each at its anchor on /overview/', () => {
    expect(of(OVERVIEW_ID).map((entry) => entry.anchor)).toEqual([
      ...corpus.overview.paragraphs.map((paragraph) => paragraph.id),
      ...corpus.overview.sections.map((entry) => `${entry.id}-heading`),
      'table-1-heading',
    ]);
    expect(rank(['大健康']).map(({ id }) => id)).toEqual([OVERVIEW_ID]);
    expect(assessDocument(of(OVERVIEW_ID), ['储能材料']).best?.section.anchor).toBe('introduction');
  });

  it('ranks an overview paragraph by closeness like any clause: 镁具有资源 before 镁等伴生资源', () => {
    const [first, second] = rank(['镁', '资源']);
    expect(first.id).toBe(OVERVIEW_ID);
    expect(first.assessment.score).toBeGreaterThan(second.assessment.score);
  });

  it('ranks a document whose own section holds every word above one where only the report\'s restatement does, however close', () => {
    const own = assessDocument([section('a', '一', '镁与其他许多许多产品的供需')], ['镁', '供需']);
    const restated = assessDocument([section('a', '一', '镁'), section('b', '二', '供需'), section('report-narrative', '报告正文的论述', '镁，供需', { restatement: true })], ['镁', '供需']);
    expect(own.score).toBeGreaterThan(restated.score);
    expect(restated.best?.section.anchor).toBe('report-narrative');
    // Within a document, its own clause is opened though the restatement holds the words closer.
    expect(assessDocument(of('2024-energy-saving-action-plan'), ['竖式还原', '先进技术']).best?.section.anchor).toBe('energy-saving-retrofit');
  });

  it('knows which words name an issuing body: a whole name, short name, alias, abbreviation or English name', () => {
    const growth = of('2023-nonferrous-stable-growth');
    const names = (words: string[]) => namedIssuers(growth, words).sections.map((entry) => entry.issuer!.names[0]);
    expect(names(['miit', '镁渣'])).toEqual(['工业和信息化部']);
    expect(namedIssuers(growth, ['miit', '镁渣']).words).toEqual(new Set([0]));
    expect(names(['ministry', 'of', 'finance'])).toEqual(['财政部']);
    expect(names(['国家发改委', 'gacc'])).toEqual(['国家发展和改革委员会', '海关总署']);
    // A word that only occurs inside a name names no body.
    expect(names(['ministry'])).toEqual([]);
    expect(namedIssuers(of('2022-industrial-energy-efficiency'), ['国务院']).sections).toEqual([]);
  });

  it('finds a body\'s documents by its abbreviation, its own first: issued alone, then led, then co-issued', () => {
    const order = rank(['miit']).map(({ id }) => id);
    expect(order[0]).toBe('2021-industrial-green-plan');
    expect(order.indexOf('2023-nonferrous-stable-growth')).toBeLessThan(order.indexOf('2022-east-west-sci-tech'));
    expect(rank(['ndrc'])[0].id).toBe('2023-industrial-structure-catalogue');
    expect(rank(['miit'])[0].assessment.issuers).toEqual(['工业和信息化部（MIIT）']);
    // MOF is not MOFCOM: the foreign investment catalogue (NDRC and MOFCOM) is no result, nor a related one.
    expect(rank(['mof']).map(({ id }) => id)).not.toContain('2022-foreign-investment-catalogue');
    expect(assessDocument(of('2022-foreign-investment-catalogue'), ['mof']).related).toBe(false);
    expect(assessDocument(of('2022-foreign-investment-catalogue'), ['13.5%']).related).toBe(false);
    expect(assessDocument(of('2023-nonferrous-stable-growth'), ['镁锂']).related).toBe(true);
  });

  it('with a body named and other words, opens the section holding the other words and says which body matched', () => {
    const [top] = rank(['miit', '镁渣']);
    expect(top.id).toBe('2022-industrial-carbon-peak');
    expect(top.assessment.best?.section.anchor).toBe('report-narrative');
    expect(top.assessment.issuers).toEqual(['工业和信息化部（MIIT）']);
    expect(rank(['工业和信息化部'])[0].assessment.issuers).toEqual(['工业和信息化部']);
    // The title rule then looks at the other words: the stable-growth plans by name, from MIIT.
    const titled = assessDocument(of('2023-nonferrous-stable-growth'), ['miit', '稳增长']);
    expect(titled.best?.section.label).toBe('标题');
  });
});

describe('index documents', () => {
  const documents = indexDocuments(corpus, '/mg-policy/');
  const document = documents.find((entry) => entry.url === '/mg-policy/policies/2023-nonferrous-stable-growth/')!;

  it('makes one page per document, at the document page\'s URL under the base path, and one for the overview', () => {
    expect(documents).toHaveLength(corpus.policies.length + 1);
    expect(document.record.url).toBe(document.url);
    expect(document.record.kind).toBe('document');
    const overview = documents.at(-1)!;
    expect(overview.url).toBe('/mg-policy/overview/');
    expect(overview.record).toMatchObject({ kind: 'overview', url: overview.url, title: '报告综述', documentNumber: '', date: '' });
    expect(searchRecordFile('zh-cn_1a2b3c4')).toBe('search/records/zh-cn_1a2b3c4.json');
  });

  it('publishes each record in its shorter form, which reads back as the same record', () => {
    for (const { record } of documents) {
      const published = JSON.parse(JSON.stringify(encodeRecord(record))) as PublishedRecord;
      expect(decodeRecord(published)).toEqual(record);
    }
    const issuers = document.record.sections.filter((section) => section.issuer);
    expect(issuers.length).toBeGreaterThan(0);
    // An issuing body's section travels as its names; its text is made from them.
    expect(JSON.stringify(encodeRecord(document.record))).not.toContain(issuers[0].text);
  });

  it('indexes the title in a heading and each section\'s distinct tokens, with filters and sort key, and no text', () => {
    const page = document.html;
    expect(page).toContain('data-pagefind-body');
    expect(page).toContain('data-pagefind-filter="ministry:国家发展和改革委员会"');
    expect(page).toContain('data-pagefind-sort="newest:2023-08"');
    expect(page).toContain('data-pagefind-sort="oldest:2023-08"');
    // Pagefind would index metadata as words too: the record carries the text instead.
    expect(page).not.toContain('data-pagefind-meta');
    const between = (open: string, close: string) => page.slice(page.indexOf(open) + open.length, page.indexOf(close)).split(' ');
    const title = between('<h1>', '</h1>');
    const body = between('<p>', '</p>');
    expect(new Set(title).size).toBe(title.length);
    expect(title).toContain(charCode('稳') + charCode('增'));
    // A token counts once for each clause or field that holds it, so a document holding the query in
    // more of them ranks higher; the report's passages restating the document do not count it again.
    const holding = document.record.sections.filter((section) => normalizeText(section.text).includes('镁'));
    const narrative = new Set(corpus.policies.find((policy) => policy.id === '2023-nonferrous-stable-growth')!.data.narrative.map((passage) => passage.id));
    const clausesHolding = holding.filter((section) => !narrative.has(section.anchor));
    expect(clausesHolding.length).toBeGreaterThan(1);
    expect(holding.length).toBeGreaterThan(clausesHolding.length);
    expect(body.filter((token) => token === characterToken('镁'))).toHaveLength(clausesHolding.length);
    expect(body).toContain(charCode('盐') + charCode('湖'));
    // No Chinese text is indexed as such: only tokens, so Pagefind's segmenter never splits a word.
    expect([...title, ...body].join(' ')).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it('carries the original text of every section in the record', () => {
    const clause = document.record.sections.find((section) => section.anchor === 'supply-capacity')!;
    expect(clause.text).toContain('盐湖高效提镁');
    expect(document.record.title).toBe('有色金属行业稳增长工作方案');
    expect(document.record.documentNumber).toBe('工信部联原〔2023〕130号');
  });
});
