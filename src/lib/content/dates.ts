/** "2023-08" → "2023年8月". */
export function formatMonth(yearMonth: string): string {
  const [year, month] = yearMonth.split('-');
  return `${year}年${Number(month)}月`;
}

/** "2023-08-25" → "2023年8月25日". */
export function formatDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-');
  return `${year}年${Number(month)}月${Number(day)}日`;
}
