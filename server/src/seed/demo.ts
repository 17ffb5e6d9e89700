/**
 * First-start demo data: the catalogue of the demo province, the synthetic population and
 * enterprises, demo accounts (staff, residents, an enterprise with an agent) and — outside
 * production — a case history of the last months (`DEMO_CASES`, `DEMO_HISTORY_MONTHS`: see
 * history/history.ts). Runs once, when the catalogue is empty.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import type { Db } from '../platform/db/index.js';
import { catalogIsEmpty, listVillageAddresses, seedCatalog } from '../modules/catalog/index.js';
import { seedRegistries } from '../modules/exchange/index.js';
import type { FieldCipher } from '../platform/crypto/index.js';
import { seedDemoAccounts } from '../modules/identity/index.js';
import { seedDemoLicenses } from '../modules/licenses/index.js';
import { seedDemoProcesses } from '../modules/cases/index.js';
import { CalendarService } from '../platform/calendar/calendar.service.js';
import { historySpan, seedDemoHistory } from './history/history.js';

export async function seedDemoIfEmpty(
  db: Db,
  cipher: FieldCipher,
  indexKey: Buffer,
  config: Config,
  log: Logger,
): Promise<void> {
  if (!(await catalogIsEmpty(db))) return;
  const started = Date.now();
  const history = config.env !== 'production' && config.demo.cases > 0;
  // With a history, the catalogue and the enterprises' licences date from before its first case.
  const since = history ? historySpan(new Date(), config.demo.historyMonths).opened : new Date();
  const catalog = await seedCatalog(db, { province: config.demo.province, now: since });
  log.info(catalog, 'demo catalogue seeded');
  log.info(
    { processes: await seedDemoProcesses(db, config.demo.province) },
    'demo processes seeded (食品经营许可: parallel checks)',
  );
  const villages = await listVillageAddresses(db, config.demo.province);
  const registries = await seedRegistries(db, cipher, {
    seed: config.demo.seed,
    persons: config.demo.persons,
    enterprises: config.demo.enterprises,
    villages,
    today: new Date(),
  });
  log.info(registries, 'demo population and legal entities seeded');
  // 营业执照 of every enterprise; residents' 居民身份证 follow their accounts (identity.person-registered).
  const licenses = await seedDemoLicenses(db, {
    cipher,
    auditKey: indexKey,
    now: () => since,
    signatureAlg: config.dataCipher === 'sm4' ? 'SM2' : 'Ed25519',
  });
  log.info(licenses, 'demo e-licences issued');
  if (config.env === 'production') {
    log.warn(
      'production: no demo accounts and no demo case history are created (they would have a published password)',
    );
  } else {
    const accounts = await seedDemoAccounts({
      db,
      cipher,
      auditKey: indexKey,
      production: false,
      log,
      now: () => new Date(),
      policy: config.signIn,
    });
    const file = path.join(config.dataDir, 'demo-accounts.json');
    fs.mkdirSync(config.dataDir, { recursive: true });
    fs.writeFileSync(file, JSON.stringify(accounts, null, 2), { mode: 0o600 });
    log.info(
      `demo accounts (staff with API tokens and TOTP secrets, residents; password ${accounts.password}) written to ${file}`,
    );
    // Every staff role signs in with a TOTP code: the demo secrets, to put in an authenticator app (development only).
    for (const s of accounts.staff)
      log.info(`demo staff ${s.username}: password ${accounts.password}, TOTP secret ${s.totpSecret}`);
  }
  if (history) {
    const report = await seedDemoHistory({ config, db, cipher, indexKey, calendar: new CalendarService(db) }, log, {
      cases: config.demo.cases,
      months: config.demo.historyMonths,
      seed: config.demo.seed,
      province: config.demo.province,
    });
    log.info(report, 'demo case history seeded');
  }
  log.info({ ms: Date.now() - started }, 'demo data ready');
}
