/**
 * The browser side of ExportPanel.astro: shows the chosen format's text, copies it, and downloads
 * it as a file made on the device (a blob; nothing is sent anywhere). RIS and the GB/T list carry a
 * UTF-8 byte-order mark, by which EndNote, NoteExpress and Windows tools recognise UTF-8 and read
 * the Chinese intact; BibTeX and JSON are plain UTF-8, as their readers expect.
 */
import type { ExportFormat, Reference } from './reference-formats';

/** The formats whose files start with a byte-order mark. */
const WITH_BOM: ReadonlySet<ExportFormat> = new Set(['ris', 'gbt']);

/** Wires a panel. `references` gives what to export when a format is chosen; `fileName` names the download, without extension. */
export function startExportPanel(panel: HTMLElement, references: () => Reference[], fileName: () => string) {
  const output = panel.querySelector<HTMLElement>('[data-export-output]')!;
  const label = panel.querySelector<HTMLElement>('[data-export-label]')!;
  const text = panel.querySelector<HTMLTextAreaElement>('[data-export-text]')!;
  const download = panel.querySelector<HTMLButtonElement>('[data-export-download]')!;
  const status = panel.querySelector<HTMLElement>('[data-export-status]')!;
  const buttons = [...panel.querySelectorAll<HTMLButtonElement>('[data-export-format]')];
  let chosen: ExportFormat | undefined;

  /** The serializers and format table, downloaded on the first use. */
  const formats = () => import('./reference-formats');

  async function show(format: ExportFormat) {
    const { exportFormats, formatReferences } = await formats();
    chosen = format;
    for (const button of buttons) button.setAttribute('aria-pressed', String(button.dataset.exportFormat === format));
    const { label: name, extension } = exportFormats[format];
    text.value = formatReferences(format, references());
    label.textContent = `${name} 格式`;
    download.textContent = `下载 .${extension} 文件`;
    output.hidden = false;
    status.textContent = `已显示 ${name} 格式，可复制或下载。`;
  }

  async function copy() {
    text.select();
    let copied: boolean;
    try {
      await navigator.clipboard.writeText(text.value);
      copied = true;
    } catch {
      copied = document.execCommand('copy');
    }
    status.textContent = copied ? '已复制导出文本。' : '复制失败，请手动选择文字复制。';
  }

  async function save() {
    if (!chosen) return;
    const { exportFormats } = await formats();
    const { label: name, extension, mediaType } = exportFormats[chosen];
    const file = `${fileName()}.${extension}`;
    const blob = new Blob([WITH_BOM.has(chosen) ? `\ufeff${text.value}` : text.value], { type: mediaType });
    const link = Object.assign(document.createElement('a'), { href: URL.createObjectURL(blob), download: file });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
    status.textContent = `已下载 ${name} 文件：${file}`;
  }

  for (const button of buttons) button.addEventListener('click', () => void show(button.dataset.exportFormat as ExportFormat));
  panel.querySelector('[data-export-copy]')!.addEventListener('click', () => void copy());
  download.addEventListener('click', () => void save());
  return { refresh: () => chosen && void show(chosen) };
}
