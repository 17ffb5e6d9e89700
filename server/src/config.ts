/**
 * The only reader of process.env. Parsed once by a schema, frozen, and fails fast at boot with
 * every problem listed.
 */
import { z } from 'zod';
import path from 'node:path';
import { isIP } from 'node:net';

/** An address or CIDR block (`10.0.0.0/8`, `::1`), or one of proxy-addr's names (`loopback`, `linklocal`, `uniquelocal`). */
const isProxySpec = (s: string): boolean => {
  if (['loopback', 'linklocal', 'uniquelocal'].includes(s)) return true;
  const [addr, bits, ...rest] = s.split('/');
  if (rest.length || !addr || !isIP(addr)) return false;
  return bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (isIP(addr) === 4 ? 32 : 128));
};

const LogLevel = z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']);

const Env = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().default('0.0.0.0'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATA_DIR: z.string().default('./data'),
  /** postgres://… selects a PostgreSQL server; unset means embedded PGlite under DATA_DIR. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres://')
    .optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  LOG_LEVEL: LogLevel.default('info'),
  /** Seed demo data on first start when the catalogue is empty. */
  SEED_DEMO: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  /** Size of the synthetic population the demo seed creates. */
  DEMO_PERSONS: z.coerce.number().int().min(0).max(1_000_000).default(10_000),
  DEMO_ENTERPRISES: z.coerce.number().int().min(0).max(100_000).default(1_000),
  DEMO_SEED: z.coerce.number().int().default(20261122),
  /** Demo case history seeded on first start (through the case use cases, under a simulated clock); 0: none. */
  DEMO_CASES: z.coerce.number().int().min(0).max(200_000).default(1_000),
  /** Months of that history, ending today. */
  DEMO_HISTORY_MONTHS: z.coerce.number().int().min(1).max(36).default(6),
  /**
   * 32-byte key (hex or base64) for encrypting personal data at rest and for the blind index.
   * Development generates and stores one under DATA_DIR; production must set it.
   */
  DATA_KEY: z.string().optional(),
  /** Id written into new ciphertexts (`sm4.<id>.…`); change it with DATA_KEY when rotating. */
  DATA_KEY_ID: z
    .string()
    .regex(/^[a-z0-9]{1,8}$/)
    .default('k1'),
  /** Earlier data keys still readable during a rotation: `k1:<key>,k2:<key>`. */
  DATA_KEYS_RETIRED: z
    .string()
    .regex(/^([a-z0-9]{1,8}:[^,:]+)(,[a-z0-9]{1,8}:[^,:]+)*$/, 'id:key pairs separated by commas')
    .optional(),
  /** Key of the blind indexes and the audit chain; stable across data-key rotations. Defaults to DATA_KEY. */
  INDEX_KEY: z.string().optional(),
  /** Cipher suite for personal data at rest: sm4 (SM4-CBC + HMAC-SM3, 国密) or aes (AES-256-GCM). */
  DATA_CIPHER: z.enum(['sm4', 'aes']).default('sm4'),
  /** Serve the built web app from web/dist. */
  SERVE_WEB: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  /** The demo province (GB/T 2260 two-digit code). */
  DEMO_PROVINCE: z
    .string()
    .regex(/^\d{2}$/)
    .default('52'),
  /** Where application materials are stored: local disk (STORAGE_DIR) or S3-compatible storage. */
  STORAGE: z.enum(['local', 's3']).default('local'),
  STORAGE_DIR: z.string().optional(),
  S3_ENDPOINT: z.url().optional(),
  S3_BUCKET: z.string().min(3).max(63).optional(),
  S3_REGION: z.string().default('us-east-1'),
  S3_ACCESS_KEY_ID: z.string().optional(),
  S3_SECRET_ACCESS_KEY: z.string().optional(),
  S3_FORCE_PATH_STYLE: z.enum(['true', 'false']).optional(),
  /** Largest uploaded material, in bytes. */
  UPLOAD_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(200 * 1024 * 1024)
    .default(20 * 1024 * 1024),
  /** Requests per minute and client address: sign-in, SMS codes, registration. */
  RATE_LIMIT_SIGN_IN: z.coerce.number().int().min(1).default(20),
  RATE_LIMIT_SMS_CODE: z.coerce.number().int().min(1).default(5),
  RATE_LIMIT_REGISTER: z.coerce.number().int().min(1).default(10),
  /** Open311 requests per minute and client address: reads, and new service requests. */
  RATE_LIMIT_OPEN311_READ: z.coerce.number().int().min(1).default(120),
  RATE_LIMIT_OPEN311_WRITE: z.coerce.number().int().min(1).default(10),
  /** 智能客服: questions per minute and client address. */
  RATE_LIMIT_ASSISTANT: z.coerce.number().int().min(1).default(30),
  /**
   * 智能客服's optional language model: an OpenAI-compatible API base URL (…/v1). Unset: off, and the
   * assistant answers with the guide's own sentences.
   */
  ASSISTANT_LLM_URL: z.url().optional(),
  ASSISTANT_LLM_MODEL: z.string().min(1).max(200).default('qwen-plus'),
  ASSISTANT_LLM_API_KEY: z.string().min(1).optional(),
  ASSISTANT_LLM_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5_000),
  /**
   * The hall kiosks' ID card reader bridge, a loopback origin (http://127.0.0.1:17890): the pages
   * may call it (CSP connect-src). Unset: kiosks use no bridge (the simulated reader only).
   */
  KIOSK_CARD_BRIDGE: z
    .string()
    .regex(/^https?:\/\/(127\.0\.0\.1|localhost)(:\d{2,5})?$/, 'a loopback origin, e.g. http://127.0.0.1:17890')
    .optional(),
  /** 请给我回电 requests an hour and client address. */
  RATE_LIMIT_CALLBACK: z.coerce.number().int().min(1).default(5),
  /**
   * Reverse proxies whose X-Forwarded-For / -Proto / -Host are believed: addresses or CIDR blocks,
   * comma-separated. Unset: none — the client is the connection's peer, whatever headers it sends.
   */
  TRUST_PROXY: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    )
    .refine(
      (list) => list.every(isProxySpec),
      'addresses or CIDR blocks separated by commas (or loopback, linklocal, uniquelocal)',
    ),
  /** 等保三级: minutes without a request after which a session ends (staff; residents). */
  SESSION_IDLE_MINUTES_STAFF: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  SESSION_IDLE_MINUTES_PERSON: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(120),
  /** Staff may not reuse their last N passwords. */
  PASSWORD_HISTORY: z.coerce.number().int().min(0).max(24).default(5),
  /** Days after which a staff password must be changed at sign-in. */
  STAFF_PASSWORD_MAX_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  /** 好差评: working days for the return visit after a bad review, and for its rectification (set locally). */
  EVALUATION_CALLBACK_DAYS: z.coerce.number().int().min(1).max(30).default(1),
  EVALUATION_RECTIFY_DAYS: z.coerce.number().int().min(1).max(90).default(15),
  /** How long a node remembers who a session or API token is (0: not at all); revocations reach other nodes within it. */
  SESSION_CACHE_MS: z.coerce.number().int().min(0).max(10_000).default(1000),
  /** 投诉举报: working days a department has to answer a complaint. */
  COMPLAINT_ANSWER_DAYS: z.coerce.number().int().min(1).max(60).default(15),
  /** 电子监察: working days the window has to accept or refuse a filed application (行政许可法 Art. 32: five). */
  SUPERVISION_ACCEPTANCE_DAYS: z.coerce.number().int().min(1).max(30).default(5),
  /** 电子监察: how often a node sweeps the clocks into yellow and red (ms; 0: never, on a node that only answers requests). */
  SUPERVISION_SWEEP_MS: z.coerce.number().int().min(0).max(3_600_000).default(60_000),
  /** 异常监察: decisions by one account within SUPERVISION_BULK_MINUTES out of office hours that are flagged. */
  SUPERVISION_BULK_DECISIONS: z.coerce.number().int().min(2).max(1000).default(10),
  SUPERVISION_BULK_MINUTES: z.coerce.number().int().min(1).max(1440).default(30),
  /** 主动服务: how often a node re-checks everyone under every policy (ms; 0: never). Daily by default. */
  PROACTIVE_RECHECK_MS: z.coerce.number().int().min(0).max(604_800_000).default(86_400_000),
  /** 容缺受理: working days after acceptance within which a promised material must be brought. */
  TOLERANCE_DAYS: z.coerce.number().int().min(1).max(60).default(5),
  /** 热门搜索: a query is hot when this many distinct people asked it within SEARCH_HOT_DAYS days. */
  SEARCH_HOT_MIN_PEOPLE: z.coerce.number().int().min(1).max(100_000).default(5),
  SEARCH_HOT_DAYS: z.coerce.number().int().min(1).max(90).default(7),
  /** Comma-separated words that keep a query off the hot list wherever they appear in it. */
  SEARCH_HOT_DENYLIST: z.string().max(10_000).default(''),
  /** 热门搜索 is read again from the query log at most this often per node (ms; 0: on every request). */
  SEARCH_HOT_CACHE_MS: z.coerce.number().int().min(0).max(3_600_000).default(10_000),
  /** Server processes on this machine (node:cluster, one port); more than one needs DATABASE_URL. */
  PROCESSES: z.coerce.number().int().min(1).max(64).default(1),
  /**
   * Development only: let webhooks reach private, loopback and link-local addresses (a receiver on
   * this machine or the local network). Refused in production, where targets must be public https.
   */
  WEBHOOK_ALLOW_PRIVATE: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  /** Background workers (outbox delivery, webhooks): off for a node that should only answer requests. */
  WORKERS: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  /** Bearer token a Prometheus scraper presents at /metrics; unset: no /metrics. */
  METRICS_TOKEN: z
    .string()
    .min(16, 'at least 16 characters')
    .regex(/^[\x21-\x7e]+$/, 'printable ASCII without spaces')
    .optional(),
  /** SMS gateway (JSON POST signed with HMAC-SHA256): unset outside production means SMS is only logged. */
  SMS_GATEWAY_URL: z.url({ protocol: /^https?$/ }).optional(),
  SMS_GATEWAY_KEY_ID: z.string().min(1).optional(),
  SMS_GATEWAY_SECRET: z.string().min(16, 'at least 16 characters').optional(),
  /** The registered SMS signature (签名), sent beside the text. */
  SMS_SIGN_NAME: z.string().min(2).max(12).default('通办'),
  /** SMTP server for e-mail, e.g. smtps://user:pass@mail.example.gov.cn:465; unset: no e-mail channel. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  MAIL_FROM: z.string().min(3).default('通办 <noreply@tongban.local>'),
  /** WeChat official account for template messages; WECHAT_TEMPLATES maps message kinds to template ids (`case-decided:TPL1,fee-due:TPL2`). */
  WECHAT_APP_ID: z.string().optional(),
  WECHAT_APP_SECRET: z.string().optional(),
  WECHAT_TEMPLATES: z
    .string()
    .regex(/^([a-z-]+:[A-Za-z0-9_-]+)(,[a-z-]+:[A-Za-z0-9_-]+)*$/, 'kind:templateId pairs separated by commas')
    .optional(),
  /** Non-urgent messages per person, channel and hour; attempts of a delivery before its fallback. */
  NOTIFY_RATE_PER_HOUR: z.coerce.number().int().min(1).max(1000).default(20),
  NOTIFY_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(3),
  /** An event older than this when notify reaches it (a backlog, a restore, seeded history) tells nobody. */
  NOTIFY_MAX_AGE_HOURS: z.coerce.number().int().min(1).max(8760).default(24),
  /**
   * The externally visible base URL (scheme, host, optional port and path prefix, no trailing
   * slash): the issuer of single sign-on is `${PUBLIC_URL}/oidc`. Defaults to http://localhost:PORT.
   */
  /**
   * 大数据: the analytics store — a DuckDB file (default DATA_DIR/analytics.duckdb; `:memory:` for
   * a throwaway one, the default in tests). Derived data: `npm run analytics:rebuild` remakes it.
   */
  ANALYTICS_DUCKDB: z.string().min(1).optional(),
  /** `clickhouse`: the analytics store is the ClickHouse server at CLICKHOUSE_URL (shared by every API node). */
  ANALYTICS_STORE: z.enum(['duckdb', 'clickhouse']).default('duckdb'),
  /** e.g. https://user:password@clickhouse.example:8443/tongban (the path names the database). */
  CLICKHOUSE_URL: z.url().optional(),
  /** Open data and public figures: a cell counting fewer than this many people is withheld. */
  ANALYTICS_MIN_CELL: z.coerce.number().int().min(1).max(1000).default(10),
  PUBLIC_URL: z
    .url({ protocol: /^https?$/ })
    .refine((u) => !u.endsWith('/') && !u.includes('?') && !u.includes('#'), 'no trailing slash, query or fragment')
    .optional(),
});

export type Config = Readonly<{
  env: 'development' | 'production' | 'test';
  host: string;
  port: number;
  dataDir: string;
  databaseUrl: string | undefined;
  databasePoolSize: number;
  logLevel: z.infer<typeof LogLevel>;
  seedDemo: boolean;
  demo: Readonly<{
    persons: number;
    enterprises: number;
    seed: number;
    province: string;
    /** Cases of the demo history and the months it spans. */
    cases: number;
    historyMonths: number;
  }>;
  dataKey: string | undefined;
  dataKeyId: string;
  dataKeysRetired: Readonly<Record<string, string>>;
  indexKey: string | undefined;
  dataCipher: 'sm4' | 'aes';
  serveWeb: boolean;
  rateLimits: Readonly<{
    signIn: number;
    smsCode: number;
    register: number;
    open311Read: number;
    open311Write: number;
    callback: number;
    assistant: number;
  }>;
  /** 智能客服's optional language model (undefined: off). */
  assistantModel: Readonly<{ url: string; model: string; apiKey?: string; timeoutMs: number }> | undefined;
  /** Sign-in and session policy (等保三级). */
  signIn: Readonly<{
    idleMinutes: { staff: number; person: number };
    passwordHistory: number;
    staffPasswordMaxDays: number;
  }>;
  /** Declared reverse proxies (addresses, CIDR blocks); empty: forwarded headers are ignored. */
  trustProxy: readonly string[];
  /** The kiosks' card-reader bridge origin (CSP connect-src), if any. */
  kioskCardBridge?: string;
  /** Externally visible base URL, without a trailing slash. */
  publicUrl: string;
  storage: Readonly<
    | { kind: 'local'; dir: string }
    | {
        kind: 's3';
        bucket: string;
        region: string;
        endpoint?: string;
        forcePathStyle?: boolean;
        accessKeyId?: string;
        secretAccessKey?: string;
      }
  >;
  uploadMaxBytes: number;
  /** Whether this node runs the background workers (outbox delivery, webhooks). */
  workers: boolean;
  /** Outbound requests to addresses others chose (webhooks): https only in production; private addresses only when allowed (development). */
  outbound: Readonly<{ requireHttps: boolean; allowPrivate: boolean }>;
  /** Server processes sharing the port (node:cluster). */
  processes: number;
  /** Bearer token for /metrics (undefined: metrics off). */
  metricsToken: string | undefined;
  /** Milliseconds a node remembers a resolved session or API token. */
  sessionCacheMs: number;
  /** Working days a department has to answer a complaint. */
  complaintAnswerDays: number;
  supervision: Readonly<{
    acceptanceDays: number;
    sweepMs: number;
    bulkDecisions: Readonly<{ count: number; minutes: number }>;
  }>;
  /** 主动服务: milliseconds between the engine's re-checks of the whole population (0: never). */
  proactiveRecheckMs: number;
  /** 容缺受理: working days after acceptance to bring a promised material. */
  toleranceDays: number;
  analytics: Readonly<{ duckdbPath: string; minCell: number; clickhouseUrl: string | null }>;
  /** 好差评 deadlines in working days. */
  evaluation: Readonly<{ callBackDays: number; rectifyDays: number }>;
  /** 热门搜索: distinct people within a window of days; words that keep a query off it. */
  hotSearch: Readonly<{ windowDays: number; minPeople: number; denylist: readonly string[] }>;
  /** Notification channels and limits. */
  notify: Readonly<{
    sms: Readonly<{ url: string; keyId: string; secret: string }> | undefined;
    smsSignName: string;
    smtp: Readonly<{ url: string; from: string }> | undefined;
    wechat: Readonly<{ appId: string; appSecret: string; templates: Readonly<Record<string, string>> }> | undefined;
    ratePerHour: number;
    maxAttempts: number;
    /** Hours after which an event is no longer news: notify tells nobody of it. */
    maxAgeHours: number;
  }>;
}>;

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if (e.STORAGE === 's3' && !e.S3_BUCKET) {
    throw new ConfigError('Invalid configuration:\n  S3_BUCKET: required when STORAGE=s3');
  }
  if (e.ANALYTICS_STORE === 'clickhouse' && !e.CLICKHOUSE_URL)
    throw new ConfigError('Invalid configuration:\n  CLICKHOUSE_URL: required when ANALYTICS_STORE=clickhouse');
  if (Boolean(e.S3_ACCESS_KEY_ID) !== Boolean(e.S3_SECRET_ACCESS_KEY)) {
    throw new ConfigError('Invalid configuration:\n  S3_ACCESS_KEY_ID / S3_SECRET_ACCESS_KEY: give both or neither');
  }
  if (e.PROCESSES > 1 && !e.DATABASE_URL) {
    throw new ConfigError(
      'Invalid configuration:\n  PROCESSES: more than one process needs a PostgreSQL server (DATABASE_URL); the embedded database serves one process',
    );
  }
  if (e.NODE_ENV === 'production' && e.WEBHOOK_ALLOW_PRIVATE) {
    throw new ConfigError(
      'Invalid configuration:\n  WEBHOOK_ALLOW_PRIVATE: not allowed in production (webhooks go to public https addresses only)',
    );
  }
  if (e.SMS_GATEWAY_URL && !(e.SMS_GATEWAY_KEY_ID && e.SMS_GATEWAY_SECRET)) {
    throw new ConfigError(
      'Invalid configuration:\n  SMS_GATEWAY_KEY_ID / SMS_GATEWAY_SECRET: required with SMS_GATEWAY_URL',
    );
  }
  if (Boolean(e.WECHAT_APP_ID) !== Boolean(e.WECHAT_APP_SECRET)) {
    throw new ConfigError('Invalid configuration:\n  WECHAT_APP_ID / WECHAT_APP_SECRET: give both or neither');
  }
  if (e.NODE_ENV === 'production' && !e.DATA_KEY) {
    throw new ConfigError('Invalid configuration:\n  DATA_KEY: required in production (32 bytes, hex or base64)');
  }
  return Object.freeze({
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    logLevel: e.LOG_LEVEL,
    seedDemo: e.SEED_DEMO,
    demo: Object.freeze({
      persons: e.DEMO_PERSONS,
      enterprises: e.DEMO_ENTERPRISES,
      seed: e.DEMO_SEED,
      province: e.DEMO_PROVINCE,
      cases: e.DEMO_CASES,
      historyMonths: e.DEMO_HISTORY_MONTHS,
    }),
    dataKey: e.DATA_KEY,
    dataKeyId: e.DATA_KEY_ID,
    dataKeysRetired: Object.freeze(
      Object.fromEntries(
        (e.DATA_KEYS_RETIRED ?? '')
          .split(',')
          .filter(Boolean)
          .map((pair) => pair.split(':') as [string, string]),
      ),
    ),
    indexKey: e.INDEX_KEY,
    dataCipher: e.DATA_CIPHER,
    serveWeb: e.SERVE_WEB,
    workers: e.WORKERS,
    outbound: Object.freeze({ requireHttps: e.NODE_ENV === 'production', allowPrivate: e.WEBHOOK_ALLOW_PRIVATE }),
    processes: e.PROCESSES,
    sessionCacheMs: e.SESSION_CACHE_MS,
    metricsToken: e.METRICS_TOKEN,
    complaintAnswerDays: e.COMPLAINT_ANSWER_DAYS,
    supervision: Object.freeze({
      acceptanceDays: e.SUPERVISION_ACCEPTANCE_DAYS,
      sweepMs: e.SUPERVISION_SWEEP_MS,
      bulkDecisions: Object.freeze({ count: e.SUPERVISION_BULK_DECISIONS, minutes: e.SUPERVISION_BULK_MINUTES }),
    }),
    proactiveRecheckMs: e.PROACTIVE_RECHECK_MS,
    toleranceDays: e.TOLERANCE_DAYS,
    analytics: Object.freeze({
      duckdbPath:
        e.ANALYTICS_DUCKDB ??
        (e.NODE_ENV === 'test' ? ':memory:' : path.join(path.resolve(e.DATA_DIR), 'analytics.duckdb')),
      minCell: e.ANALYTICS_MIN_CELL,
      clickhouseUrl: e.ANALYTICS_STORE === 'clickhouse' ? e.CLICKHOUSE_URL! : null,
    }),
    hotSearch: Object.freeze({
      windowDays: e.SEARCH_HOT_DAYS,
      minPeople: e.SEARCH_HOT_MIN_PEOPLE,
      cacheMs: e.SEARCH_HOT_CACHE_MS,
      denylist: Object.freeze(
        e.SEARCH_HOT_DENYLIST.split(/[,，]/)
          .map((w) => w.trim())
          .filter((w) => w.length > 0),
      ),
    }),
    evaluation: Object.freeze({ callBackDays: e.EVALUATION_CALLBACK_DAYS, rectifyDays: e.EVALUATION_RECTIFY_DAYS }),
    notify: Object.freeze({
      sms: e.SMS_GATEWAY_URL
        ? Object.freeze({ url: e.SMS_GATEWAY_URL, keyId: e.SMS_GATEWAY_KEY_ID!, secret: e.SMS_GATEWAY_SECRET! })
        : undefined,
      smsSignName: e.SMS_SIGN_NAME,
      smtp: e.SMTP_URL ? Object.freeze({ url: e.SMTP_URL, from: e.MAIL_FROM }) : undefined,
      wechat:
        e.WECHAT_APP_ID && e.WECHAT_APP_SECRET
          ? Object.freeze({
              appId: e.WECHAT_APP_ID,
              appSecret: e.WECHAT_APP_SECRET,
              templates: Object.freeze(
                Object.fromEntries(
                  (e.WECHAT_TEMPLATES ?? '')
                    .split(',')
                    .filter(Boolean)
                    .map((p) => p.split(':')),
                ),
              ),
            })
          : undefined,
      ratePerHour: e.NOTIFY_RATE_PER_HOUR,
      maxAttempts: e.NOTIFY_MAX_ATTEMPTS,
      maxAgeHours: e.NOTIFY_MAX_AGE_HOURS,
    }),
    trustProxy: Object.freeze([...e.TRUST_PROXY]),
    signIn: Object.freeze({
      idleMinutes: { staff: e.SESSION_IDLE_MINUTES_STAFF, person: e.SESSION_IDLE_MINUTES_PERSON },
      passwordHistory: e.PASSWORD_HISTORY,
      staffPasswordMaxDays: e.STAFF_PASSWORD_MAX_DAYS,
    }),
    rateLimits: Object.freeze({
      signIn: e.RATE_LIMIT_SIGN_IN,
      smsCode: e.RATE_LIMIT_SMS_CODE,
      register: e.RATE_LIMIT_REGISTER,
      open311Read: e.RATE_LIMIT_OPEN311_READ,
      open311Write: e.RATE_LIMIT_OPEN311_WRITE,
      callback: e.RATE_LIMIT_CALLBACK,
      assistant: e.RATE_LIMIT_ASSISTANT,
    }),
    assistantModel: e.ASSISTANT_LLM_URL
      ? Object.freeze({
          url: e.ASSISTANT_LLM_URL,
          model: e.ASSISTANT_LLM_MODEL,
          ...(e.ASSISTANT_LLM_API_KEY ? { apiKey: e.ASSISTANT_LLM_API_KEY } : {}),
          timeoutMs: e.ASSISTANT_LLM_TIMEOUT_MS,
        })
      : undefined,
    storage: Object.freeze(
      e.STORAGE === 's3'
        ? {
            kind: 's3' as const,
            bucket: e.S3_BUCKET!,
            region: e.S3_REGION,
            ...(e.S3_ENDPOINT ? { endpoint: e.S3_ENDPOINT } : {}),
            ...(e.S3_FORCE_PATH_STYLE ? { forcePathStyle: e.S3_FORCE_PATH_STYLE === 'true' } : {}),
            ...(e.S3_ACCESS_KEY_ID
              ? { accessKeyId: e.S3_ACCESS_KEY_ID, secretAccessKey: e.S3_SECRET_ACCESS_KEY! }
              : {}),
          }
        : { kind: 'local' as const, dir: path.resolve(e.STORAGE_DIR ?? path.join(e.DATA_DIR, 'files')) },
    ),
    uploadMaxBytes: e.UPLOAD_MAX_BYTES,
    publicUrl: e.PUBLIC_URL ?? `http://localhost:${e.PORT}`,
    ...(e.KIOSK_CARD_BRIDGE ? { kioskCardBridge: e.KIOSK_CARD_BRIDGE } : {}),
  });
}
