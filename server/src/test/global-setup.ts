import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../platform/db/index.js';
import { buildServerTemplate, seedTestData } from './template.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteSnapshot: string;
    databaseUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    await buildServerTemplate(url);
    project.provide('databaseUrl', url);
    project.provide('pgliteSnapshot', '');
    return async () => {};
  }
  const database = await openDatabase({ dataDir: 'memory://' });
  await seedTestData(database);
  const dump = await database.pglite!.dumpDataDir('gzip');
  await database.close();
  const file = path.join(await fs.mkdtemp(path.join(os.tmpdir(), 'tongban-test-')), 'template.tar.gz');
  await fs.writeFile(file, Buffer.from(await dump.arrayBuffer()));
  project.provide('pgliteSnapshot', file);
  project.provide('databaseUrl', '');
  return async () => {
    await fs.rm(path.dirname(file), { recursive: true, force: true });
  };
}
