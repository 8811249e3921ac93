/**
 * The 加入引用夹 buttons of every page and the count beside 引用夹 in the header, kept in step with
 * the stored collection. Small on purpose: every page loads it before the reader does anything.
 */
import { onCollectionChange, readCollection, toggleItem } from './store';

/** A 加入引用夹 button (CollectButton.astro renders the same), for results a page draws itself. */
export function collectButton(key: string, label: string): HTMLButtonElement {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'chip no-print';
  button.dataset.collect = key;
  button.setAttribute('aria-label', `加入引用夹：${label}`);
  button.textContent = '加入引用夹';
  button.setAttribute('aria-pressed', String(readCollection().includes(key)));
  return button;
}

/** Marks the buttons whose item is collected and writes the count. */
function sync() {
  const keys = new Set(readCollection());
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-collect]')) {
    button.setAttribute('aria-pressed', String(keys.has(button.dataset.collect!)));
  }
  for (const count of document.querySelectorAll('[data-collection-count]')) count.textContent = keys.size > 0 ? `（${keys.size}）` : '';
}

/** Wires the buttons (those drawn later too, by one listener on the page) and the count. */
export function startCollectControls() {
  const status = document.createElement('p');
  status.setAttribute('role', 'status');
  status.className = 'sr-only';
  document.body.append(status);
  document.addEventListener('click', (event) => {
    const button = (event.target as Element).closest<HTMLButtonElement>('button[data-collect]');
    if (!button) return;
    const label = button.getAttribute('aria-label')!.replace(/^加入引用夹：/, '');
    const result = toggleItem(button.dataset.collect!);
    status.textContent = result
      ? `${result.added ? '已加入引用夹' : '已移出引用夹'}：${label}。引用夹共 ${result.count} 条。`
      : '未能保存：浏览器不允许本站在本机存储数据。';
  });
  onCollectionChange(sync);
  sync();
}
