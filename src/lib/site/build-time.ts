/**
 * When this build runs: SOURCE_DATE_EPOCH (seconds) when set, for reproducible builds, else now.
 * The open data's `generated` time and the content checks of dates both read it here.
 */
export function buildDate(env: Record<string, string | undefined> = process.env): Date {
  const epoch = env.SOURCE_DATE_EPOCH;
  return epoch && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : new Date();
}

/** The build's day, "YYYY-MM-DD" (UTC). */
export function buildDay(env: Record<string, string | undefined> = process.env): string {
  return buildDate(env).toISOString().slice(0, 10);
}
