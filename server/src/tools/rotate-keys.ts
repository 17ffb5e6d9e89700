/**
 * `npm run keys:rotate`: re-encrypts every piece of personal data and every secret written with a
 * retired data key, using the current one (see platform/crypto/keys.ts for the procedure).
 * Resumable: each batch commits on its own. Exit code 0 when done, 2 when it cannot run.
 */
import path from 'node:path';
import { ConfigError, loadConfig } from '../config.js';
import { DataDirLocked, openDatabase, type Database } from '../platform/db/index.js';
import { cipherFrom, dataKeysFrom } from '../platform/crypto/index.js';
import { reencryptIdentityData } from '../modules/identity/index.js';
import { reencryptRegistries } from '../modules/exchange/index.js';
import { reencryptCaseData } from '../modules/cases/index.js';
import { reencryptLicenseData } from '../modules/licenses/index.js';
import { reencryptSupervisionData } from '../modules/supervision/index.js';
import { reencryptHotlineData } from '../modules/hotline/index.js';

async function main(): Promise<number> {
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(`配置无效 Invalid configuration\n${e.message}`);
      return 2;
    }
    throw e;
  }
  const keys = dataKeysFrom(config);
  const cipher = cipherFrom(keys);
  let database: Database;
  try {
    // The embedded database is refused while a server (or another tool) has it open.
    database = await openDatabase({
      url: config.databaseUrl,
      dataDir: path.join(config.dataDir, 'pglite'),
      poolSize: 2,
    });
  } catch (e) {
    if (!(e instanceof DataDirLocked)) throw e;
    console.error(`${e.zh} ${e.message}`);
    return 2;
  }
  try {
    const identity = await reencryptIdentityData(database.db, cipher);
    const registries = await reencryptRegistries(database.db, cipher);
    const cases = await reencryptCaseData(database.db, cipher);
    const licenses = await reencryptLicenseData(database.db, cipher);
    const complaints = await reencryptSupervisionData(database.db, cipher);
    const callbacks = await reencryptHotlineData(database.db, cipher);
    const total = identity + registries + cases + licenses + complaints + callbacks;
    console.log(
      `已用密钥 ${keys.ring.current} 重新加密 ${total} 行（用户通 ${identity}，基础库 ${registries}，办件 ${cases}，证照 ${licenses}，投诉举报 ${complaints}，回电 ${callbacks}）。 Re-encrypted ${total} rows with key ${keys.ring.current}.`,
    );
    return 0;
  } finally {
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e);
    process.exit(2);
  },
);
