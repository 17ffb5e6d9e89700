/**
 * The audit log (审计日志): who did what, for whom, to what, from where and why. Append-only in
 * the database and hash-chained: each row's hash is an HMAC over its canonical serialisation,
 * which includes its seq and its predecessor's hash, under a key derived from the data key. Someone
 * who can write to the database but does not hold the key cannot alter, remove or reorder rows
 * without `verifyAuditChain` noticing (see the README for what it does not cover).
 */
import { createHmac, hkdfSync } from 'node:crypto';
import { sql, type ColumnType, type Kysely } from 'kysely';
import type { Db } from '../db/index.js';
import { invalid } from '../errors.js';

/** The fields of one audited event, as a caller gives them. */
export interface AuditEntry {
  /** When it happened; defaults to now. Kept to the millisecond, as JS dates are. */
  at?: Date;
  /** Null for an anonymous caller (e.g. a failed sign-in). */
  actorId: string | null;
  /** `person`, `staff`, `system`, `anonymous`… */
  actorKind: string;
  /** Whom the actor acted for, e.g. an enterprise's id when an agent acts for it. */
  onBehalfOf?: string | null;
  /** `module.thing-done`, e.g. `identity.sign-in`, `identity.role-granted`, `exchange.person-read`. */
  action: string;
  targetType?: string | null;
  targetId?: string | null;
  ip?: string | null;
  /** Why, or the declared purpose of a data access. */
  reason?: string | null;
  /** Further facts as a JSON object. Never put personal data in clear here. */
  detail?: Record<string, unknown>;
}

/** A stored audit row. */
export interface AuditRecord {
  seq: number;
  at: Date;
  actorId: string | null;
  actorKind: string;
  onBehalfOf: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  ip: string | null;
  reason: string | null;
  detail: Record<string, unknown>;
  prevHash: string;
  hash: string;
}

/** Anything with an id and a kind, such as the request's `Actor` (platform/context.ts). */
export interface AuditActor {
  id: string | null;
  kind: string;
}

export type AuditVerification =
  | { ok: true; entries: number; head: string }
  /** `entries`: how many rows were found intact before the first bad one. */
  | { ok: false; entries: number; firstBadSeq: number; problem: AuditProblem };

/**
 * - `altered`: the row's hash does not match its fields (content, seq or prev_hash changed);
 * - `missing`: a gap in seq (a row was removed);
 * - `reordered`: the row is intact in itself but does not follow the row before it;
 * - `head-mismatch`: the head disagrees with the last row (tail removed, or rows past the head).
 */
export type AuditProblem = 'altered' | 'missing' | 'reordered' | 'head-mismatch';

export interface AuditFilter {
  actorId?: string;
  targetType?: string;
  targetId?: string;
  action?: string;
  /** Inclusive. */
  since?: Date;
  /** Exclusive. */
  until?: Date;
  /** 1 to 1000. */
  limit: number;
  /** Page backwards: only entries older than this seq. */
  beforeSeq?: number;
}

export const GENESIS_HASH = '0'.repeat(64);

interface AuditLogTable {
  seq: number;
  at: Date;
  actorId: string | null;
  actorKind: string;
  onBehalfOf: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  ip: string | null;
  reason: string | null;
  detail: ColumnType<Record<string, unknown>, string, never>;
  prevHash: string;
  hash: string;
}

interface AuditHeadTable {
  onlyRow: ColumnType<boolean, never, never>;
  seq: number;
  hash: string;
}

type AuditTables = {
  'platform.auditLog': AuditLogTable;
  'platform.auditHead': AuditHeadTable;
};

const aq = (db: Db): Kysely<AuditTables> => db.withTables<AuditTables>() as unknown as Kysely<AuditTables>;

/** Builds an entry's actor fields from the caller, so call sites name only what happened. */
export function auditEntry(
  actor: AuditActor,
  action: string,
  fields: Omit<AuditEntry, 'actorId' | 'actorKind' | 'action'> = {},
): AuditEntry {
  return { ...fields, actorId: actor.id, actorKind: actor.kind, action };
}

/** The chain's own key: HKDF of the data key with a label no other use shares. */
export function deriveAuditKey(dataKey: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', dataKey, 'tongban', 'audit-chain-v1', 32));
}

// PostgreSQL stores neither NUL nor lone UTF-16 surrogates (the drivers turn the latter into
// U+FFFD on the way in), so strings are made storable before they are hashed: what is hashed is
// exactly what comes back.
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const storable = (s: string): string => s.replace(UNSTORABLE, '\ufffd');
const storableOrNull = (s: string | null | undefined): string | null => (s == null ? null : storable(s));

function storableJson(value: unknown): unknown {
  if (typeof value === 'string') return storable(value);
  if (Array.isArray(value)) return value.map(storableJson);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const key = storable(k);
      // Two keys that differ only in unstorable characters would keep whichever came last.
      if (Object.hasOwn(out, key))
        throw invalid('AUDIT.BAD_DETAIL', { zh: '审计详情的键名重复', en: 'audit detail has colliding keys' });
      // defineProperty, not assignment: a `__proto__` key stays a key.
      Object.defineProperty(out, key, { value: storableJson(v), enumerable: true, writable: true, configurable: true });
    }
    return out;
  }
  return value;
}

/** The detail as JSON will store it: undefined dropped, dates as strings, strings storable. */
function normaliseDetail(detail: Record<string, unknown> | undefined): Record<string, unknown> {
  const json = JSON.parse(JSON.stringify(detail ?? {})) as unknown;
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    throw invalid('AUDIT.BAD_DETAIL', { zh: '审计详情必须是 JSON 对象', en: 'audit detail must be a JSON object' });
  }
  return storableJson(json) as Record<string, unknown>;
}

/** JSON with object keys sorted at every level; numbers and strings as JSON.stringify writes them. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    const keys = Object.keys(obj)
      .filter((k) => obj[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

type ChainedFields = Omit<AuditRecord, 'hash'>;

/**
 * `at` as the hash covers it: UTC to the microsecond, as PostgreSQL keeps it
 * (`2026-11-02T02:00:00.123000Z`). Written from a JS date, read back with `AT_TEXT`, so a change
 * below the millisecond, which a JS date would round away, still shows.
 */
export function canonicalTime(at: Date): string {
  return at.toISOString().replace(/Z$/, '000Z');
}

const AT_TEXT = sql<string>`to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/**
 * The canonical text a row's hash covers: every field, explicit nulls, keys sorted. `at` is a
 * date, or its canonical text as the database renders it.
 */
export function canonicalAuditRecord(r: Omit<ChainedFields, 'at'> & { at: Date | string }): string {
  return canonicalJson({
    seq: r.seq,
    prevHash: r.prevHash,
    at: typeof r.at === 'string' ? r.at : canonicalTime(r.at),
    actorId: r.actorId,
    actorKind: r.actorKind,
    onBehalfOf: r.onBehalfOf,
    action: r.action,
    targetType: r.targetType,
    targetId: r.targetId,
    ip: r.ip,
    reason: r.reason,
    detail: r.detail,
  });
}

/** HMAC-SHA256 (hex) of the canonical record under the derived audit key. */
export function auditHash(auditKey: Buffer, r: Omit<ChainedFields, 'at'> & { at: Date | string }): string {
  return createHmac('sha256', auditKey).update(canonicalAuditRecord(r), 'utf8').digest('hex');
}

/** The fields as they will be stored (and read back), given the seq and predecessor. */
export function toChainedFields(
  entry: AuditEntry,
  seq: number,
  prevHash: string,
  now: () => Date = () => new Date(),
): ChainedFields {
  const at = new Date((entry.at ?? now()).getTime());
  const year = at.getUTCFullYear();
  if (Number.isNaN(year) || year < 1970 || year > 9999)
    throw invalid('AUDIT.BAD_TIME', { zh: '审计时间无效', en: 'invalid audit time' });
  if (!entry.action || entry.action.length > 100) {
    throw invalid('AUDIT.BAD_ACTION', {
      zh: '审计动作须为 1 至 100 个字符',
      en: 'an audit action must be 1 to 100 characters',
    });
  }
  return {
    seq,
    prevHash,
    at,
    actorId: storableOrNull(entry.actorId),
    actorKind: storable(entry.actorKind),
    onBehalfOf: storableOrNull(entry.onBehalfOf),
    action: storable(entry.action),
    targetType: storableOrNull(entry.targetType),
    targetId: storableOrNull(entry.targetId),
    ip: storableOrNull(entry.ip),
    reason: storableOrNull(entry.reason),
    detail: normaliseDetail(entry.detail),
  };
}

/**
 * Chains the entries after the head and writes them, the head locked until the transaction ends.
 * One entry: one statement (the row, and the head advanced by one). Several: the rows, then the
 * head moved onto the last of them (0073's trigger lets it only onto rows already appended).
 */
async function appendLocked(db: Db, entries: readonly AuditEntry[], auditKey: Buffer): Promise<Appended[]> {
  const q = aq(db);
  // The row lock on the head serialises appenders until the caller's transaction ends.
  const head = await q.selectFrom('platform.auditHead').select(['seq', 'hash']).forUpdate().executeTakeFirstOrThrow();
  let prev: Appended = { seq: Number(head.seq), hash: head.hash };
  const rows = entries.map((entry) => {
    const fields = toChainedFields(entry, prev.seq + 1, prev.hash);
    const hash = auditHash(auditKey, fields);
    prev = { seq: fields.seq, hash };
    return { ...fields, detail: JSON.stringify(fields.detail), hash };
  });
  const appended = rows.map((r) => ({ seq: r.seq, hash: r.hash }));
  if (rows.length === 1) {
    await q
      .with('appended', (w) => w.insertInto('platform.auditLog').values(rows[0]!).returning(['seq', 'hash']))
      .updateTable('platform.auditHead')
      .from('appended')
      .set((eb) => ({ seq: eb.ref('appended.seq'), hash: eb.ref('appended.hash') }))
      .execute();
    return appended;
  }
  await q.insertInto('platform.auditLog').values(rows).execute();
  await q.updateTable('platform.auditHead').set({ seq: prev.seq, hash: prev.hash }).execute();
  return appended;
}

/** Where an entry went in the chain. */
export interface Appended {
  seq: number;
  hash: string;
}

/** Most entries one batch of standalone appends writes. */
const MAX_BATCH = 64;

/**
 * The standalone appends of one database under one key, written together (group commit): one batch
 * at a time is in flight, and the entries that arrive meanwhile go together in the next one — one
 * transaction and one lock of the head for all of them, where each used to take the head in turn.
 * Every caller's promise settles when its own entry is committed (or its batch failed); an entry
 * that cannot be stored is refused before it joins a batch, so it never fails anyone else's.
 */
class Batcher {
  readonly #queue: { entry: AuditEntry; resolve: (a: Appended) => void; reject: (e: unknown) => void }[] = [];
  #writing = false;

  constructor(
    private readonly db: Db,
    private readonly auditKey: Buffer,
  ) {}

  append(entry: AuditEntry): Promise<Appended> {
    // Checked now, with a stand-in place in the chain: a bad time or action fails this caller alone.
    const at = entry.at ?? new Date();
    toChainedFields({ ...entry, at }, 1, GENESIS_HASH);
    return new Promise((resolve, reject) => {
      this.#queue.push({ entry: { ...entry, at }, resolve, reject });
      this.#pump();
    });
  }

  #pump(): void {
    if (this.#writing || this.#queue.length === 0) return;
    const batch = this.#queue.splice(0, MAX_BATCH);
    this.#writing = true;
    this.db
      .transaction()
      .execute((trx) =>
        appendLocked(
          trx,
          batch.map((b) => b.entry),
          this.auditKey,
        ),
      )
      .then(
        (written) => batch.forEach((b, i) => b.resolve(written[i]!)),
        (e: unknown) => batch.forEach((b) => b.reject(e)),
      )
      .finally(() => {
        this.#writing = false;
        this.#pump();
      });
  }
}

/**
 * One batcher per database and data key (a test may run several apps, each with its own database),
 * found by the key's identity: callers pass the same key buffer every time, so the hot path derives
 * the chain's key once per batcher, not per append.
 */
const batchers = new WeakMap<Db, WeakMap<Buffer, Batcher>>();
const batcherFor = (db: Db, dataKey: Buffer): Batcher => {
  let byKey = batchers.get(db);
  if (!byKey) batchers.set(db, (byKey = new WeakMap()));
  let batcher = byKey.get(dataKey);
  if (!batcher) byKey.set(dataKey, (batcher = new Batcher(db, deriveAuditKey(dataKey))));
  return batcher;
};

/**
 * Appends one entry. Given a transaction, the entry commits or rolls back with it; the head stays
 * locked until then, so append late in a transaction. Given the plain database, it joins the next
 * batch of appends (one transaction for the entries of concurrent callers) and resolves once that
 * commits. `key` is the data key (DATA_KEY); the chain uses a key derived from it.
 */
export async function appendAudit(db: Db, entry: AuditEntry, key: Buffer): Promise<Appended> {
  if (db.isTransaction) return (await appendLocked(db, [entry], deriveAuditKey(key)))[0]!;
  return batcherFor(db, key).append(entry);
}

/**
 * Walks the whole chain in seq order, `batchSize` rows at a time, recomputing every hash; the
 * first problem found is reported. Entries appended while it runs are not examined.
 */
export async function verifyAuditChain(
  db: Db,
  key: Buffer,
  opts: { batchSize?: number } = {},
): Promise<AuditVerification> {
  const auditKey = deriveAuditKey(key);
  const batchSize = opts.batchSize ?? 2000;
  const q = aq(db);
  // One statement, one snapshot: the head and the highest seq present agree in time.
  const head = await q
    .selectFrom('platform.auditHead')
    .select((eb) => [
      'seq',
      'hash',
      eb
        .selectFrom('platform.auditLog')
        .select((e) => e.fn.max('seq').as('m'))
        .as('maxSeq'),
    ])
    .executeTakeFirstOrThrow();

  let expected = 1;
  let prev = GENESIS_HASH;
  let entries = 0;
  const bad = (firstBadSeq: number, problem: AuditProblem): AuditVerification => ({
    ok: false,
    entries,
    firstBadSeq,
    problem,
  });

  while (expected <= head.seq) {
    const rows = await q
      .selectFrom('platform.auditLog')
      .select([
        'seq',
        'actorId',
        'actorKind',
        'onBehalfOf',
        'action',
        'targetType',
        'targetId',
        'ip',
        'reason',
        'detail',
        'prevHash',
        'hash',
        AT_TEXT.as('at'),
      ])
      .where('seq', '>=', expected)
      .where('seq', '<=', head.seq)
      .orderBy('seq')
      .limit(batchSize)
      .execute();
    if (rows.length === 0) break;
    for (const row of rows) {
      if (row.seq !== expected) return bad(expected, 'missing');
      if (auditHash(auditKey, row) !== row.hash) return bad(row.seq, 'altered');
      if (row.prevHash !== prev) return bad(row.seq, 'reordered');
      prev = row.hash;
      entries++;
      expected++;
    }
  }
  if (entries < head.seq) return bad(entries + 1, 'head-mismatch');
  if (prev !== head.hash) return bad(head.seq, 'head-mismatch');
  if (head.maxSeq !== null && Number(head.maxSeq) > head.seq) return bad(head.seq + 1, 'head-mismatch');
  return { ok: true, entries, head: head.hash };
}

/** Entries matching the filter, newest first (for the administrators' view). */
export async function listAudit(db: Db, filter: AuditFilter): Promise<AuditRecord[]> {
  if (!Number.isInteger(filter.limit) || filter.limit < 1 || filter.limit > 1000) {
    throw invalid('AUDIT.BAD_LIMIT', { zh: '每页条数须在 1 至 1000 之间', en: 'limit must be between 1 and 1000' });
  }
  let query = aq(db).selectFrom('platform.auditLog').selectAll();
  if (filter.actorId !== undefined) query = query.where('actorId', '=', filter.actorId);
  if (filter.targetType !== undefined) query = query.where('targetType', '=', filter.targetType);
  if (filter.targetId !== undefined) query = query.where('targetId', '=', filter.targetId);
  if (filter.action !== undefined) query = query.where('action', '=', filter.action);
  if (filter.since !== undefined) query = query.where('at', '>=', filter.since);
  if (filter.until !== undefined) query = query.where('at', '<', filter.until);
  if (filter.beforeSeq !== undefined) query = query.where('seq', '<', filter.beforeSeq);
  return query.orderBy('seq', 'desc').limit(filter.limit).execute();
}
