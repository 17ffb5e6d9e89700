/**
 * The State Council's holiday arrangements as the server's calendar reads them (the `chinese-days`
 * data, 2004–2026), grouped into holidays with their adjusted working days (调休上班). The server
 * has no endpoint listing a year's statutory days, so the page reads the same published data.
 */
import chineseDays from 'chinese-days/dist/chinese-days.json';

const DATA = chineseDays as { holidays: Record<string, string>; workdays: Record<string, string> };

export interface StatutoryHoliday {
  name: { zh: string; en: string };
  days: string[];
  workdays: string[];
}

const nameOf = (value: string) => {
  const [en = '', zh = ''] = value.split(',');
  return { zh, en };
};

export function statutoryHolidays(year: number): StatutoryHoliday[] {
  const prefix = `${year}-`;
  const byName = new Map<string, StatutoryHoliday>();
  const entry = (value: string) => {
    const name = nameOf(value);
    const found = byName.get(name.zh) ?? { name, days: [], workdays: [] };
    byName.set(name.zh, found);
    return found;
  };
  for (const [date, value] of Object.entries(DATA.holidays)) if (date.startsWith(prefix)) entry(value).days.push(date);
  for (const [date, value] of Object.entries(DATA.workdays))
    if (date.startsWith(prefix)) entry(value).workdays.push(date);
  return [...byName.values()]
    .map((h) => ({ ...h, days: h.days.sort(), workdays: h.workdays.sort() }))
    .sort((a, b) => (a.days[0] ?? a.workdays[0] ?? '').localeCompare(b.days[0] ?? b.workdays[0] ?? ''));
}
