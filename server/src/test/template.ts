/**
 * Builds the database every integration test file starts from: migrated and seeded with the demo
 * catalogue and a small population. PGlite: dumped once to a tarball that each file loads.
 * PostgreSQL: a template database that each file clones with CREATE DATABASE … TEMPLATE.
 * No case history (seed/history): it runs on a first start, and in the test that asks for it.
 */
import pg from 'pg';
import { openDatabase, migrateToLatest, type Database } from '../platform/db/index.js';
import { listVillageAddresses, seedCatalog } from '../modules/catalog/index.js';
import { seedRegistries } from '../modules/exchange/index.js';
import { seedDemoLicenses } from '../modules/licenses/index.js';
import { TEST_DATA_KEY, testCipher } from './keys.js';

export const TEMPLATE_DB = 'tongban_test_template';
export const SEED_NOW = new Date('2026-11-02T02:00:00Z');

/**
 * The cities and counties whose departments the test catalogue has: 贵阳市 with 南明区 and 云岩区
 * (the hand-written ones the tests and demo accounts use) and 黔东南州 with 黎平县 (a generated
 * county). The full catalogue (all 9 cities and 88 counties, 12,000 implementations) is what
 * `npm start` seeds; every one of its guides is checked by seed/content.test.ts.
 */
export const TEST_PLACES = ['5201', '520102', '520103', '5226', '522631'] as const;

export async function seedTestData(database: Database): Promise<void> {
  await migrateToLatest(database.db, { cipher: testCipher() });
  await seedCatalog(database.db, { province: '52', now: SEED_NOW, places: TEST_PLACES });
  const villages = await listVillageAddresses(database.db, '52');
  await seedRegistries(database.db, testCipher(), {
    seed: 7,
    persons: 300,
    enterprises: 30,
    villages,
    today: SEED_NOW,
  });
  await seedDemoLicenses(database.db, {
    cipher: testCipher(),
    auditKey: Buffer.from(TEST_DATA_KEY, 'hex'),
    now: () => SEED_NOW,
    signatureAlg: 'SM2',
  });
}

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** (Re)creates the PostgreSQL template database. */
export async function buildServerTemplate(adminUrl: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${TEMPLATE_DB}`);
  } finally {
    await admin.end();
  }
  const database = await openDatabase({ url: withDatabase(adminUrl, TEMPLATE_DB), poolSize: 2 });
  try {
    await seedTestData(database);
  } finally {
    await database.close();
  }
}
