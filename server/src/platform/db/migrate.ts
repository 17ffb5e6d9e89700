/**
 * Forward-only migrations: `server/src/migrations/NNNN_name.ts`, applied in name order inside
 * Kysely's migrator (which locks, so two nodes starting together do not race). A migration that
 * rewrites personal data gets the field cipher as its second argument (`up(db, { cipher })`).
 */
import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import type { FieldCipher } from '../crypto/index.js';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Db } from './database.js';

const MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../migrations');

/** What migrations may need besides the database: the cipher of personal data (absent where no data is at stake, e.g. a fresh benchmark database). */
export interface MigrationContext {
  cipher?: FieldCipher;
}

type MigrationModule = { up(db: Kysely<unknown>, context: MigrationContext): Promise<void> };

class DirectoryProvider implements MigrationProvider {
  constructor(private readonly context: MigrationContext) {}

  async getMigrations(): Promise<Record<string, Migration>> {
    const files = (await fs.readdir(MIGRATIONS_DIR)).filter((f) => /^\d{4}_[a-z0-9_]+\.(ts|js)$/.test(f)).sort();
    const out: Record<string, Migration> = {};
    for (const file of files) {
      const m = (await import(pathToFileURL(path.join(MIGRATIONS_DIR, file)).href)) as MigrationModule;
      out[file.replace(/\.(ts|js)$/, '')] = { up: (db) => m.up(db, this.context) };
    }
    return out;
  }
}

export async function migrateToLatest(db: Db, context: MigrationContext = {}): Promise<string[]> {
  const migrator = new Migrator({ db, provider: new DirectoryProvider(context) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
  return (results ?? []).map((r) => r.migrationName);
}

/** Applies the migrations that sort before `name` (tests of a migration start from the schema it finds). */
export async function migrateBefore(db: Db, name: string, context: MigrationContext = {}): Promise<void> {
  const provider = new DirectoryProvider(context);
  const earlier = Object.keys(await provider.getMigrations()).filter((m) => m < name);
  const { error } = await new Migrator({ db, provider }).migrateTo(earlier.at(-1)!);
  if (error) throw error;
}
