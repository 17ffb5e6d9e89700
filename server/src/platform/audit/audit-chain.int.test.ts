import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { sql } from 'kysely';
import { randomBytes } from 'node:crypto';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { withDatabase } from '../../test/template.js';
import { openDatabase, type Db } from '../db/index.js';
import { appendAudit, auditEntry, listAudit, verifyAuditChain, GENESIS_HASH, type AuditEntry } from './index.js';
import { auditHash, deriveAuditKey, toChainedFields } from './audit-chain.js';

let t: TestApp;
const key = randomBytes(32);
const staff = { id: 'staff-1', kind: 'staff' };

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

/** Runs statements with the append-only triggers off, as someone with owner rights could. */
async function tamper(...statements: string[]): Promise<void> {
  await t.db.transaction().execute(async (trx) => {
    await sql`ALTER TABLE platform.audit_log DISABLE TRIGGER ALL`.execute(trx);
    await sql`ALTER TABLE platform.audit_head DISABLE TRIGGER ALL`.execute(trx);
    for (const s of statements) await sql.raw(s).execute(trx);
    await sql`ALTER TABLE platform.audit_log ENABLE TRIGGER ALL`.execute(trx);
    await sql`ALTER TABLE platform.audit_head ENABLE TRIGGER ALL`.execute(trx);
  });
}

const entry = (i: number): AuditEntry =>
  auditEntry(staff, i % 2 ? 'identity.role-granted' : 'exchange.person-read', {
    at: new Date(Date.UTC(2026, 10, 2, 2, 0, i)),
    onBehalfOf: i % 3 ? null : `ent-${i}`,
    targetType: 'person',
    targetId: `p-${i % 4}`,
    ip: '10.0.0.7',
    reason: i % 2 ? null : '办件核验',
    detail: { i, roles: ['catalog_admin'], nested: { z: 1, a: '贵阳' } },
  });

async function appendMany(n: number): Promise<{ seq: number; hash: string }[]> {
  const out = [];
  for (let i = 1; i <= n; i++) out.push(await appendAudit(t.db, entry(i), key));
  return out;
}

const count = async () =>
  Number((await sql<{ n: number }>`SELECT count(*)::int AS n FROM platform.audit_log`.execute(t.db)).rows[0]!.n);

beforeEach(async () => {
  await tamper(`TRUNCATE platform.audit_log`, `UPDATE platform.audit_head SET seq = 0, hash = repeat('0', 64)`);
});

describe('appending and verifying', () => {
  it('verifies an intact chain, in any batch size', async () => {
    expect(await verifyAuditChain(t.db, key)).toEqual({ ok: true, entries: 0, head: GENESIS_HASH });
    const appended = await appendMany(12);
    expect(appended.map((a) => a.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    const last = appended.at(-1)!.hash;
    expect(await verifyAuditChain(t.db, key)).toEqual({ ok: true, entries: 12, head: last });
    expect(await verifyAuditChain(t.db, key, { batchSize: 5 })).toEqual({ ok: true, entries: 12, head: last });
    expect(await verifyAuditChain(t.db, key, { batchSize: 1 })).toEqual({ ok: true, entries: 12, head: last });
  });

  it('links each row to the one before it, starting from 64 zeros', async () => {
    await appendMany(3);
    const rows = (await listAudit(t.db, { limit: 10 })).reverse();
    expect(rows.map((r) => r.prevHash)).toEqual([GENESIS_HASH, rows[0]!.hash, rows[1]!.hash]);
    expect(rows[0]).toMatchObject({
      seq: 1,
      actorId: 'staff-1',
      actorKind: 'staff',
      action: 'identity.role-granted',
      at: new Date(Date.UTC(2026, 10, 2, 2, 0, 1)),
    });
  });

  it('stores what it hashed, whatever the strings hold', async () => {
    await appendAudit(
      t.db,
      {
        actorId: null,
        actorKind: 'anonymous',
        action: 'identity.sign-in',
        ip: '::1',
        reason: 'bad\u0000name \ud800 😀',
        detail: {
          ...JSON.parse('{"__proto__":{"x":1}}'),
          'k\ud800': 'v\u0000',
          中文: '贵州',
          n: 0.1 + 0.2,
          big: 1e21,
          tiny: 5e-324,
          at: new Date(0) as unknown,
        },
      },
      key,
    );
    expect(await verifyAuditChain(t.db, key)).toMatchObject({ ok: true, entries: 1 });
    const [row] = await listAudit(t.db, { limit: 1 });
    expect(row!.reason).toBe('bad\ufffdname \ufffd 😀');
    expect(row!.detail).toEqual({
      ...JSON.parse('{"__proto__":{"x":1}}'),
      'k\ufffd': 'v\ufffd',
      中文: '贵州',
      n: 0.1 + 0.2,
      big: 1e21,
      tiny: 5e-324,
      at: '1970-01-01T00:00:00.000Z',
    });
    expect(Object.keys(row!.detail)).toContain('__proto__');
  });

  it('fails verification under another key', async () => {
    await appendMany(2);
    expect(await verifyAuditChain(t.db, randomBytes(32))).toEqual({
      ok: false,
      entries: 0,
      firstBadSeq: 1,
      problem: 'altered',
    });
  });
});

describe('tampering', () => {
  it('detects an altered row at its seq', async () => {
    await appendMany(10);
    await tamper(`UPDATE platform.audit_log SET reason = '例行检查' WHERE seq = 6`);
    expect(await verifyAuditChain(t.db, key)).toEqual({ ok: false, entries: 5, firstBadSeq: 6, problem: 'altered' });
    expect(await verifyAuditChain(t.db, key, { batchSize: 4 })).toEqual({
      ok: false,
      entries: 5,
      firstBadSeq: 6,
      problem: 'altered',
    });
  });

  it('detects an altered detail and a shifted time', async () => {
    await appendMany(4);
    await tamper(`UPDATE platform.audit_log SET detail = jsonb_set(detail, '{i}', '99') WHERE seq = 2`);
    expect(await verifyAuditChain(t.db, key)).toMatchObject({ ok: false, firstBadSeq: 2, problem: 'altered' });
    await tamper(`UPDATE platform.audit_log SET detail = jsonb_set(detail, '{i}', '2') WHERE seq = 2`);
    expect(await verifyAuditChain(t.db, key)).toMatchObject({ ok: true });
    await tamper(`UPDATE platform.audit_log SET at = at + interval '1 microsecond' WHERE seq = 3`);
    expect(await verifyAuditChain(t.db, key)).toMatchObject({ ok: false, firstBadSeq: 3, problem: 'altered' });
  });

  it('detects a deleted middle row', async () => {
    await appendMany(10);
    await tamper(`DELETE FROM platform.audit_log WHERE seq = 4`);
    expect(await verifyAuditChain(t.db, key)).toEqual({ ok: false, entries: 3, firstBadSeq: 4, problem: 'missing' });
    expect(await verifyAuditChain(t.db, key, { batchSize: 3 })).toEqual({
      ok: false,
      entries: 3,
      firstBadSeq: 4,
      problem: 'missing',
    });
  });

  it('detects rows renumbered to close a gap', async () => {
    await appendMany(6);
    await tamper(
      `DELETE FROM platform.audit_log WHERE seq = 3`,
      `UPDATE platform.audit_log SET seq = seq - 1 WHERE seq > 3`,
      `UPDATE platform.audit_head SET seq = 5`,
    );
    expect(await verifyAuditChain(t.db, key)).toEqual({ ok: false, entries: 2, firstBadSeq: 3, problem: 'altered' });
  });

  it('detects a deleted last row through the head', async () => {
    await appendMany(10);
    await tamper(`DELETE FROM platform.audit_log WHERE seq = 10`);
    expect(await verifyAuditChain(t.db, key)).toEqual({
      ok: false,
      entries: 9,
      firstBadSeq: 10,
      problem: 'head-mismatch',
    });
  });

  it('detects a head that disagrees with the last row, and rows past the head', async () => {
    await appendMany(5);
    await tamper(`UPDATE platform.audit_head SET hash = repeat('a', 64)`);
    expect(await verifyAuditChain(t.db, key)).toEqual({
      ok: false,
      entries: 5,
      firstBadSeq: 5,
      problem: 'head-mismatch',
    });
    const row4 = (await listAudit(t.db, { limit: 1, beforeSeq: 5 }))[0]!;
    await tamper(`UPDATE platform.audit_head SET seq = 4, hash = '${row4.hash}'`);
    expect(await verifyAuditChain(t.db, key)).toEqual({
      ok: false,
      entries: 4,
      firstBadSeq: 5,
      problem: 'head-mismatch',
    });
  });

  it('detects a row that is intact in itself but follows another row', async () => {
    await appendMany(3);
    const [row1] = await listAudit(t.db, { limit: 1, beforeSeq: 2 });
    // Only a key holder can forge a self-consistent row: here one that skips its predecessor.
    const forged = toChainedFields(entry(3), 3, row1!.hash);
    const hash = auditHash(deriveAuditKey(key), forged);
    await tamper(
      `UPDATE platform.audit_log SET prev_hash = '${row1!.hash}', hash = '${hash}' WHERE seq = 3`,
      `UPDATE platform.audit_head SET hash = '${hash}'`,
    );
    expect(await verifyAuditChain(t.db, key)).toEqual({ ok: false, entries: 2, firstBadSeq: 3, problem: 'reordered' });
  });

  it('refuses UPDATE, DELETE and TRUNCATE while the triggers are on', async () => {
    await appendMany(3);
    await expect(sql`UPDATE platform.audit_log SET reason = 'x' WHERE seq = 2`.execute(t.db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`DELETE FROM platform.audit_log WHERE seq = 3`.execute(t.db)).rejects.toThrow(/append-only/);
    await expect(sql`TRUNCATE platform.audit_log`.execute(t.db)).rejects.toThrow(/append-only/);
    await expect(sql`UPDATE platform.audit_head SET seq = 2`.execute(t.db)).rejects.toThrow(/only advance/);
    await expect(sql`DELETE FROM platform.audit_head`.execute(t.db)).rejects.toThrow(/append-only/);
    expect(await count()).toBe(3);
    expect(await verifyAuditChain(t.db, key)).toMatchObject({ ok: true, entries: 3 });
  });
});

/** Several API nodes (pools) exist only on a PostgreSQL server; PGlite is one embedded session. */
const serverUrl = inject('databaseUrl');

/**
 * Two more pools on the test database, as two API nodes would have. Closed by the test itself:
 * the harness drops the database right after closing its own pool, which would cut off
 * connections still shutting down.
 */
async function withTwoNodes(run: (nodes: Db[]) => Promise<void>): Promise<void> {
  const { rows } = await sql<{ name: string }>`SELECT current_database() AS name`.execute(t.db);
  const nodes = await Promise.all(
    [1, 2].map(() => openDatabase({ url: withDatabase(serverUrl, rows[0]!.name), poolSize: 4 })),
  );
  try {
    await run(nodes.map((n) => n.db));
  } finally {
    await Promise.all(nodes.map((n) => n.close()));
  }
}

describe('transactions', () => {
  it('keeps concurrent transactions of one node apart, a failing one among them', async () => {
    const outcomes = await Promise.allSettled(
      Array.from({ length: 12 }, (_, i) =>
        t.db.transaction().execute(async (trx) => {
          await appendAudit(trx, entry(i), key);
          await sql`SELECT 1`.execute(trx);
          if (i === 5) throw new Error('the audited action failed');
        }),
      ),
    );
    expect(outcomes.filter((o) => o.status === 'rejected')).toHaveLength(1);
    expect(await count()).toBe(11);
    expect(await verifyAuditChain(t.db, key)).toMatchObject({ ok: true, entries: 11 });
  });

  it.runIf(serverUrl)('serialises concurrent appenders into one contiguous chain', async () => {
    await withTwoNodes(async (nodes) => {
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          nodes[i % 2]!.transaction().execute(async (trx) => {
            const appended = await appendAudit(trx, entry(i), key);
            await sql`SELECT 1`.execute(trx);
            return appended;
          }),
        ),
      );
      expect(results.map((r) => r.seq).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    });
    expect(await verifyAuditChain(t.db, key)).toMatchObject({ ok: true, entries: 20 });
  });

  it.runIf(serverUrl)('serialises concurrent appends that open their own transactions', async () => {
    await withTwoNodes(async (nodes) => {
      await Promise.all(Array.from({ length: 20 }, (_, i) => appendAudit(nodes[i % 2]!, entry(i), key)));
    });
    expect(await verifyAuditChain(t.db, key)).toMatchObject({ ok: true, entries: 20 });
  });

  it('writes the appends of concurrent callers in a few transactions, each caller told its own place', async () => {
    const appended = await Promise.all(Array.from({ length: 40 }, (_, i) => appendAudit(t.db, entry(i), key)));
    expect(appended.map((a) => a.seq).sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    const rows = await listAudit(t.db, { limit: 40 });
    expect(new Map(rows.map((r) => [r.seq, r.hash]))).toEqual(new Map(appended.map((a) => [a.seq, a.hash])));
    // Rows a transaction wrote share its id (xmin): one lock of the head served many entries.
    const { rows: transactions } = await sql<{ n: number }>`
      SELECT count(DISTINCT xmin::text)::int AS n FROM platform.audit_log`.execute(t.db);
    expect(transactions[0]!.n).toBeLessThan(10);
    expect(await verifyAuditChain(t.db, key)).toMatchObject({ ok: true, entries: 40 });
  });

  it('refuses a bad entry alone, the others of its batch written', async () => {
    const outcomes = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) => appendAudit(t.db, i === 4 ? { ...entry(i), action: '' } : entry(i), key)),
    );
    expect(outcomes.map((o) => o.status)).toEqual([
      ...Array(4).fill('fulfilled'),
      'rejected',
      ...Array(5).fill('fulfilled'),
    ]);
    expect((outcomes[4] as PromiseRejectedResult).reason).toMatchObject({ code: 'AUDIT.BAD_ACTION' });
    expect(await verifyAuditChain(t.db, key)).toMatchObject({ ok: true, entries: 9 });
  });

  it('lets the head move several entries at once only onto entries appended', async () => {
    const [, , third] = await appendMany(3);
    await expect(sql`UPDATE platform.audit_head SET seq = 5, hash = ${third!.hash}`.execute(t.db)).rejects.toThrow(
      /only advance/,
    );
    await tamper(`UPDATE platform.audit_head SET seq = 1, hash = (SELECT hash FROM platform.audit_log WHERE seq = 1)`);
    await expect(sql`UPDATE platform.audit_head SET seq = 3, hash = repeat('b', 64)`.execute(t.db)).rejects.toThrow(
      /only advance/,
    );
    await sql`UPDATE platform.audit_head SET seq = 3, hash = ${third!.hash}`.execute(t.db);
    expect(await verifyAuditChain(t.db, key)).toMatchObject({ ok: true, entries: 3 });
  });

  it('leaves no row when the caller rolls back', async () => {
    await appendMany(2);
    await expect(
      t.db.transaction().execute(async (trx) => {
        await appendAudit(trx, entry(3), key);
        throw new Error('the audited action failed');
      }),
    ).rejects.toThrow('the audited action failed');
    expect(await count()).toBe(2);
    expect(await verifyAuditChain(t.db, key)).toMatchObject({ ok: true, entries: 2 });
    expect((await appendAudit(t.db, entry(3), key)).seq).toBe(3);
    expect(await verifyAuditChain(t.db, key)).toMatchObject({ ok: true, entries: 3 });
  });
});

describe('listAudit', () => {
  it('filters and pages newest first', async () => {
    await appendMany(12);
    const all = await listAudit(t.db, { limit: 100 });
    expect(all.map((r) => r.seq)).toEqual([12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
    expect((await listAudit(t.db, { limit: 3, beforeSeq: 10 })).map((r) => r.seq)).toEqual([9, 8, 7]);
    expect((await listAudit(t.db, { limit: 100, targetType: 'person', targetId: 'p-1' })).map((r) => r.seq)).toEqual([
      9, 5, 1,
    ]);
    expect((await listAudit(t.db, { limit: 100, action: 'exchange.person-read' })).every((r) => r.seq % 2 === 0)).toBe(
      true,
    );
    expect(await listAudit(t.db, { limit: 100, actorId: 'nobody' })).toEqual([]);
    const since = new Date(Date.UTC(2026, 10, 2, 2, 0, 4));
    const until = new Date(Date.UTC(2026, 10, 2, 2, 0, 7));
    expect((await listAudit(t.db, { limit: 100, since, until })).map((r) => r.seq)).toEqual([6, 5, 4]);
  });

  it('refuses a limit outside 1 to 1000', async () => {
    await expect(listAudit(t.db, { limit: 0 })).rejects.toMatchObject({ code: 'AUDIT.BAD_LIMIT' });
    await expect(listAudit(t.db, { limit: 1001 })).rejects.toMatchObject({ code: 'AUDIT.BAD_LIMIT' });
  });
});
