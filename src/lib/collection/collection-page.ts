/**
 * The collection page in the browser. It shows the reader's own collection (stored on the device,
 * store.ts) or, opened from a shared link (share-link.ts), that collection, with an offer to save
 * it. It looks every item up in the catalog the build wrote (catalog.ts), so it lists renamed ids
 * under their new ones and unknown ids as not found. Text from a link reaches the page as text
 * (textContent), never as HTML.
 */
import { formatDate, formatMonth } from '../content/dates';
import { citationDate, gbt7714Citation } from '../share/citation';
import { startExportPanel } from '../share/export-panel';
import type { Reference } from '../share/reference-formats';
import { anchorPath, clausePath, policyPath } from '../site/urls';
import { statusLabels } from '../../schemas/status-labels';
import type { Catalog } from './catalog';
import { resolveAll, sharedKeys, type ResolvedItem } from './resolve';
import { readShareQuery, shareQuery } from './share-link';
import { onCollectionChange, readCollection, readTitle, writeCollection, writeTitle } from './store';

type Found = Extract<ResolvedItem, { found: true }>;

/** Today as YYYY-MM-DD, the access date of the citations. */
function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/** What the item is called: its clause heading or its document's title. */
const itemLabel = (item: Found) => item.clause?.heading ?? item.document.title;

export function startCollectionPage(root: HTMLElement) {
  const $ = <T extends HTMLElement>(selector: string) => root.querySelector<T>(selector)!;
  const loading = $('[data-collection-loading]');
  const body = $('[data-collection-body]');
  const list = $<HTMLOListElement>('[data-collection-list]');
  const empty = $('[data-collection-empty]');
  const filled = $('[data-collection-filled]');
  const status = $('[data-collection-status]');
  const titleInput = $<HTMLInputElement>('[data-collection-title]');
  const collectionPath = root.dataset.collectionPath!;
  const accessed = today();
  const shared = readShareQuery(location.search);
  $('[data-collection-needs-js]').remove();

  let catalog: Catalog;
  let items: ResolvedItem[] = [];
  /** Showing a shared collection (read only) rather than the reader's own. */
  let showingShared = shared !== undefined;

  const say = (text: string) => (status.textContent = text);
  const found = () => items.filter((item): item is Found => item.found);

  const references = (): Reference[] =>
    found().map((item) => ({
      key: item.key,
      shortTitle: item.document.title,
      document: item.document,
      clause: item.clause && { heading: item.clause.heading },
      url: new URL(item.clause ? clausePath(item.policyId, item.clause.id) : policyPath(item.policyId), location.href).href,
      accessed,
    }));

  const exportPanel = startExportPanel($('[data-export]'), references, () => 'mg-policy-collection');

  /** Stores the reader's list (own view only) and says so; false when the browser refused. */
  function store(keys: string[]): boolean {
    if (writeCollection(keys)) return true;
    say('未能保存：浏览器不允许本站在本机存储数据。');
    return false;
  }

  function render(focus?: { key: string; control: string }) {
    for (const element of root.querySelectorAll<HTMLElement>('[data-own-only]')) element.hidden = showingShared;
    $('[data-shared]').hidden = !showingShared;
    body.hidden = false;
    list.replaceChildren(...items.map(renderItem));
    empty.hidden = items.length > 0;
    filled.hidden = items.length === 0;
    renderDossierHeader();
    renderReferences();
    renderShare();
    exportPanel.refresh();
    if (showingShared) renderSharedOffer();
    if (focus) list.querySelector<HTMLElement>(`[data-key="${CSS.escape(focus.key)}"] [data-control="${focus.control}"]`)?.focus();
  }

  function renderDossierHeader() {
    const title = titleInput.value.trim() || '引用夹';
    $('[data-dossier-title]').textContent = title;
    const count = found().length;
    $('[data-dossier-meta]').textContent = items.length > 0 ? `编制日期：${formatDate(accessed)} · 共 ${count} 条${items.length > count ? `，另有 ${items.length - count} 条未找到` : ''}` : '';
  }

  function renderItem(item: ResolvedItem, index: number): HTMLLIElement {
    const entry = document.createElement('li');
    entry.className = 'card';
    entry.dataset.key = item.key;
    if (item.found) {
      const { document: doc, policyId, clause } = item;
      const meta = document.createElement('p');
      meta.className = 'text-sm text-muted';
      const date = citationDate(doc).iso;
      meta.textContent = `${index + 1}. ` + [`《${doc.title}》`, doc.documentNumber ?? '发文字号未见公开记录', date.length > 7 ? formatDate(date) : formatMonth(date), doc.status ? statusLabels[doc.status.state] : ''].filter(Boolean).join(' · ');
      const heading = document.createElement('h3');
      heading.className = 'mt-1 font-semibold';
      const link = document.createElement('a');
      link.href = clause ? anchorPath(policyId, clause.id) : policyPath(policyId);
      link.textContent = clause ? clause.heading : `${doc.title}（全文）`;
      heading.append(link);
      entry.append(meta, heading);
      if (clause) {
        const text = document.createElement('p');
        text.className = 'mt-1 max-w-measure';
        text.textContent = clause.text;
        entry.append(text);
      }
      const url = document.createElement('p');
      url.className = 'print-only text-sm break-all';
      url.textContent = new URL(clause ? clausePath(policyId, clause.id) : policyPath(policyId), location.href).href;
      entry.append(url);
      if (item.formerKey) {
        const note = document.createElement('p');
        note.className = 'no-print mt-1 text-sm text-muted';
        note.textContent = `原编号 ${item.formerKey} 已更名为 ${item.key}。`;
        entry.append(note);
      }
    } else {
      const missing = document.createElement('p');
      missing.textContent = `${index + 1}. 未找到：`;
      const code = document.createElement('code');
      code.textContent = item.key;
      missing.append(code, '。本站没有这个编号的文件或条款：链接可能有误，或条款已删除。');
      entry.append(missing);
    }
    if (!showingShared) entry.append(itemControls(item, index));
    return entry;
  }

  function itemControls(item: ResolvedItem, index: number): HTMLElement {
    const controls = document.createElement('p');
    controls.className = 'no-print mt-2 flex flex-wrap gap-2';
    const label = item.found ? itemLabel(item) : item.key;
    const button = (text: string, control: string, action: () => void, disabled = false) => {
      const element = document.createElement('button');
      element.type = 'button';
      element.className = 'chip disabled:opacity-50';
      element.textContent = text;
      element.dataset.control = control;
      element.setAttribute('aria-label', `${text}：${label}`);
      element.disabled = disabled;
      element.addEventListener('click', action);
      return element;
    };
    controls.append(
      button('上移', 'up', () => move(index, -1), index === 0),
      button('下移', 'down', () => move(index, 1), index === items.length - 1),
      button('移除', 'remove', () => remove(index)),
    );
    return controls;
  }

  function move(index: number, step: -1 | 1) {
    const target = index + step;
    if (target < 0 || target >= items.length) return;
    const moved = items[index];
    items.splice(index, 1);
    items.splice(target, 0, moved);
    if (!store(items.map((item) => item.key))) return;
    // Keep the focus on the control pressed, or on its twin when the item reached an end.
    const atEnd = target === 0 || target === items.length - 1;
    render({ key: moved.key, control: atEnd ? (step < 0 ? 'down' : 'up') : step < 0 ? 'up' : 'down' });
    say(`已${step < 0 ? '上移' : '下移'}：${moved.found ? itemLabel(moved) : moved.key}，现在是第 ${target + 1} 条，共 ${items.length} 条。`);
  }

  function remove(index: number) {
    const [removed] = items.splice(index, 1);
    if (!store(items.map((item) => item.key))) return;
    const next = items[Math.min(index, items.length - 1)];
    render(next ? { key: next.key, control: 'remove' } : undefined);
    if (!next) $<HTMLElement>('h1').focus();
    say(`已移出引用夹：${removed.found ? itemLabel(removed) : removed.key}。还有 ${items.length} 条。`);
  }

  function renderReferences() {
    const lines = references().map((reference) => {
      const line = document.createElement('li');
      line.textContent = gbt7714Citation(reference.document, reference.url, reference.accessed, reference.clause);
      return line;
    });
    $('[data-collection-references]').replaceChildren(...lines);
  }

  /** The link of what is shown: its items' keys now (unknown ones left out, as nobody could open them). */
  function renderShare() {
    const query = shareQuery(found().map((item) => item.key));
    const url = new URL(`${collectionPath}?${query}`, location.href).href;
    $<HTMLInputElement>('[data-share-url]').value = url;
    $('[data-share-length]').textContent = `链接共 ${url.length} 个字符。`;
    for (const button of root.querySelectorAll<HTMLElement>('[data-copy-link], [data-share-link]')) {
      if (button.dataset.copyLink !== undefined) button.dataset.copyLink = url;
      if (button.dataset.shareLink !== undefined) button.dataset.shareLink = url;
    }
    const qr = $<HTMLDetailsElement>('[data-share-qr]');
    $('[data-share-qr-target]').replaceChildren();
    if (qr.open) void drawQr();
  }

  async function drawQr() {
    const target = $('[data-share-qr-target]');
    if (target.childElementCount > 0) return;
    const { qrSvg } = await import('../share/qr-svg');
    target.innerHTML = qrSvg($<HTMLInputElement>('[data-share-url]').value);
  }

  function renderSharedOffer() {
    const own = readCollection();
    const count = found().length;
    $('[data-shared-summary]').textContent = `这份引用夹来自分享链接，共 ${count} 条${items.length > count ? `（另有 ${items.length - count} 条在本站找不到）` : ''}，尚未保存在你的设备上。`;
    $('[data-save-shared]').textContent = own.length === 0 ? '保存为我的引用夹' : `加入我的引用夹（排在已有的 ${own.length} 条之后）`;
  }

  function saveShared() {
    const own = readCollection();
    const keys = [...own, ...found().map((item) => item.key)];
    if (!store(keys)) return;
    showingShared = false;
    history.replaceState(null, '', collectionPath);
    items = resolveAll(catalog, readCollection());
    render();
    $<HTMLElement>('h1').focus();
    say(`已保存到你的引用夹，共 ${items.length} 条。`);
  }

  function ownItems() {
    items = resolveAll(catalog, readCollection());
    // A stored key that was renamed since is stored under its new id.
    if (items.some((item) => item.found && item.formerKey)) writeCollection(items.map((item) => item.key));
  }

  const clear = $('[data-clear]');
  const confirm = $('[data-clear-confirm]');
  clear.addEventListener('click', () => {
    confirm.hidden = false;
    $<HTMLButtonElement>('[data-clear-no]').focus();
  });
  $('[data-clear-no]').addEventListener('click', () => {
    confirm.hidden = true;
    clear.focus();
    say('已取消，引用夹未改动。');
  });
  $('[data-clear-yes]').addEventListener('click', () => {
    const count = items.length;
    if (!store([])) return;
    confirm.hidden = true;
    items = [];
    render();
    $<HTMLElement>('h1').focus();
    say(`已清空引用夹（删除 ${count} 条）。`);
  });
  $('[data-save-shared]').addEventListener('click', saveShared);
  $('[data-print]').addEventListener('click', () => print());
  $<HTMLDetailsElement>('[data-share-qr]').addEventListener('toggle', (event) => (event.target as HTMLDetailsElement).open && void drawQr());
  titleInput.value = readTitle();
  titleInput.addEventListener('input', () => {
    writeTitle(titleInput.value.trim());
    renderDossierHeader();
  });
  // Alt+↑ / Alt+↓ on an item's controls move it, as its 上移 and 下移 buttons do.
  list.addEventListener('keydown', (event) => {
    if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown') || showingShared) return;
    const key = (event.target as HTMLElement).closest<HTMLElement>('[data-key]')?.dataset.key;
    const index = items.findIndex((item) => item.key === key);
    if (index < 0) return;
    event.preventDefault();
    move(index, event.key === 'ArrowUp' ? -1 : 1);
  });

  async function start() {
    loading.textContent = '正在载入引用夹…';
    try {
      const response = await fetch(root.dataset.catalog!);
      if (!response.ok) throw new Error(String(response.status));
      catalog = (await response.json()) as Catalog;
    } catch {
      loading.textContent = '引用夹的数据加载失败。请检查网络后刷新页面重试。';
      return;
    }
    loading.textContent = '';
    if (shared) items = resolveAll(catalog, sharedKeys(catalog, shared));
    else ownItems();
    render();
    // Another tab (or this page's header) changed the collection: show it, unless showing a shared one.
    onCollectionChange(() => {
      if (showingShared) return renderSharedOffer();
      const stored = readCollection();
      if (stored.join() === items.map((item) => item.key).join()) return;
      ownItems();
      render();
    });
  }

  void start();
}
