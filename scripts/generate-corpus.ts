/**
 * Writes a synthetic corpus of N documents for scale tests: clauses recombined from the real ones,
 * real issuing bodies and topics, dates spread over 2001–2026. It is valid content (it passes the
 * same checks) and never enters content/. With --with-real, the real documents (and the redirects of
 * renamed ids) are added to it, so every published URL of the real site exists in the generated one too.
 * Usage: npx tsx scripts/generate-corpus.ts --size 5000 --out .cache/corpus-5000 [--with-real]
 * Then:  CONTENT_DIR=.cache/corpus-5000 npx astro build --outDir .cache/corpus-5000-dist
 */
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadCorpus } from '../src/loaders/load-corpus';

const { values } = parseArgs({
  options: { size: { type: 'string', default: '1000' }, out: { type: 'string' }, seed: { type: 'string', default: '7' }, 'with-real': { type: 'boolean', default: false } },
});
const size = Number(values.size);
const out = values.out ?? `.cache/corpus-${size}`;

/** Deterministic pseudo-random numbers (mulberry32), so that a size always gives the same corpus. */
let seed = Number(values.seed);
function random(): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
const between = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));

const real = loadCorpus(process.cwd());
const clauses = real.policies.flatMap((policy) => policy.data.clauses);
const sentencesOf = (text: string) => text.match(/[^。；]+[。；]?/g) ?? [text];
const subjects = ['有色金属行业', '镁产业', '工业领域', '建材行业', '原材料工业', '稀有金属行业', '盐湖资源', '再生有色金属', '轻合金材料', '冶金行业'];
const kinds = ['稳增长工作方案', '碳达峰实施方案', '高质量发展指导意见', '节能降碳行动方案', '产业指导目录', '技术改造实施方案', '资源综合利用实施方案', '绿色发展规划'];
const numberPrefixes = ['工信部联原', '工信部规', '工信部联节', '发改环资', '发改产业', '国发', '国科发区', '国办发'];
const leads = ['miit', 'ndrc', 'state-council', 'most', 'mee'];
const ministryIds = real.ministries.map((ministry) => ministry.id);
const ministryName = new Map(real.ministries.map((ministry) => [ministry.id, ministry.shortNames[0] ?? ministry.name]));
const states = ['in-force', 'period-ended', 'unknown', 'replaced'] as const;
const mdxText = (text: string) => text.replace(/</g, '\\<').replace(/[{}]/g, '');
const quote = (text: string) => JSON.stringify(text);

rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, 'policies'), { recursive: true });
cpSync('content/ministries.yaml', join(out, 'ministries.yaml'));
cpSync('content/topics.yaml', join(out, 'topics.yaml'));
if (values['with-real']) cpSync('content/policies', join(out, 'policies'), { recursive: true });
// The real site's redirects (renamed ids) lead to real documents, so they come along with them.
if (values['with-real'] && existsSync('content/redirects.yaml')) cpSync('content/redirects.yaml', join(out, 'redirects.yaml'));

const byYear = new Map<number, string[]>();
for (let index = 1; index <= size; index += 1) {
  const year = between(2001, 2026);
  const month = between(1, 12);
  const id = `${year}-synthetic-${index}`;
  const title = `${pick(subjects)}${pick(kinds)}${random() < 0.3 ? `（${year}年版）` : ''}`;
  const lead = pick(leads);
  const issuers = [lead, ...new Set(Array.from({ length: between(0, 6) }, () => pick(ministryIds)))].filter((value, position, all) => all.indexOf(value) === position);
  const documentNumber = lead === 'state-council' ? `国发〔${year}〕${between(1, 40)}号` : `${pick(numberPrefixes)}〔${year}〕${between(1, 300)}号`;
  const picked = Array.from({ length: between(1, 6) }, () => {
    const source = [...sentencesOf(pick(clauses).text), ...(random() < 0.5 ? sentencesOf(pick(clauses).text) : [])];
    const clause = pick(clauses);
    return { text: source.slice(0, between(1, Math.min(3, source.length))).join(''), topics: clause.topics };
  });
  const topics = [...new Set(picked.flatMap((clause) => clause.topics))];
  const state = pick(states);
  const lines = [
    '---',
    `title: ${quote(title)}`,
    `reportTitle: ${quote(title)}`,
    `officialTitle: ${quote(`${ministryName.get(lead)}关于印发《${title}》的通知`)}`,
    `documentNumber: ${quote(documentNumber)}`,
    `reportDate: "${year}-${String(month).padStart(2, '0')}"`,
    `published: "${year}-${String(month).padStart(2, '0')}-${String(between(1, 28)).padStart(2, '0')}"`,
    `issuers: [${issuers.join(', ')}]`,
    `reportIssuers: ${quote(issuers.map((issuer) => ministryName.get(issuer)).join('、'))}`,
    'issuersComplete: true',
    `topics: [${topics.join(', ')}]`,
    ...(values['with-real'] ? [] : [`tableRow: ${index}`]),
    'status:',
    `  state: ${state}`,
    '  asOf: "2026-11"',
    '  basis: 合成数据，仅用于规模测试。',
    ...(state === 'replaced' || state === 'period-ended' ? [`  since: "${year}-12"`] : []),
    ...(state === 'replaced'
      ? ['  successor:', `    title: ${quote(`${title}（修订版）`)}`, '    documentNumber: 未见公开记录', '    date: 未见公开记录', `    issuers: [${issuers[0]}]`]
      : []),
    'period:',
    `  text: ${quote(`${year}—${year + 1}年`)}`,
    '  source: record',
    '  basis: 合成数据，仅用于规模测试。',
    '---',
    '',
    ...picked.flatMap((clause, position) => {
      const heading = (clause.text.split(/[，。：；]/)[0] || clause.text).slice(0, 20);
      return [`<Clause id="clause-${position + 1}" heading=${quote(heading)} topics="${clause.topics.join(' ')}">`, mdxText(clause.text), '</Clause>', ''];
    }),
    '<Narrative id="report-narrative">',
    mdxText(`《${title}》（${documentNumber}）提出，${picked.map((clause) => clause.text.replace(/[。；]$/, '')).join('；')}。`),
    '</Narrative>',
    '',
  ];
  writeFileSync(join(out, 'policies', `${id}.mdx`), lines.join('\n'));
  byYear.set(year, [...(byYear.get(year) ?? []), id]);
}

const overview = [
  '---',
  'title: 合成语料综述',
  '---',
  '',
  '<Paragraph id="introduction">',
  real.overview.paragraphs[0].text,
  '</Paragraph>',
  '',
  ...(values['with-real']
    ? real.overview.sections.flatMap((section) => [
        `<Section id="${section.id}" heading=${quote(section.heading)}>`,
        ...section.excerpts.map((excerpt) => `<Excerpt policy="${excerpt.policy}" passage="${excerpt.passage}" />`),
        '</Section>',
        '',
      ])
    : []),
  ...[...byYear].sort(([a], [b]) => a - b).flatMap(([year, ids]) => [
    `<Section id="year-${year}" heading="${year}年：">`,
    ...ids.map((id) => `<Excerpt policy="${id}" passage="report-narrative" />`),
    '</Section>',
    '',
  ]),
];
writeFileSync(join(out, 'overview.mdx'), overview.join('\n'));
console.log(`${out}: ${size} documents${values['with-real'] ? ` and the ${real.policies.length} real ones` : ''}`);
