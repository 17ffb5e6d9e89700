/** China Standard Time (UTC+8, no daylight saving): the clock of every legal date on the platform. */
const CST_MS = 8 * 3_600_000;

/** The date in Beijing (YYYY-MM-DD) at an instant: the day a case is accepted, decided, rated. */
export const beijingDate = (at: Date): string => new Date(at.getTime() + CST_MS).toISOString().slice(0, 10);

/** The year in Beijing at an instant (决定书文号 and licence serials are numbered per year). */
export const beijingYear = (at: Date): number => Number(beijingDate(at).slice(0, 4));
