/**
 * `npm run audit:verify`: verifies the audit chain of the configured database (the same
 * configuration the server reads) and prints one line in Chinese and English.
 * Exit code 0: intact; 1: not intact; 2: could not verify (configuration, key or database).
 */
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { ConfigError, loadConfig, type Config } from '../../config.js';
import { DataDirLocked, openDatabase, type Database } from '../db/index.js';
import { dataKeysFrom } from '../crypto/index.js';
import { verifyAuditChain, type AuditProblem } from './audit-chain.js';

const PROBLEM: Record<AuditProblem, { zh: string; en: string }> = {
  altered: { zh: '被篡改', en: 'altered' },
  missing: { zh: '缺失', en: 'missing' },
  reordered: { zh: '与前一条不衔接', en: 'out of order' },
  'head-mismatch': { zh: '与链头记录不符', en: 'disagrees with the chain head' },
};

class CannotVerify extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(en);
  }
}

function fail(zh: string, en: string): never {
  throw new CannotVerify(zh, en);
}

/** The database, or a refusal naming the process that has the embedded one open. */
async function open(cfg: Config, pgliteDir: string): Promise<Database> {
  try {
    return await openDatabase({ url: cfg.databaseUrl, dataDir: pgliteDir, poolSize: 1 });
  } catch (e) {
    if (e instanceof DataDirLocked) fail(e.zh, e.message);
    throw e;
  }
}

function config(): Config {
  try {
    return loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) fail('配置无效。', e.message);
    throw e;
  }
}

async function main(): Promise<void> {
  const cfg = config();
  // A fresh key would only report every entry as altered: never generate one here.
  if (!cfg.indexKey && !cfg.dataKey && !fs.existsSync(path.join(cfg.dataDir, 'data.key'))) {
    fail(
      `未设置 DATA_KEY，${cfg.dataDir} 下也没有 data.key。`,
      `DATA_KEY is not set and there is no data.key under ${cfg.dataDir}.`,
    );
  }
  // The chain is keyed with the index key, which stays the same when the data key rotates.
  const key = dataKeysFrom(cfg).indexKey;
  const pgliteDir = path.join(cfg.dataDir, 'pglite');
  if (!cfg.databaseUrl && !fs.existsSync(pgliteDir))
    fail(`${pgliteDir} 下没有数据库。`, `there is no database under ${pgliteDir}.`);
  const database = await open(cfg, pgliteDir);
  try {
    const { rows } = await sql<{ t: string | null }>`SELECT to_regclass('platform.audit_log')::text AS t`.execute(
      database.db,
    );
    if (!rows[0]?.t)
      fail(
        '数据库尚无审计日志表（请先启动一次服务器以完成迁移）。',
        'the database has no audit log yet (start the server once to migrate it).',
      );
    const result = await verifyAuditChain(database.db, key);
    if (result.ok) {
      console.log(
        `审计日志完整：共 ${result.entries} 条，链头 ${result.head}。 Audit log intact: ${result.entries} entries, head ${result.head}.`,
      );
      process.exitCode = 0;
    } else {
      const p = PROBLEM[result.problem];
      console.log(
        `审计日志不完整：第 ${result.firstBadSeq} 条${p.zh}（此前 ${result.entries} 条完好）。 ` +
          `Audit log NOT intact: entry ${result.firstBadSeq} ${p.en} (${result.entries} entries intact before it).`,
      );
      process.exitCode = 1;
    }
  } finally {
    await database.close();
  }
}

main().catch((e) => {
  if (e instanceof CannotVerify) console.error(`无法核验审计日志：${e.zh} Cannot verify the audit log: ${e.en}`);
  else console.error(e);
  process.exitCode = 2;
});
