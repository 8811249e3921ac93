/**
 * What the site means by each status, the anchor on /about/ that explains it, and how a status
 * and a document's period are written for readers (pages, share cards, citations).
 */
import { NOT_FOUND, periodSources, statusLabels, successorDateKinds, type PolicyStatusId as PolicyStatus } from '../../schemas/status-labels';
import type { Successor } from '../../schemas/policy';
import { formatDate, formatMonth } from './dates';

/** The anchor on /about/ that explains a status: `status-<state>`. */
export function statusAnchor(state: PolicyStatus): string {
  return `status-${state}`;
}

/** Each status: its label and what the site means by it, in the order readers meet them. */
export const statusExplanations: { state: PolicyStatus; label: string; meaning: string }[] = [
  {
    state: 'in-force',
    label: statusLabels['in-force'],
    meaning: '核对时未见继任文件，也未见废止或失效的通知；有实施期限的文件，其期限尚未结束。',
  },
  {
    state: 'replaced',
    label: statusLabels.replaced,
    meaning: '已有同一事项的新文件（继任文件）印发或施行。文件页列出继任文件的标题、发文字号、日期和发文机关；新文件收录于本站时直接链接。',
  },
  {
    state: 'period-ended',
    label: statusLabels['period-ended'],
    meaning: '文件自身载明的规划期或实施期（如“十四五”时期、“到2025年”）已经过去，且未见继任文件。规划期结束不等于文件被废止：本站未见废止或失效的通知。',
  },
  {
    state: 'unknown',
    label: statusLabels.unknown,
    meaning: '现有资料不足以判断文件是否仍然有效，例如有新文件涉及同一领域，但没有文本说明它替代了本文件。状态依据中写明待核的原因。',
  },
];

/** A date written for readers: a day, a month, or 未见公开记录. */
export function readableDate(value: string): string {
  if (value === NOT_FOUND) return NOT_FOUND;
  return value.length > 7 ? formatDate(value) : formatMonth(value);
}

/** The label of the successor's date (成文日期, 印发日期, 公布日期; 日期 when its kind is not given). */
export function successorDateLabel(successor: Pick<Successor, 'dateKind'>): string {
  return successor.dateKind ? successorDateKinds[successor.dateKind] : '日期';
}

/** The note on where a period comes from (据报告 / 据公开资料核对). */
export function periodSourceNote(source: keyof typeof periodSources): string {
  return periodSources[source];
}

/** A period in a few words: its text, or 未见公开记录. */
export function periodText(period: { text: string } | { unknown: string } | undefined): string {
  if (!period) return NOT_FOUND;
  return 'text' in period ? period.text : period.unknown;
}

/** The status in a few words for a share card or citation, e.g. 已被替代（2025年8月28日起）. */
export function statusPhrase(status: { state: PolicyStatus; since?: string }): string {
  const label = statusLabels[status.state];
  return status.state === 'replaced' && status.since ? `${label}（${readableDate(status.since)}起）` : label;
}
