import { Cite } from '@citation-js/core';
import '@citation-js/plugin-ris';
import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import { expect, test, type Download, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { shareQuery } from '../../src/lib/collection/share-link';
import { axeViolations } from './axe';

const clausePage = '/policies/2023-nonferrous-stable-growth/international-markets/';
const CLAUSE_KEY = '2023-nonferrous-stable-growth.international-markets';
const TOPIC_KEY = '2021-industrial-green-plan.clean-production';
const DOCUMENT_KEY = '2024-energy-saving-action-plan';

/** The keys of the collection page's list, in order. */
const listedKeys = (page: Page) => page.locator('[data-collection-list] > li').evaluateAll((items) => items.map((item) => (item as HTMLElement).dataset.key));

/** The text of a downloaded file, read as bytes, so that the encoding is checked too. */
async function downloaded(download: Download): Promise<{ name: string; bytes: Buffer }> {
  return { name: download.suggestedFilename(), bytes: readFileSync((await download.path())!) };
}

test('a reader collects clauses from three kinds of page, orders them, shares the link, and exports every format', async ({ page, browser, baseURL }) => {
  // Seven page loads, a search, four downloads and a second browser: longer than one page's test.
  test.slow();
  const status = page.locator('p[role="status"].sr-only').filter({ hasText: /引用夹/ });

  // A clause page: its 引用 panel exports the clause alone.
  await page.goto(`${clausePage}#cite`);
  await page.getByRole('group', { name: '导出本条的格式' }).getByRole('button', { name: 'RIS', exact: true }).click();
  const [clauseDownload] = await Promise.all([page.waitForEvent('download'), page.locator('#cite [data-export-download]').click()]);
  const clauseRis = await downloaded(clauseDownload);
  expect(clauseRis.name).toBe(`${CLAUSE_KEY}.ris`);
  // Read as a UTF-8 reader reads it: the byte-order mark announces the encoding and is not text.
  expect(new Cite(new TextDecoder('utf-8', { fatal: true }).decode(clauseRis.bytes)).data).toEqual([expect.objectContaining({ id: CLAUSE_KEY, section: '“拓展国际市场”条', URL: `${baseURL}${clausePage}` })]);
  const clauseButton = page.getByRole('button', { name: '加入引用夹：拓展国际市场' });
  await clauseButton.click();
  await expect(clauseButton).toHaveAttribute('aria-pressed', 'true');
  await expect(status).toHaveText('已加入引用夹：拓展国际市场。引用夹共 1 条。');
  await expect(page.getByRole('link', { name: '引用夹（1）' })).toBeVisible();

  // A topic page.
  await page.goto('/topics/energy-carbon/');
  await page.getByRole('button', { name: '加入引用夹：推进重点行业清洁生产与改造工程' }).click();
  await expect(page.getByRole('link', { name: '引用夹（2）' })).toBeVisible();

  // Search results: the first result's clause (or document).
  await page.goto('/search/?q=镁合金');
  const resultButton = page.locator('[data-search-results] button[data-collect]').first();
  await expect(resultButton).toBeVisible();
  const searchKey = (await resultButton.getAttribute('data-collect'))!;
  await resultButton.click();
  await expect(resultButton).toHaveAttribute('aria-pressed', 'true');

  // A whole document, from its page; pressing again takes it out, once more puts it back.
  await page.goto(`/policies/${DOCUMENT_KEY}/`);
  const documentButton = page.locator(`button[data-collect="${DOCUMENT_KEY}"]`).first();
  await documentButton.click();
  await documentButton.click();
  await expect(status).toHaveText(/^已移出引用夹：/);
  await documentButton.click();
  await expect(page.getByRole('link', { name: '引用夹（4）' })).toBeVisible();

  const collected = [CLAUSE_KEY, TOPIC_KEY, searchKey, DOCUMENT_KEY];
  expect(new Set(collected).size, 'the search result names an item not collected before').toBe(4);
  await page.getByRole('link', { name: '引用夹（4）' }).click();
  await expect(page).toHaveURL(/\/collection\/$/);
  await expect.poll(() => listedKeys(page)).toEqual(collected);
  await expect(page.locator('[data-collection-list] > li').first()).toContainText('工信部联原〔2023〕130号');
  await expect(page.locator('[data-collection-list] > li').first().getByRole('link', { name: '拓展国际市场' })).toHaveAttribute('href', `/policies/2023-nonferrous-stable-growth/#international-markets`);

  // Reorder with a button, then with the keyboard; the focus stays on the item moved.
  await page.getByRole('button', { name: '下移：拓展国际市场' }).click();
  await expect.poll(() => listedKeys(page)).toEqual([TOPIC_KEY, CLAUSE_KEY, searchKey, DOCUMENT_KEY]);
  await expect(page.locator('[data-collection-status]')).toHaveText('已下移：拓展国际市场，现在是第 2 条，共 4 条。');
  await expect(page.getByRole('button', { name: '下移：拓展国际市场' })).toBeFocused();
  await page.keyboard.press('Alt+ArrowDown');
  await expect.poll(() => listedKeys(page)).toEqual([TOPIC_KEY, searchKey, CLAUSE_KEY, DOCUMENT_KEY]);
  const order = [TOPIC_KEY, searchKey, CLAUSE_KEY, DOCUMENT_KEY];

  // The order and the dossier title survive a reload.
  await page.getByLabel('资料汇编标题（打印时显示）').fill('产能调控政策条款');
  await page.reload();
  await expect.poll(() => listedKeys(page)).toEqual(order);
  await expect(page.getByLabel('资料汇编标题（打印时显示）')).toHaveValue('产能调控政策条款');
  await expect(page.locator('[data-collection-references] > li')).toHaveCount(4);

  // Every export format, downloaded and read back by parsers written by others.
  const exportFile = async (label: string) => {
    await page.getByRole('group', { name: '导出引用夹的格式' }).getByRole('button', { name: label, exact: true }).click();
    await expect(page.locator('[data-export-label]')).toHaveText(`${label} 格式`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-export-download]').click()]);
    return downloaded(download);
  };
  const ris = await exportFile('RIS');
  expect(ris.name).toBe('mg-policy-collection.ris');
  expect([...ris.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const risText = new TextDecoder('utf-8', { fatal: true }).decode(ris.bytes);
  expect(risText).toContain('TI  - 七部门关于印发《有色金属行业稳增长工作方案》的通知');
  const risRecords = new Cite(risText).data;
  expect(risRecords.map((record) => record.id)).toEqual(order);
  expect(risRecords[2]).toMatchObject({ number: '工信部联原〔2023〕130号', section: '“拓展国际市场”条', URL: `${baseURL}${clausePage}` });

  const bibtex = await exportFile('BibTeX');
  expect(bibtex.name).toBe('mg-policy-collection.bib');
  const library = parseBibtex(bibtex.bytes.toString('utf8'));
  expect(library.errors).toEqual([]);
  expect(library.entries.map((entry) => entry.key)).toEqual(order);
  expect(library.entries[2].fields).toMatchObject({ number: '工信部联原〔2023〕130号', title: '七部门关于印发《有色金属行业稳增长工作方案》的通知' });

  const csl = await exportFile('CSL-JSON');
  expect(csl.name).toBe('mg-policy-collection.json');
  const items = new Cite(JSON.parse(csl.bytes.toString('utf8'))).data;
  expect(items.map((item) => item.id)).toEqual(order);
  expect(items[3]).toMatchObject({ type: 'report', number: '国发〔2024〕12号', author: [{ literal: '国务院' }] });

  const gbt = await exportFile('GB/T 7714');
  expect(gbt.name).toBe('mg-policy-collection.txt');
  const gbtLines = new TextDecoder('utf-8', { fatal: true }).decode(gbt.bytes).replace(/^\ufeff/, '').trimEnd().split('\n');
  expect(gbtLines).toHaveLength(4);
  expect(gbtLines[2]).toMatch(/^\[3\] .*工信部联原〔2023〕130号, “拓展国际市场”条\[EB\/OL\]/);

  // The share link opens in a fresh browser, with nothing stored, in the same order; saved there, it is the reader's own.
  const shareUrl = await page.locator('[data-share-url]').inputValue();
  expect(shareUrl).toBe(`${baseURL}/collection/?${shareQuery(order)}`);
  expect(shareUrl).toContain(`~${DOCUMENT_KEY}`);
  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(shareUrl);
  await expect(other.getByRole('heading', { name: '别人分享的引用夹' })).toBeVisible();
  await expect.poll(() => listedKeys(other)).toEqual(order);
  await expect(other.getByRole('button', { name: /^上移/ })).toHaveCount(0);
  await other.getByRole('button', { name: '保存为我的引用夹' }).click();
  await expect(other).toHaveURL(/\/collection\/$/);
  await expect(other.getByRole('link', { name: '引用夹（4）' })).toBeVisible();
  await other.reload();
  await expect.poll(() => listedKeys(other)).toEqual(order);
  await fresh.close();

  // Clearing asks first.
  await page.getByRole('button', { name: '清空引用夹' }).click();
  await page.getByRole('button', { name: '取消' }).click();
  await expect(page.locator('[data-collection-list] > li')).toHaveCount(4);
  await page.getByRole('button', { name: '清空引用夹' }).click();
  await page.getByRole('button', { name: '确定清空' }).click();
  await expect(page.locator('[data-collection-status]')).toHaveText('已清空引用夹（删除 4 条）。');
  await expect(page.locator('[data-collection-empty]')).toBeVisible();
  await expect(page.getByRole('link', { name: '引用夹', exact: true })).toBeVisible();
});

test('a shared link with unknown and malformed ids lists them as not found', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`/collection/?c=${CLAUSE_KEY}.no-such-clause~1999-no-such-document~NOT_AN_ID~${TOPIC_KEY}`);
  await expect.poll(() => listedKeys(page)).toEqual([CLAUSE_KEY, `${CLAUSE_KEY.split('.')[0]}.no-such-clause`, '1999-no-such-document', 'NOT_AN_ID', TOPIC_KEY]);
  await expect(page.locator('[data-collection-list]')).toContainText('未找到：1999-no-such-document');
  await expect(page.locator('[data-shared-summary]')).toHaveText(/共 2 条（另有 3 条在本站找不到）/);
  // The link it offers names the items found only.
  await expect(page.locator('[data-share-url]')).toHaveValue(/\/collection\/\?c=2023-nonferrous-stable-growth\.international-markets~2021-industrial-green-plan\.clean-production$/);
  expect(errors).toEqual([]);
});

test('the collection page with items has no WCAG 2.2 AA violation', { tag: '@every-view' }, async ({ page }) => {
  // axe over a long page takes 15–25 s on a busy two-core machine.
  test.slow();
  await page.goto(`/collection/?c=${CLAUSE_KEY}~${TOPIC_KEY}~${DOCUMENT_KEY}`);
  await page.getByRole('button', { name: '保存为我的引用夹' }).click();
  await expect(page.locator('[data-collection-list] > li')).toHaveCount(3);
  await page.getByRole('button', { name: 'RIS', exact: true }).click();
  await expect(page.locator('[data-export-text]')).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
});

test('the collection prints as a dossier: the reader\'s title, the date compiled, each item with its URL, the reference list', async ({ page, baseURL }) => {
  await page.goto(`/collection/?c=${CLAUSE_KEY}~${DOCUMENT_KEY}`);
  await page.getByRole('button', { name: '保存为我的引用夹' }).click();
  await page.getByLabel('资料汇编标题（打印时显示）').fill('产能调控政策条款');
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('[data-dossier-title]')).toHaveText('产能调控政策条款');
  await expect(page.getByRole('heading', { level: 1 })).toBeHidden();
  await expect(page.locator('[data-dossier-meta]')).toHaveText(/^编制日期：\d{4}年\d{1,2}月\d{1,2}日 · 共 2 条$/);
  const first = page.locator('[data-collection-list] > li').first();
  await expect(first).toContainText('《有色金属行业稳增长工作方案》 · 工信部联原〔2023〕130号 · 2023年8月25日');
  await expect(first).toContainText(`${baseURL}${clausePage}`);
  await expect(first.getByRole('button', { name: /^上移/ })).toBeHidden();
  await expect(page.locator('[data-collection-references] > li')).toHaveCount(2);
  await expect(page.locator('[data-export]')).toBeHidden();
});
