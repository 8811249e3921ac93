import { describe, expect, it } from 'vitest';
import { catalogKeys, checkShareCodes, movedKeys, type Catalog, type CatalogDocument } from '../../src/lib/collection/catalog';
import { itemKey, parseItemKey } from '../../src/lib/collection/items';
import { resolveAll, sharedKeys } from '../../src/lib/collection/resolve';
import { CODE_LENGTH, READABLE_LIMIT, readShareQuery, readableKeys, readableList, shareCode, shareQuery } from '../../src/lib/collection/share-link';
import { pageRedirects } from '../../src/lib/site/redirects';

const document = (title: string, clauses: string[]): CatalogDocument => ({
  title,
  officialTitle: `关于印发${title}的通知`,
  issuerNames: ['工业和信息化部'],
  issuersComplete: true,
  reportDate: '2023-08',
  clauses: Object.fromEntries(clauses.map((id) => [id, { heading: id, text: `${id} 的原文` }])),
});

describe('item keys', () => {
  it('name a document or a clause by their permanent ids', () => {
    expect(itemKey({ policy: '2023-a' })).toBe('2023-a');
    expect(itemKey({ policy: '2023-a', clause: 'x-y' })).toBe('2023-a.x-y');
    expect(parseItemKey('2023-a.x-y')).toEqual({ policy: '2023-a', clause: 'x-y' });
    for (const bad of ['', '2023-A', '2023-a.', '2023-a.x.y', 'a b', '2023-a.<b>', '..']) expect(parseItemKey(bad)).toBeUndefined();
  });
});

describe('share links', () => {
  it('write a document\'s id once for the clauses that follow one another in it, in the reader\'s order', () => {
    const keys = ['2023-a.x', '2023-a.y', '2022-b', '2023-a.z', '2023-a', '2023-a.w'];
    expect(readableList(keys)).toBe('2023-a.x.y~2022-b~2023-a.z~2023-a~2023-a.w');
    expect(readableKeys(readableList(keys))).toEqual(keys);
    expect(shareQuery(keys)).toBe('c=2023-a.x.y~2022-b~2023-a.z~2023-a~2023-a.w');
  });

  it('read back what a link names, listing what is not an id, never throwing', () => {
    expect(readShareQuery('?c=2023-a.x.y~2022-b')).toEqual({ kind: 'keys', keys: ['2023-a.x', '2023-a.y', '2022-b'] });
    expect(readShareQuery('?c=2023-a.X~~<script>~2023-a.x~2023-a.x')).toEqual({ kind: 'keys', keys: ['2023-a.X', '<script>', '2023-a.x'] });
    expect(readShareQuery('?c=')).toEqual({ kind: 'keys', keys: [] });
    expect(readShareQuery('?q=x')).toBeUndefined();
    expect(readShareQuery('?c=%E9%95%81')).toEqual({ kind: 'keys', keys: ['镁'] });
  });

  it('switch to compact codes past the readable limit, and resolve them against the catalog', () => {
    // 50 clauses with the site's longest ids (a document id of 37 characters, clause ids of 29), each in another document.
    const keys = Array.from({ length: 50 }, (_, index) => `2023-building-materials-stable-grow${String(index).padStart(2, '0')}.encouraged-foreign-investment`);
    const readable = `c=${readableList(keys)}`;
    expect(readable.length).toBeGreaterThan(READABLE_LIMIT);
    const query = shareQuery(keys);
    expect(query).toMatch(/^k=[0-9a-z]+$/);
    expect(query.length).toBe(2 + 50 * CODE_LENGTH);
    const catalog: Catalog = { documents: Object.fromEntries(keys.map((key) => [key.split('.')[0], document('x', ['encouraged-foreign-investment'])])), moved: {} };
    const shared = readShareQuery(`?${query}`)!;
    expect(sharedKeys(catalog, shared)).toEqual(keys);
    expect(sharedKeys(catalog, { kind: 'codes', codes: ['zzzzzzzz'] })).toEqual(['?zzzzzzzz']);
  });

  it('give each key a code of its own that never changes', () => {
    expect(shareCode('2023-nonferrous-stable-growth.international-markets')).toBe(shareCode('2023-nonferrous-stable-growth.international-markets'));
    expect(shareCode('2023-a.x')).toMatch(new RegExp(`^[0-9a-z]{${CODE_LENGTH}}$`));
    const codes = new Set(Array.from({ length: 20_000 }, (_, index) => shareCode(`2023-document-${index}.clause-${index % 7}`)));
    expect(codes.size).toBe(20_000);
  });
});

describe('resolving a collection', () => {
  const catalog: Catalog = {
    documents: { '2023-a': document('甲方案', ['x', 'y']), '2022-b': document('乙方案', ['z']) },
    moved: movedKeys(
      pageRedirects(
        [
          { from: '/policies/2021-old/', to: '/policies/2022-b/' },
          { from: '/policies/2023-a/#old-x', to: '/policies/2023-a/#x' },
        ],
        (id) => (id === '2022-b' ? ['z'] : id === '2023-a' ? ['x', 'y'] : undefined),
      ),
    ),
  };

  it('follows renamed documents and clauses (content/redirects.yaml) to their ids now', () => {
    expect(catalog.moved).toEqual({ '2021-old': '2022-b', '2021-old.z': '2022-b.z', '2023-a.old-x': '2023-a.x' });
    const [document, clause] = resolveAll(catalog, ['2021-old', '2023-a.old-x']);
    expect(document).toMatchObject({ found: true, key: '2022-b', formerKey: '2021-old', policyId: '2022-b' });
    expect(clause).toMatchObject({ found: true, key: '2023-a.x', formerKey: '2023-a.old-x', clause: { id: 'x', heading: 'x', text: 'x 的原文' } });
  });

  it('lists unknown and malformed ids as not found, and an item reached twice once', () => {
    const items = resolveAll(catalog, ['2023-a.y', '2023-a.nope', '1999-gone', 'constructor', '__proto__.x', '<b>', '2023-a.x', '2023-a.old-x']);
    expect(items.map((item) => [item.found, item.key])).toEqual([
      [true, '2023-a.y'],
      [false, '2023-a.nope'],
      [false, '1999-gone'],
      [false, 'constructor'],
      [false, '__proto__.x'],
      [false, '<b>'],
      [true, '2023-a.x'],
    ]);
  });

  it('fails the build when two keys share a compact code', () => {
    expect(() => checkShareCodes(catalog)).not.toThrow();
    expect(catalogKeys(catalog)).toEqual(['2023-a', '2023-a.x', '2023-a.y', '2022-b', '2022-b.z', '2021-old', '2021-old.z', '2023-a.old-x']);
    const twice: Catalog = { documents: catalog.documents, moved: { '2023-a': '2022-b' } };
    expect(() => checkShareCodes(twice)).toThrow(/"2023-a" and "2023-a" share the collection link code/);
  });
});
