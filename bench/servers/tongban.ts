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
console.log('READY');
