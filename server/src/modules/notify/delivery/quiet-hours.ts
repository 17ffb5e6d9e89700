/** 免打扰: quiet hours in Beijing time (UTC+8, no daylight saving), possibly across midnight. */
const DAY = 1440;
const BEIJING_OFFSET_MIN = 8 * 60;

const minuteOfDay = (at: Date) => (Math.floor(at.getTime() / 60_000) + BEIJING_OFFSET_MIN) % DAY;

/** When a non-urgent message may go out: `at` itself, or the end of the quiet hours it falls in. */
export function releaseAfterQuiet(at: Date, quiet: { from: number; to: number } | null): Date {
  if (!quiet || quiet.from === quiet.to) return at;
  const m = minuteOfDay(at);
  const inside = quiet.from < quiet.to ? m >= quiet.from && m < quiet.to : m >= quiet.from || m < quiet.to;
  if (!inside) return at;
  const wait = (quiet.to - m + DAY) % DAY;
  const start = new Date(Math.floor(at.getTime() / 60_000) * 60_000);
  return new Date(start.getTime() + wait * 60_000);
}
