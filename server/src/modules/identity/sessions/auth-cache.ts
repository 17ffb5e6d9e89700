/**
 * Who a session cookie or an API token belongs to, remembered for a moment (SESSION_CACHE_MS,
 * default 1 s) on this node: under load most requests of a session arrive within the same second,
 * and resolving them is a database round trip each (on the cases benchmark this halved throughput).
 *
 * What it costs: a sign-out, revocation, role change, deactivation, agent revocation or switch of
 * the enterprise acted for takes effect at once on the node that made it (every such write here
 * forgets the whole cache) and within SESSION_CACHE_MS on other nodes. A switch of the enterprise
 * acted for also changes the `tb_act` cookie, which is part of the key, so the browser that
 * switched never meets its old identity on another node. Keys are hashes, never raw tokens.
 */
import { createHash } from 'node:crypto';

const MAX_ENTRIES = 20_000;
const caches = new Set<AuthCache>();

export class AuthCache<V = unknown> {
  private readonly entries = new Map<string, { at: number; value: V }>();

  constructor(
    private readonly ttlMs: number,
    private readonly clock: () => number = Date.now,
  ) {
    if (ttlMs > 0) caches.add(this as AuthCache);
  }

  static key(...parts: (string | undefined)[]): string {
    return createHash('sha256')
      .update(parts.map((p) => p ?? '').join('\n'))
      .digest('base64url');
  }

  /** The remembered answer, or a fresh one from `load` (undefined answers are remembered too). */
  async get(key: string, load: () => Promise<V>): Promise<V> {
    if (this.ttlMs <= 0) return load();
    const hit = this.entries.get(key);
    if (hit && this.clock() - hit.at < this.ttlMs) return hit.value;
    const value = await load();
    this.entries.delete(key);
    this.entries.set(key, { at: this.clock(), value });
    if (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    return value;
  }

  clear(): void {
    this.entries.clear();
  }
}

/** Forgets every remembered identity on this node: called by every write that changes one. */
export function forgetCachedAuth(): void {
  for (const c of caches) c.clear();
}
