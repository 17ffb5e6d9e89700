/**
 * exchange (数据通 · 数据共享交换): the base registries — population (人口库, owned by 公安) and legal
 * entities (法人库, owned by 市场监管) — the data-resource catalogue (政务信息资源目录), sharing
 * grants (共享授权), the audited sharing query with its hash-chained access log (and a resident's
 * view of it), life events (生命周期事件) recorded once and delivered to subscribing departments'
 * inboxes and systems (signed webhooks), and department systems connecting with OAuth client
 * credentials. Event: `exchange.life-event-recorded`.
 */
import fp from 'fastify-plugin';
import type { Db } from '../../platform/db/index.js';
import type { Log } from '../../platform/context.js';
import { reencryptColumns, type FieldCipher } from '../../platform/crypto/index.js';
import { generatePopulation, type Village } from './seed/population.js';
import { insertLegalEntities, insertPersons } from './exchange.repository.js';
import type { ExchangeDeps, IdentityPort } from './exchange.deps.js';
import { Departments } from './departments.js';
import { AccessChain } from './access-log/access-chain.js';
import { GrantCache } from './sharing/grant-cache.js';
import { resourceCatalogueIsEmpty, seedResourceCatalogue } from './sharing/resource-catalogue.js';
import { WebhookDeliverer, type DeliveryRound } from './webhooks/deliver.js';
import { exchangeRoutes } from './exchange.routes.js';
import { prefillRoutes } from './prefill/prefill.routes.js';
import { externalRoutes } from './external/external.routes.js';

export {
  findPersonByIdNumber,
  findLegalEntity,
  countRegistries,
  sampleRegistryPersons,
  listEntitiesRepresentedBy,
  householdRegionsOf,
} from './exchange.repository.js';
export { generatePopulation, type PersonRecord, type EnterpriseRecord, type Village } from './seed/population.js';
export { verifyWebhookSignature, signWebhook, SIGNATURE_HEADER } from './webhooks/signature.js';
export { resourcesHolding } from './sharing/holdings.js';
export { grantClockFacts, type GrantClockFacts } from './sharing/clock-facts.js';
export { sealPersonal, birthFacts } from './person-record.js';
export { kinshipKey } from './kinship.js';
export { personFactRows, enterpriseFactRows, type PersonFactRow, type EnterpriseFactRow } from './registry-facts.js';
export type { IdentityPort } from './exchange.deps.js';

/** The exchange's dependencies as the app gives them, and how often the webhook worker looks for due deliveries (0: no worker; tests call deliverDue). */
export type ExchangeOptions = Omit<ExchangeDeps, 'departments' | 'chain' | 'grants'> & { webhookPollMs: number };

declare module 'fastify' {
  interface FastifyInstance {
    /** The exchange's webhook delivery: `await app.exchange.deliverDue(now?)`. */
    exchange: { deliverDue(now?: Date): Promise<DeliveryRound> };
  }
}

/** The exchange's routes, and its webhook worker (started when the app is ready, stopped on close). */
export const exchangeModule = fp<ExchangeOptions>(
  async (app, opts) => {
    const deps: ExchangeDeps = {
      ...opts,
      departments: new Departments(opts.db),
      chain: new AccessChain(opts.db, opts.indexKey),
      grants: new GrantCache(opts.db),
    };
    const deliverer = new WebhookDeliverer(deps);
    app.decorate('exchange', { deliverDue: (now?: Date) => deliverer.deliverDue(now) });
    app.addHook('onReady', async () => {
      // A database migrated before the catalogue existed gets its seed resources once.
      if (await resourceCatalogueIsEmpty(opts.db)) await seedResourceCatalogue(opts.db);
      deliverer.start(opts.webhookPollMs);
    });
    app.addHook('onClose', async () => deliverer.stop());
    await app.register(exchangeRoutes, { deps });
    await app.register(prefillRoutes, { deps });
    await app.register(externalRoutes, { deps });
  },
  { name: 'exchange' },
);

/** Fills the registries with the seeded synthetic population of the demo province, and lists the resource catalogue. */
export async function seedRegistries(
  db: Db,
  cipher: FieldCipher,
  opts: { seed: number; persons: number; enterprises: number; villages: Village[]; today: Date },
): Promise<{ persons: number; enterprises: number; resources: number }> {
  const { persons, enterprises } = generatePopulation(opts);
  await db.transaction().execute(async (trx) => {
    await insertPersons(trx, cipher, persons);
    await insertLegalEntities(trx, enterprises);
  });
  const resources = await seedResourceCatalogue(db);
  return { persons: persons.length, enterprises: enterprises.length, resources };
}

/** Re-encrypts the module's personal data and secrets with the current data key (key rotation). */
export async function reencryptRegistries(db: Db, cipher: FieldCipher): Promise<number> {
  return (
    (await reencryptColumns(db, cipher, {
      table: 'exchange.person',
      key: 'id',
      columns: ['id_number_enc', 'phone_enc', 'personal_enc'],
    })) +
    (await reencryptColumns(db, cipher, { table: 'exchange.life_event', key: 'id', columns: ['notice_enc'] })) +
    (await reencryptColumns(db, cipher, { table: 'exchange.subscription', key: 'id', columns: ['secret_enc'] }))
  );
}
