import { mkdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import path from 'node:path';
import { buildApp } from '../../server/src/app.js';
import { loadConfig } from '../../server/src/config.js';
import { scaledCatalog } from '../catalog-fixture.js';

const { database, items } = await scaledCatalog(
  Number(process.env.BENCH_ITEMS ?? 30_000),
  process.env.BENCH_DATABASE_URL,
);
const app = await buildApp({
  config: loadConfig({ LOG_LEVEL: 'silent', SERVE_WEB: 'false', NODE_ENV: 'production', DATA_KEY: '0'.repeat(64) }),
  database,
});
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
console.error(`tongban bench server: ${items} items on ${database.dialect}`);

// BENCH_PROFILE=dir: the CPU profile of the load alone (from READY to SIGTERM), not of building
// the catalogue fixture, written as dir/tongban-<pid>.cpuprofile (sum it with bench/profile-summary.ts).
const profileDir = process.env.BENCH_PROFILE;
if (profileDir) {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  process.once('SIGTERM', () => {
    session
      .post('Profiler.stop')
      .then(({ profile }) => {
        mkdirSync(profileDir, { recursive: true });
        writeFileSync(path.join(profileDir, `tongban-${process.pid}.cpuprofile`), JSON.stringify(profile));
        process.exit(0);
      })
      .catch((e: unknown) => {
        console.error('the profile was not written', e);
        process.exit(1);
      });
  });
}
console.log('READY');
