/**
 * oidc-provider's storage in PostgreSQL: one row per model instance in `identity.oidc_payload`,
 * keyed by (kind, id). Expired rows are never returned; they are deleted now and then. Clients
 * are not stored here: `Client` is answered from the administrators' register.
 */
import { sql } from 'kysely';
import type { Adapter, AdapterFactory, AdapterPayload } from 'oidc-provider';
import type { IdentityDeps } from '../identity.deps.js';
import { clientMetadata } from './clients.service.js';
import { oq } from './oidc.tables.js';

/** Every this many writes, rows that expired more than an hour ago are deleted. */
const SWEEP_EVERY = 500;

export function pgAdapterFactory(deps: Pick<IdentityDeps, 'db' | 'cipher' | 'now'>): AdapterFactory {
  const { db, now } = deps;
  let writes = 0;

  const live = (kind: string) =>
    oq(db)
      .selectFrom('identity.oidcPayload')
      .select(['payload', 'consumedAt'])
      .where('kind', '=', kind)
      .where((eb) => eb.or([eb('expiresAt', 'is', null), eb('expiresAt', '>', now())]));

  const toPayload = (row: { payload: unknown; consumedAt: Date | null } | undefined): AdapterPayload | undefined => {
    if (!row) return undefined;
    const payload = (typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload) as AdapterPayload;
    return row.consumedAt ? { ...payload, consumed: Math.floor(row.consumedAt.getTime() / 1000) } : payload;
  };

  async function sweep(): Promise<void> {
    await oq(db)
      .deleteFrom('identity.oidcPayload')
      .where('expiresAt', '<', new Date(now().getTime() - 3_600_000))
      .execute();
  }

  return (kind: string): Adapter => {
    if (kind === 'Client') {
      const none = async () => undefined;
      return {
        find: (id) => clientMetadata(deps, id),
        upsert: none,
        findByUid: none,
        findByUserCode: none,
        consume: none,
        destroy: none,
        revokeByGrantId: none,
      };
    }
    return {
      async upsert(id, payload, expiresIn) {
        const row = {
          payload: sql`cast(${JSON.stringify(payload)} as jsonb)`,
          grantId: payload.grantId ?? null,
          userCode: payload.userCode ?? null,
          uid: payload.uid ?? null,
          expiresAt: expiresIn ? new Date(now().getTime() + expiresIn * 1000) : null,
        };
        await oq(db)
          .insertInto('identity.oidcPayload')
          .values({ kind, id, ...row, consumedAt: null })
          .onConflict((oc) => oc.columns(['kind', 'id']).doUpdateSet(row))
          .execute();
        if (++writes % SWEEP_EVERY === 0) await sweep();
      },
      async find(id) {
        return toPayload(await live(kind).where('id', '=', id).executeTakeFirst());
      },
      async findByUid(uid) {
        return toPayload(await live(kind).where('uid', '=', uid).executeTakeFirst());
      },
      async findByUserCode(userCode) {
        return toPayload(await live(kind).where('userCode', '=', userCode).executeTakeFirst());
      },
      async consume(id) {
        await oq(db)
          .updateTable('identity.oidcPayload')
          .set({ consumedAt: now() })
          .where('kind', '=', kind)
          .where('id', '=', id)
          .execute();
      },
      async destroy(id) {
        await oq(db).deleteFrom('identity.oidcPayload').where('kind', '=', kind).where('id', '=', id).execute();
      },
      async revokeByGrantId(grantId) {
        // Everything issued under the grant goes, whichever model asks.
        await oq(db).deleteFrom('identity.oidcPayload').where('grantId', '=', grantId).execute();
      },
    };
  };
}
