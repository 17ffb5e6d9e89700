import { describe, expect, it } from 'vitest';
import { releaseAfterQuiet } from './quiet-hours.js';

const overnight = { from: 22 * 60, to: 7 * 60 };

describe('quiet hours (Beijing time)', () => {
  it('holds a message sent at 23:30 Beijing until 07:00 the next morning', () => {
    expect(releaseAfterQuiet(new Date('2026-12-03T15:30:00Z'), overnight).toISOString()).toBe(
      '2026-12-03T23:00:00.000Z',
    );
  });
  it('holds one at 06:59 for a minute and lets one at 07:00 or 21:59 go at once', () => {
    expect(releaseAfterQuiet(new Date('2026-12-03T22:59:00Z'), overnight).toISOString()).toBe(
      '2026-12-03T23:00:00.000Z',
    );
    const seven = new Date('2026-12-03T23:00:00Z');
    expect(releaseAfterQuiet(seven, overnight)).toBe(seven);
    const before = new Date('2026-12-03T13:59:00Z');
    expect(releaseAfterQuiet(before, overnight)).toBe(before);
  });
  it('handles a window inside one day (12:00–14:00)', () => {
    expect(releaseAfterQuiet(new Date('2026-12-03T04:30:00Z'), { from: 720, to: 840 }).toISOString()).toBe(
      '2026-12-03T06:00:00.000Z',
    );
  });
});
