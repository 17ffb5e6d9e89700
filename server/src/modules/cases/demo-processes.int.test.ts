/** The demo's 食品经营许可 process: two departments check in parallel, then the market regulator decides. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { seedDemoProcesses } from './index.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe('demo processes', () => {
  it('gives 食品经营许可（新办） in each county a parallel check by the market and urban-management departments', async () => {
    // The test catalogue's counties (TEST_PLACES): 南明区, 云岩区 and 黎平县.
    expect(await seedDemoProcesses(t.db, '52')).toBe(3);
    const rows = await sql<{ itemCode: string; definition: { stages: { tasks: { departmentId: string }[] }[] } }>`
      SELECT item_code AS "itemCode", definition FROM cases.process_definition WHERE active`.execute(t.db);
    expect(rows.rows).toHaveLength(3);
    for (const r of rows.rows) {
      const [joint, decide] = r.definition.stages;
      expect(joint!.tasks).toHaveLength(2);
      expect(new Set(joint!.tasks.map((k) => k.departmentId)).size).toBe(2);
      expect(decide!.tasks).toHaveLength(1);
      const owner = await sql<{
        name: string;
      }>`SELECT v.name FROM catalog.item i JOIN catalog.item_version v ON v.item_id = i.id AND v.version = i.published_version WHERE i.code = ${r.itemCode}`.execute(
        t.db,
      );
      expect(owner.rows[0]!.name).toBe('食品经营许可（新办）');
    }
  });
});
