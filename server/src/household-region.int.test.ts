/**
 * The household counties of several people in one go (the analytics feed's 户籍 per batch) say what
 * asking person by person says: two residents of different counties, one of them asked twice, a
 * person whose household moved away (not registered), and an id with no account.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from './test/harness.js';
import { GENEROUS_LIMITS, register, registryPersons } from './test/people.js';
import { householdRegionIn, householdRegionsIn } from './household-region.js';

let t: TestApp;
afterAll(async () => t?.close());
beforeAll(async () => {
  t = await createTestApp({ env: GENEROUS_LIMITS });
});

it('answers for a batch of people what each answers alone', async () => {
  const [a] = await registryPersons(t, 'any', 1, '520102');
  const [b, moved] = await registryPersons(t, 'any', 2, '520103');
  const ids = [];
  for (const p of [a!, b!, moved!]) ids.push((await register(t, p)).personId);
  await sql`UPDATE exchange.person SET household_status = 'cancelled' WHERE id = ${moved!.id}`.execute(t.db);
  const asked = [ids[0]!, ids[1]!, ids[0]!, ids[2]!, randomUUID()];

  const together = await householdRegionsIn(t.db, asked);
  const alone = new Map<string, string>();
  for (const id of asked) {
    const region = await householdRegionIn(t.db, id);
    if (region) alone.set(id, region);
  }
  expect(together).toEqual(alone);
  expect(together).toEqual(
    new Map([
      [ids[0], a!.regionCode],
      [ids[1], b!.regionCode],
    ]),
  );
  expect(await householdRegionsIn(t.db, [])).toEqual(new Map());
});
