/**
 * Crash safety under load (PostgreSQL stage): the real server runs as a child process, residents
 * submit applications with idempotency keys, the server is killed with SIGKILL mid-flight and
 * started again, and every key is retried: every acknowledged submission exists, and each key
 * maps to exactly one case — the acknowledged one when there was an acknowledgement.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import { sql } from 'kysely';
import type { ChildProcess } from 'node:child_process';
import { createTestApp, type TestApp } from './test/harness.js';
import { GENEROUS_LIMITS, register, registryPersons, type Client } from './test/people.js';
import { formlessCountyItem } from './test/cases.js';
import { killHard, sparePort, startServer } from './test/processes.js';
import { withDatabase } from './test/template.js';
import { TEST_DATA_KEY } from './test/keys.js';

const onServer = Boolean(inject('databaseUrl'));
const CLIENTS = 6;
/** Acknowledged submissions to wait for before the kill (the load is bounded by count, not time). */
const BEFORE_KILL = 30;

describe.runIf(onServer)('kill -9 under load', { timeout: 300_000 }, () => {
  let t: TestApp;
  let server: ChildProcess | undefined;
  let env: Record<string, string>;
  let files: string;
  beforeAll(async () => {
    t = await createTestApp({ env: GENEROUS_LIMITS });
    const name = (await sql<{ name: string }>`SELECT current_database() AS name`.execute(t.db)).rows[0]!.name;
    files = await fs.mkdtemp(path.join(os.tmpdir(), 'tongban-files-'));
    env = {
      DATABASE_URL: withDatabase(inject('databaseUrl'), name),
      DATA_KEY: TEST_DATA_KEY,
      WORKERS: 'false',
      STORAGE_DIR: files,
      DATABASE_POOL_SIZE: '8',
    };
  });
  afterAll(async () => {
    if (server) await killHard(server);
    await t?.close();
    await fs.rm(files, { recursive: true, force: true });
  });

  it('loses no acknowledged submission and never makes two cases of one key', async () => {
    const item = await formlessCountyItem(t);
    const people = await registryPersons(t, 'any', CLIENTS);
    const residents: Client[] = [];
    // One at a time: registration reads the latest SMS code from the outbox.
    for (const p of people) residents.push((await register(t, p)).c);
    const port = await sparePort();
    const base = `http://127.0.0.1:${port}`;
    server = await startServer(env, port);

    const body = (key: string) => JSON.stringify({ itemCode: item.code, form: { remarks: `新办 ${key}` } });
    const submit = (r: Client, key: string) =>
      fetch(`${base}/api/cases`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          cookie: [...r.jar].map(([k, v]) => `${k}=${v}`).join('; '),
          'x-csrf-token': r.jar.get('tb_csrf')!,
          'idempotency-key': key,
        },
        body: body(key),
      });
    const sent: { resident: number; key: string }[] = [];
    const acked = new Map<string, string>();
    let killed = false;
    const load = residents.map(async (r, resident) => {
      while (!killed) {
        const key = randomUUID();
        sent.push({ resident, key });
        const res = await submit(r, key).catch(() => undefined);
        if (!res) continue; // the connection died with the server: outcome unknown until retried
        const text = await res.text().catch(() => '');
        if (res.status === 201) acked.set(key, (JSON.parse(text) as { caseId: string }).caseId);
        else if (!killed) throw new Error(`submission answered ${res.status}: ${text}`);
      }
    });
    const until = Date.now() + 120_000;
    while (acked.size < BEFORE_KILL && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
    expect(acked.size).toBeGreaterThanOrEqual(BEFORE_KILL);
    killed = true;
    await killHard(server);
    await Promise.all(load);

    server = await startServer(env, port);
    for (const { resident, key } of sent) {
      const res = await submit(residents[resident]!, key);
      const text = await res.text();
      expect([200, 201], text).toContain(res.status);
      const caseId = (JSON.parse(text) as { caseId: string }).caseId;
      if (acked.has(key)) {
        expect(res.status, `acknowledged key ${key} replays`).toBe(200);
        expect(caseId).toBe(acked.get(key));
      }
    }

    const keys = sent.map((s) => s.key);
    const rows = (
      await sql<{ key: string; cases: number }>`
        SELECT i.key, count(DISTINCT c.id)::int AS cases
          FROM cases.idempotency i JOIN cases."case" c ON c.id = i.case_id
         WHERE i.key = ANY(${keys}::text[]) GROUP BY i.key`.execute(t.db)
    ).rows;
    expect(rows).toHaveLength(keys.length);
    expect(rows.every((r) => r.cases === 1)).toBe(true);
    const ackedIds = [...acked.values()];
    const present = (
      await sql<{ n: number }>`SELECT count(*)::int AS n FROM cases."case" WHERE id = ANY(${ackedIds}::uuid[])`.execute(
        t.db,
      )
    ).rows[0]!.n;
    expect(present).toBe(ackedIds.length);
    // Every case these residents have of the item came from one of the keys: no stray duplicate.
    // (The form's undeclared keys are sealed at rest, so cases are counted by their applicants.)
    const registryIds = people.map((p) => p.id);
    const cases = (
      await sql<{
        n: number;
      }>`SELECT count(*)::int AS n FROM cases."case" c JOIN identity.person_account a ON a.id = c.applicant_person_id
         WHERE c.item_code = ${item.code} AND a.registry_person_id = ANY(${registryIds}::uuid[])`.execute(t.db)
    ).rows[0]!.n;
    expect(cases).toBe(keys.length);
  });
});
