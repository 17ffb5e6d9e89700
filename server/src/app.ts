/**
 * Builds the Fastify application: schemas by zod, OpenAPI 3.1 at /openapi.json with docs at
 * /docs, one problem+json error handler, one plugin per module, and the built web app.
 */
import Fastify, { type FastifyInstance, type RouteOptions } from 'fastify';
import {
  serializerCompiler,
  validatorCompiler,
  jsonSchemaTransform,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { randomUUID } from 'node:crypto';
import type { Config } from './config.js';
import type { Database } from './platform/db/index.js';
import { householdRegionIn, householdRegionsIn } from './household-region.js';
import { loggerOptions } from './platform/logger.js';
import { registerProblemHandlers } from './platform/http/problem.js';
import { refuseUnstorableText } from './platform/http/storable-text.js';
import { authPlugin } from './platform/http/auth.js';
import { securityHeaders } from './platform/http/security-headers.js';
import { calendarRoutes } from './platform/calendar/calendar.routes.js';
import { CalendarService } from './platform/calendar/calendar.service.js';
import { casesModule, lifeEventsSubscriber, listApplicantCases } from './modules/cases/index.js';
import { AssistantCatalog, assistantModule, openAiCompatible } from './modules/assistant/index.js';
import { evaluationModule } from './modules/evaluation/index.js';
import {
  caseClocksSubscriber,
  rectificationClocksSubscriber,
  sharingClocksSubscriber,
  supervisionModule,
  sweep,
  SweepJob,
  checkRunningSuspensions,
} from './modules/supervision/index.js';
import { open311Module } from './modules/open311/index.js';
import { hotlineModule } from './modules/hotline/index.js';
import { spaceModule } from './modules/space/index.js';
import { applicationsSubscriber, proactiveModule, proactiveSubscriber, recheckAll } from './modules/proactive/index.js';
import { configuredChannels, DeliveryWorker, notifyModule, notifySubscriber } from './modules/notify/index.js';
import { licensesModule, licensesSubscriber } from './modules/licenses/index.js';
import { registerCompression } from './platform/http/compression.js';
import { registerWeb, WEB_DIST } from './platform/http/web.js';
import { lightPages } from './modules/pages/index.js';
import { healthRoutes } from './platform/http/health.js';
import { registerMetrics } from './platform/metrics/index.js';
import { OutboxDispatcher } from './platform/outbox-dispatcher.js';
import { CatalogSearch, catalogRoutes, PublishedGuides } from './modules/catalog/index.js';
import {
  identityAuthResolver,
  identityRoutes,
  registryPersonOf,
  staffDisplayNames,
  verifyClientAccessToken,
} from './modules/identity/index.js';
import { exchangeModule } from './modules/exchange/index.js';
import { cipherFrom, dataKeysFrom, type DataKeys } from './platform/crypto/index.js';
import { systemResolve, type Resolve } from './platform/net/index.js';
import {
  analyticsModule,
  analyticsSubscriber,
  DuckDbStore,
  ClickHouseStore,
  personKeyOf,
  type AnalyticsDeps,
  type AnalyticsStore,
} from './modules/analytics/index.js';
import { openDataModule } from './modules/opendata/index.js';
import { casesDeps, evaluationDeps, identityDeps, licensesDeps, supervisionDeps, type Wiring } from './wiring.js';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';

export interface AppDeps {
  config: Config;
  database: Database;
  /** The key ring; read from configuration (or the development key file) when not given. */
  keys?: DataKeys;
  /** How outbound requests resolve host names (the system resolver unless a test gives its own). */
  resolve?: Resolve;
  /** The time for case handling and supervision (tests advance it; the wall clock otherwise). */
  now?: () => Date;
  /** Sees every route as it is registered (the contract test walks them). */
  onRoute?: (route: RouteOptions) => void;
  /**
   * The analytics store when another process owns it (an API process of `PROCESSES` > 1 reaches the
   * primary's DuckDB store); the configured one is opened otherwise.
   */
  analyticsStore?: AnalyticsStore;
}

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

declare module 'fastify' {
  interface FastifyInstance {
    /** Domain-event delivery inside the platform (tests call `app.outbox.drain()`). */
    outbox: OutboxDispatcher;
    /** 电子监察's sweep at a moment (tests call it instead of waiting for the timer). */
    supervisionSweep: (at?: Date) => Promise<{ red: number; yellow: number }>;
    /** Sends due notifications (tests call `app.notify.drain()`). */
    notify: DeliveryWorker;
    /** The big-data centre's store and its deps (the rebuild tool and tests use them). */
    analytics: AnalyticsDeps;
  }
}

export async function buildApp({
  config,
  database,
  keys = dataKeysFrom(config),
  resolve = systemResolve,
  now = () => new Date(),
  onRoute,
  analyticsStore,
}: AppDeps): Promise<FastifyInstance> {
  const cipher = cipherFrom(keys);
  const app = Fastify({
    logger: config.logLevel === 'silent' ? false : loggerOptions(config.logLevel),
    genReqId: (req) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    },
    requestIdHeader: false,
    bodyLimit: 1024 * 1024,
    // Only declared proxies may say who the client is (X-Forwarded-For); rate limits key on request.ip.
    trustProxy: config.trustProxy.length ? [...config.trustProxy] : false,
    ajv: { customOptions: { removeAdditional: false } },
    // Start-up work (the search index, the first outbox pass) waits on the database; on a loaded
    // machine or a slow database it may take longer than Fastify's 10 s default, and a process
    // that gives up then only restarts into the same wait. /readyz says when it is ready.
    pluginTimeout: 120_000,
  }).withTypeProvider<ZodTypeProvider>();
  if (onRoute) app.addHook('onRoute', onRoute);

  // The API speaks JSON only: a text/plain body is refused with 415 rather than half-understood.
  app.removeContentTypeParser('text/plain');
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // Before every route, the web app's included: compression hooks into each route as it is added.
  await registerCompression(app);
  registerProblemHandlers(
    app,
    config.serveWeb ? await registerWeb(app, WEB_DIST, lightPages(app, WEB_DIST)) : undefined,
  );
  app.addHook('preValidation', refuseUnstorableText);
  app.addHook('onSend', (request, reply, payload, done) => {
    reply.header('x-request-id', request.id);
    done(null, payload);
  });
  await app.register(securityHeaders, {
    production: config.env === 'production',
    connect: config.kioskCardBridge ? [config.kioskCardBridge] : [],
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: '通办 Tongban API',
        description:
          '一网通办政务服务平台接口。Errors are RFC 9457 application/problem+json with a stable `code` and messages in Chinese and English.',
        version: '0.1.0',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  await app.register(cookie);
  // Limits are declared per route (sign-in, SMS codes, registration); none apply globally.
  await app.register(rateLimit, { global: false });
  await app.register(authPlugin, {
    resolver: identityAuthResolver(database.db, {
      cacheMs: config.sessionCacheMs,
      idle: { idleMinutes: config.signIn.idleMinutes, auditKey: keys.indexKey },
    }),
  });

  // Outbox delivery to the subscribers inside the platform; modules subscribe while registering.
  const outbox = new OutboxDispatcher(database.db, { log: app.log });
  app.decorate('outbox', outbox);
  if (config.workers) {
    app.addHook('onReady', async () => outbox.start());
    app.addHook('onClose', async () => outbox.stop());
  }

  await app.register(healthRoutes, { database });
  const metrics = await registerMetrics(app, { token: config.metricsToken, database, outbox });

  // One calendar for the app: an administrator's override is seen at once by every deadline.
  const calendar = new CalendarService(database.db);
  await app.register(calendarRoutes, { service: calendar });
  const householdRegion = (personId: string) => householdRegionIn(database.db, personId);
  // One search and one set of kept guides for the portal and the assistant (one copy in memory,
  // and the assistant answers from a guide the moment the portal shows it).
  const catalogSearch = new CatalogSearch(database.db, { log: app.log, hot: config.hotSearch });
  const publishedGuides = new PublishedGuides(database.db);
  await app.register(catalogRoutes, {
    db: database.db,
    metrics,
    search: catalogSearch,
    guides: publishedGuides,
    callers: { askerKey: keys.indexKey, householdRegion, personKey: personKeyOf(keys.indexKey) },
  });
  // 智能客服: answers from the published guides; the language model only where configured.
  await app.register(assistantModule, {
    askPerMinute: config.rateLimits.assistant,
    deps: {
      db: database.db,
      search: catalogSearch,
      now,
      log: app.log,
      catalog: new AssistantCatalog(database.db, undefined, publishedGuides),
      householdRegion,
      ownCases: (actor) => listApplicantCases(database.db, actor),
      ...(config.assistantModel ? { languageModel: openAiCompatible(config.assistantModel) } : {}),
      conversationMinutes: 30,
      auditKey: keys.indexKey,
    },
  });
  const wiring: Wiring = { config, db: database.db, cipher, indexKey: keys.indexKey, calendar };
  await app.register(identityRoutes, {
    deps: identityDeps(wiring, () => new Date(), app.log),
    rateLimits: config.rateLimits,
    publicUrl: config.publicUrl,
  });
  const licenses = licensesDeps(wiring, () => new Date());
  await app.register(casesModule, { deps: casesDeps(wiring, now) });
  outbox.subscribe(lifeEventsSubscriber(() => new Date()));
  outbox.subscribe(licensesSubscriber(licenses));
  await app.register(licensesModule, { deps: licenses });
  // 数据通: identity answers through functions (identity imports the exchange, not the reverse).
  await app.register(exchangeModule, {
    db: database.db,
    cipher,
    auditKey: keys.indexKey,
    indexKey: keys.indexKey,
    log: app.log,
    now,
    identity: {
      registryPersonOf: (accountId) => registryPersonOf(database.db, accountId),
      staffNames: (ids) => staffDisplayNames(database.db, ids),
      verifyClientToken: (token) => verifyClientAccessToken({ db: database.db, now: () => new Date() }, token),
    },
    outbound: { ...config.outbound, resolve },
    webhookPollMs: config.workers ? 2_000 : 0,
  });
  await app.register(evaluationModule, { deps: evaluationDeps(wiring, () => new Date()) });
  // 消息通知: outbox events become messages; the worker sends them through the configured channels.
  const channels = configuredChannels({ ...config.notify, production: config.env === 'production' }, app.log);
  const notify = {
    db: database.db,
    cipher,
    now,
    log: app.log,
    channels,
    ratePerHour: config.notify.ratePerHour,
    maxAttempts: config.notify.maxAttempts,
    maxAgeHours: config.notify.maxAgeHours,
    leaseMs: 60_000,
  };
  outbox.subscribe(notifySubscriber(notify));
  const notifyWorker = new DeliveryWorker(notify);
  app.decorate('notify', notifyWorker);
  if (config.workers) app.addHook('onReady', async () => notifyWorker.start());
  app.addHook('onClose', async () => {
    await notifyWorker.stop();
    channels.close();
  });
  await app.register(notifyModule, { deps: notify });
  // 电子监察: clocks fed by the case event log, swept into yellow and red on every node running workers.
  const supervision = supervisionDeps(wiring, now);
  await app.register(supervisionModule, { deps: supervision });
  outbox.subscribe(caseClocksSubscriber(supervision));
  outbox.subscribe(rectificationClocksSubscriber(supervision));
  outbox.subscribe(sharingClocksSubscriber(supervision));
  const afterSweep = (at: Date) => checkRunningSuspensions(supervision, at);
  const sweeper = new SweepJob(database.db, now, config.supervision.sweepMs, app.log, afterSweep);
  app.decorate('supervisionSweep', async (at?: Date) => {
    const moment = at ?? now();
    const raised = await sweep(database.db, moment);
    await afterSweep(moment);
    return raised;
  });
  if (config.workers) {
    app.addHook('onReady', async () => sweeper.start());
    app.addHook('onClose', async () => sweeper.stop());
  }
  // 大数据: the analytics store fed by the outbox (only nodes running workers feed their own store).
  const store =
    analyticsStore ??
    (config.analytics.clickhouseUrl
      ? await ClickHouseStore.open(config.analytics.clickhouseUrl)
      : await DuckDbStore.open(config.analytics.duckdbPath));
  // Closing hooks run last-registered first: the outbox stops delivering before the store it feeds closes.
  app.addHook('onClose', async () => {
    await outbox.stop();
    await store.close();
  });
  const analytics = {
    db: database.db,
    calendar,
    store,
    personKey: personKeyOf(keys.indexKey),
    minCell: config.analytics.minCell,
    minPeople: config.hotSearch.minPeople,
    homeRegions: householdRegionsIn,
  };
  app.decorate('analytics', analytics);
  outbox.subscribe(analyticsSubscriber(analytics));
  await app.register(analyticsModule, { deps: analytics });
  await app.register(openDataModule, { deps: { analytics, publicUrl: config.publicUrl, now } });
  // 主动服务: life events judged as they are delivered; the whole population re-checked daily.
  const proactive = { db: database.db, now, cipher, log: app.log, auditKey: keys.indexKey };
  outbox.subscribe(proactiveSubscriber(proactive));
  outbox.subscribe(applicationsSubscriber());
  await app.register(proactiveModule, { deps: proactive, recheckMs: config.workers ? config.proactiveRecheckMs : 0 });
  app.decorate('proactiveRecheck', (at?: Date) => recheckAll(proactive, at ?? now()));
  await app.register(open311Module, {
    deps: {
      supervision,
      verifyClient: (apiKey) => verifyClientAccessToken({ db: database.db, now }, apiKey),
    },
    limits: { read: config.rateLimits.open311Read, write: config.rateLimits.open311Write },
  });
  await app.register(spaceModule, { deps: { db: database.db, now } });
  await app.register(hotlineModule, {
    deps: { db: database.db, cipher, auditKey: keys.indexKey, now },
    perHour: config.rateLimits.callback,
  });
  return app;
}
