import { describe, expect, it } from 'vitest';
import { parseIdNumber } from '../../../platform/validators/index.js';
import { generatePopulation } from './population.js';

const villages = [{ code: '520103001001', address: '贵州省贵阳市云岩区中华北路' }] as Parameters<
  typeof generatePopulation
>[0]['villages'];

describe('the demo population', () => {
  it.each(['2026-01-03', '2026-06-30', '2028-02-29'])(
    'is born on or before today (%s), so everyone can register',
    (day) => {
      const today = new Date(`${day}T08:00:00Z`);
      const { persons } = generatePopulation({ seed: 20261122, persons: 3000, enterprises: 0, villages, today });
      const future = persons.filter((p) => p.birthDate > day);
      expect(future).toEqual([]);
      expect(persons.filter((p) => !parseIdNumber(p.idNumber, today).ok)).toEqual([]);
    },
  );
});
