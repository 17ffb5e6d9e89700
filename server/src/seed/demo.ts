/**
 * First-start demo data: the catalogue of the demo province, demo staff with API tokens, and the
 * synthetic population and enterprises. Runs once, when the catalogue is empty.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import type { Db } from '../platform/db/index.js';
import { catalogIsEmpty, listVillageAddresses, seedCatalog } from '../modules/catalog/index.js';
import { seedRegistries } from '../modules/exchange/index.js';
import type { FieldCipher } from '../platform/crypto/index.js';
import { createStaff, issueApiToken, type StaffRole } from '../modules/identity/index.js';

export const DEMO_STAFF: { username: string; displayName: string; regionCode: string; roles: StaffRole[] }[] = [
  { username: 'catalog.admin', displayName: '省级事项管理员 王敏', regionCode: '52', roles: ['catalog_admin'] },
  { username: 'catalog.reviewer', displayName: '省级事项审核员 李强', regionCode: '52', roles: ['catalog_reviewer'] },
  { username: 'yunyan.admin', displayName: '云岩区事项管理员 张丽', regionCode: '520103', roles: ['catalog_admin'] },
];

export async function seedDemoIfEmpty(db: Db, cipher: FieldCipher, config: Config, log: Logger): Promise<void> {
  if (!(await catalogIsEmpty(db))) return;
  const started = Date.now();
  const catalog = await seedCatalog(db, { province: config.demo.province, now: new Date() });
  log.info(catalog, 'demo catalogue seeded');
  const tokens: Record<string, string> = {};
  for (const s of DEMO_STAFF) {
    const id = await createStaff(db, s);
    tokens[s.username] = await issueApiToken(db, id, 'demo');
  }
  if (config.env !== 'production') {
    const file = path.join(config.dataDir, 'demo-tokens.json');
    fs.mkdirSync(config.dataDir, { recursive: true });
    fs.writeFileSync(file, JSON.stringify(tokens, null, 2), { mode: 0o600 });
    log.info(`demo staff API tokens written to ${file}`);
  }
  const villages = await listVillageAddresses(db, config.demo.province);
  const registries = await seedRegistries(db, cipher, { seed: config.demo.seed, persons: config.demo.persons, enterprises: config.demo.enterprises, villages, today: new Date() });
  log.info(registries, 'demo population and legal entities seeded');
  log.info({ ms: Date.now() - started }, 'demo data ready');
}
